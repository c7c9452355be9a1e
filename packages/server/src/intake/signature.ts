import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of Xiaoer's own signature scheme. */
export const SIGNATURE_HEADERS = {
  source: 'x-xiaoer-source',
  timestamp: 'x-xiaoer-timestamp',
  signature: 'x-xiaoer-signature',
} as const;

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`); timestamp in Unix seconds. */
export function signBody(secret: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${hmac}`;
}

/** Headers a sender adds to a body (the demo order system and tests use this). */
export function signedHeaders(
  source: string,
  secret: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    [SIGNATURE_HEADERS.source]: source,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.signature]: signBody(secret, timestamp, body),
  };
}

/** Base64 HMAC-SHA256 of the raw body: Shopify's and WooCommerce's scheme. */
export function base64Hmac(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Compares two signatures in constant time (for equal lengths; lengths are not secret). */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Which of a source's secrets makes `received` (`sign(secret)` is the signature a secret
 * makes), each compared in constant time. The previous secret is tried only when the current
 * one does not match: a delivery signed with the current secret (nearly all) costs one HMAC, as
 * before rotations had a grace, and whoever signs with the previous one is told so anyway.
 */
export function matchingSecret(
  secrets: { secret: string; previousSecret?: string },
  sign: (secret: string) => string,
  received: string,
): 'current' | 'previous' | undefined {
  if (sameSignature(sign(secrets.secret), received)) return 'current';
  if (secrets.previousSecret !== undefined && sameSignature(sign(secrets.previousSecret), received))
    return 'previous';
  return undefined;
}
