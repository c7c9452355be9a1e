import type { EventSource, SourceKind, SourceRegistry } from '../intake/event-source.ts';
import { ApiError } from './api-error.ts';

/**
 * The source `id` of `kind` whose secret signed a request, `sign(secret)` being the signature
 * a secret makes in the sender's scheme: its current secret, or the previous one until its
 * grace ends (`previousSecretUntil`), confirmed in the store where another process may have
 * ended it early (`StoredSourceRegistry.signedByLatest`). Else 401: `signature-secret-expired`
 * when the previous secret signed it after the grace, `signature-invalid` otherwise (an unknown
 * source too).
 * Every signed route (Xiaoer's, Shopify, WooCommerce, Youzan, mapped) checks through this.
 */
export async function signedSource(
  sources: SourceRegistry,
  id: string,
  kind: SourceKind,
  sign: (secret: string) => string,
  received: string,
): Promise<EventSource> {
  const signed = await sources.signedByLatest(id, kind, sign, received);
  if (signed && 'source' in signed) return signed.source;
  if (signed)
    throw new ApiError(
      401,
      'signature-secret-expired',
      {
        zh: `签名用的是来源 "${id}" 的旧密钥，它已于 ${signed.expiredAt} 停用；请在发送方填入新密钥。`,
        en: `The request is signed with source "${id}"'s previous secret, which stopped working at ${signed.expiredAt}; give the sender the new secret.`,
      },
      undefined,
      { previousSecretUntil: signed.expiredAt },
    );
  throw new ApiError(401, 'signature-invalid', {
    zh: '签名无效。',
    en: 'The signature is invalid.',
  });
}
