import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomer } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/**
 * With `chat.customerSecret`, a customer the shop signed is verified; a bad signature is refused;
 * no signature opens an anonymous chat (tier `normal`), or is refused with `requireSignature`.
 */
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

  it('should mark the signed customer verified', async () => {
    const signature = signCustomer(SECRET, customer, inAnHour);
    const body = (await (await open({ customer, signature })).json()) as {
      customer: { verified: boolean };
    };
    expect(body.customer.verified).toBe(true);
  });

  it('should open an unsigned chat as an anonymous normal-tier customer', async () => {
    const response = await open({ customer });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { customer: unknown }).customer).toMatchObject({
      id: 'u-77',
      tier: 'normal',
      verified: false,
    });
  });

  it('should refuse a signature valid for longer than a day', async () => {
    const inTwoDays = Math.floor(Date.now() / 1000) + 2 * 86_400;
    const response = await open({ customer, signature: signCustomer(SECRET, customer, inTwoDays) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'customer-signature-lifetime',
    );
  });

  it('should refuse another secret, another tier and an expired one', async () => {
    const refused = [
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

describe('a shop that requires signed customers', () => {
  let strict: Harness;
  beforeAll(async () => {
    strict = await startHarness({
      store: h.store,
      config: { chat: { customerSecret: SECRET, requireSignature: true } },
    });
  });
  afterAll(async () => strict?.stopServer());

  it('should refuse an unsigned chat', async () => {
    const response = await fetch(`${strict.url}/api/chat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { id: 'u-78' } }),
    });
    expect(response.status).toBe(401);
  });
});
