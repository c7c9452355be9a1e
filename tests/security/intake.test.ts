import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Hmac } from '@xiaoer/server/internal';
import { postShopify } from '../platforms/platform-fixtures.ts';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { expectRefused, type Attack } from './attack-table.ts';

/**
 * Issue 18, event intake: bodies too deep or too wide are a 400 (never a 500), and a platform's
 * body sent again — under a new webhook id, another topic, or without modification dates —
 * makes no second event.
 */
const SHOPIFY = {
  id: 'sec-shopify',
  kind: 'shopify' as const,
  secret: 'shpss_security_0123456789',
};
const WOO = { id: 'sec-woo', kind: 'woocommerce' as const, secret: 'woo-security-0123456789' };
let h: Harness;
let orderBody: string;
let instanceId: string;

beforeAll(async () => {
  h = await startHarness({ config: { sources: [SHOPIFY, WOO] } });
  await h.publish(counterWorkflow);
  orderBody = await readFile(
    new URL('../fixtures/platforms/shopify-orders-create.json', import.meta.url),
    'utf8',
  );
  expect((await shopify('orders/create', orderBody, 'first-delivery')).status).toBe(202);
  expect(
    (await h.sendEvents(cloudEvent('counter.opened', { counterId: 'deep', count: 0 }))).status,
  ).toBe(202);
  instanceId = 'counter:deep:1';
});
afterAll(async () => h?.close());

function shopify(topic: string, body: string, webhookId: string) {
  return postShopify(h.url, SHOPIFY, { topic, body, webhookId, shop: 'security.myshopify.com' });
}

function woo(body: string) {
  return fetch(`${h.url}/api/webhooks/woocommerce/${WOO.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wc-webhook-topic': 'order.updated',
      'x-wc-webhook-signature': base64Hmac(WOO.secret, body),
      'x-wc-webhook-source': 'https://woo.example.com/',
      'x-wc-webhook-delivery-id': String(Math.random()),
    },
    body,
  });
}

/** JSON text nested `depth` objects deep, as an attacker writes it (no recursion to build). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepEvent = (depth: number) =>
  `{"id":"deep-${depth}","type":"counter.bump","source":"/t","data":${deepJson(depth)}}`;
const wideData = (keys: number) =>
  Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

const ATTACKS: Attack[] = [
  {
    name: 'an event 10,000 levels deep',
    send: () => h.sendEvents(deepEvent(10_000)),
    status: 400,
    code: 'event-too-complex',
  },
  {
    name: 'an event 65 levels deep',
    send: () => h.sendEvents(deepEvent(64)),
    status: 400,
    code: 'event-too-complex',
  },
  {
    name: 'an event with 10,001 keys',
    send: () => h.sendEvents(cloudEvent('counter.bump', wideData(10_001))),
    status: 400,
    code: 'event-too-complex',
  },
  {
    name: 'a batch whose second event is too deep',
    send: () =>
      h.sendEvents(`[${JSON.stringify(cloudEvent('counter.bump', {}))},${deepEvent(200)}]`),
    status: 400,
    code: 'event-too-complex',
  },
  {
    name: 'a hand-sent event 10,000 levels deep',
    send: () =>
      fetch(`${h.url}/api/instances/${instanceId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
        body: `{"type":"counter.bump","data":${deepJson(10_000)}}`,
      }),
    status: 400,
    code: 'json-too-complex',
  },
  {
    name: 'a Shopify body sent again under a new webhook id',
    send: () => shopify('orders/create', orderBody, 'replayed-with-new-id'),
    status: 200,
  },
  {
    name: 'an unpaid Shopify order body sent again as orders/paid',
    send: () => shopify('orders/paid', orderBody, 'replayed-as-paid'),
    status: 200,
  },
];

describe('event intake (issue 18)', () => {
  it.each(ATTACKS)('should refuse, changing nothing: $name', async (attack) => {
    await expectRefused(h, attack);
  });

  it('should answer a replayed Shopify body as a duplicate, another topic as ignored', async () => {
    expect(await (await shopify('orders/create', orderBody, 'third-id')).json()).toEqual({
      events: [
        { id: expect.stringMatching(/^shopify-order-\d+-order\.created$/), status: 'duplicate' },
      ],
    });
    expect(await (await shopify('orders/paid', orderBody, 'fourth-id')).json()).toEqual({
      ignored: 'the order body does not show orders/paid',
    });
  });

  it('should take a WooCommerce body without modification dates once', async () => {
    const body = JSON.stringify({
      id: 7001,
      number: '7001',
      status: 'completed',
      total: '88.00',
      currency: 'CNY',
      billing: { first_name: 'Li', phone: '13800000000' },
    });
    expect((await woo(body)).status).toBe(202);
    await expectRefused(h, {
      name: 'the same WooCommerce body without dates, delivered again',
      send: () => woo(body),
      status: 200,
    });
  });
});
