import type { ChatCustomer, CustomerTier } from '../model/conversation.model.ts';
import { ChatError } from './chat-error.ts';
import { customerSignatureValid, type CustomerSignature } from './customer-signature.ts';

/** How the chat decides who is chatting (`chat.*` in the configuration). */
export interface ChatIdentityPolicy {
  /** Shared with the shop's server, which signs each customer's id, tier and expiry. */
  customerSecret?: string;
  /** Refuse unsigned chats (401) instead of opening them as anonymous customers. */
  requireSignature?: boolean;
  /** The longest a signature may still be valid for, in seconds. Default a day. */
  signatureMaxLifetimeSeconds?: number;
}

export interface ClaimedCustomer {
  id: string;
  tier?: CustomerTier;
  language?: 'zh' | 'en';
  name?: string;
}

const DEFAULT_MAX_LIFETIME_S = 86_400;

/**
 * Who the chat is with. A customer the shop signed is `verified`: their id is theirs, and the
 * chat journeys act on the orders it owns. Anyone else is anonymous: their tier is `normal`
 * whatever the page claims (a claimed VIP would jump the queue), and a journey asks them to
 * prove the order is theirs before it shows or changes anything. A signature that is present
 * but wrong, expired or valid for too long is refused, never downgraded silently.
 */
export function chatIdentity(
  policy: ChatIdentityPolicy,
  claimed: ClaimedCustomer,
  signature: CustomerSignature | undefined,
  now = Date.now(),
): ChatCustomer {
  const customer = { tier: 'normal' as const, language: 'zh' as const, ...claimed };
  const secret = policy.customerSecret;
  if (secret && signature) {
    const maxLifetime = policy.signatureMaxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_S;
    if (signature.expires * 1000 > now + maxLifetime * 1000)
      throw new ChatError('unauthenticated', 'customer-signature-lifetime', {
        maxSeconds: maxLifetime,
      });
    if (!customerSignatureValid(secret, customer, signature, now))
      throw new ChatError('unauthenticated', 'customer-signature');
    return { ...customer, verified: true };
  }
  if (signature || (secret && policy.requireSignature))
    // A signature no secret can check, or a shop that wants signed customers only.
    throw new ChatError('unauthenticated', 'customer-signature');
  return { ...customer, tier: secret ? 'normal' : customer.tier, verified: false };
}
