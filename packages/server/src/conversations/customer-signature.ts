import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A shop vouches for who is chatting: its server signs the customer's id and tier with the
 * secret it shares with Xiaoer (`chat.customerSecret`), and the page passes the signature on.
 * Without it, anyone could open a chat as someone else or as a VIP.
 *
 * `value` is hex HMAC-SHA256(secret, `${id}.${tier}.${expires}`), `expires` in Unix seconds.
 */
export interface CustomerSignature {
  expires: number;
  value: string;
}

export function signCustomer(
  secret: string,
  customer: { id: string; tier: string },
  expires: number,
): CustomerSignature {
  const value = createHmac('sha256', secret)
    .update(`${customer.id}.${customer.tier}.${expires}`)
    .digest('hex');
  return { expires, value };
}

/** True when the signature is the shop's for this customer and has not expired. */
export function customerSignatureValid(
  secret: string,
  customer: { id: string; tier: string },
  signature: CustomerSignature | undefined,
  now = Date.now(),
): boolean {
  if (!signature || signature.expires * 1000 < now) return false;
  const expected = Buffer.from(signCustomer(secret, customer, signature.expires).value, 'hex');
  const given = Buffer.from(signature.value, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
