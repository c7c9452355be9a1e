import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomer } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/** With `chat.customerSecret`, only customers the shop signed may open a chat. */
const SECRET = 'shop-secret-0123456789';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ config: { chat: { customerSecret: SECRET } } });
});
afterAll(async () => h?.close());

const open = (body: unknown) =>
  fetch(`${h.url}/api/chat/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a shop-signed customer', () => {
  const customer = { id: 'u-77', tier: 'vip', language: 'zh' };
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;

  it('should open a chat with the tier the shop signed', async () => {
    const signature = signCustomer(SECRET, customer, inAnHour);
    const response = await open({ customer, signature });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { customer: { tier: string } }).customer.tier).toBe('vip');
  });

  it('should refuse no signature, another secret, another tier and an expired one', async () => {
    const refused = [
      { customer },
      { customer, signature: signCustomer('another-secret-0123456', customer, inAnHour) },
      {
        customer: { ...customer, tier: 'svip' },
        signature: signCustomer(SECRET, customer, inAnHour),
      },
      { customer, signature: signCustomer(SECRET, customer, Math.floor(Date.now() / 1000) - 1) },
    ];
    for (const body of refused) {
      const response = await open(body);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'customer-signature',
      );
    }
    const malformed = await open({ customer, signature: { expires: 'soon', value: 'x' } });
    expect(malformed.status).toBe(400);
  });
});
