import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { base64Hmac } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { dbFingerprint, settledFingerprint } from './db-fingerprint.ts';

const SHOPIFY = { id: 'my-shopify', kind: 'shopify' as const, secret: 'shpss_0123456789abcdef' };
const WOO = { id: 'my-woo', kind: 'woocommerce' as const, secret: 'woo-secret-0123456789' };
const ORDER_ID = '820982911946154508'; // > 2^53: must survive exactly

/** Journeys move on once their effects report back: seconds on a loaded machine, not one. */
const SETTLED = { timeout: 10_000, interval: 50 };
let h: Harness;
const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function shopify(topic: string, body: string, webhookId: string, secret = SHOPIFY.secret) {
  return fetch(`${h.url}/api/webhooks/shopify/${SHOPIFY.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': base64Hmac(secret, body),
      'x-shopify-webhook-id': webhookId,
      'x-shopify-shop-domain': 'example.myshopify.com',
      'x-shopify-api-version': '2025-07',
    },
    body,
  });
}

function woo(topic: string | undefined, body: string, secret = WOO.secret) {
  return fetch(`${h.url}/api/webhooks/woocommerce/${WOO.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(topic ? { 'x-wc-webhook-topic': topic } : {}),
      'x-wc-webhook-signature': base64Hmac(secret, body),
      'x-wc-webhook-source': 'https://shop.example.com/',
      'x-wc-webhook-delivery-id': String(Math.random()),
    },
    body,
  });
}

const instance = async (id: string) =>
  (await (await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)).json()) as {
    node: string;
    data: Record<string, unknown>;
  };

beforeAll(async () => {
  h = await startHarness({ config: { sources: [SHOPIFY, WOO] } });
  const lifecycle = JSON.parse(
    await readFile(new URL('../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
  await h.publish(lifecycle);
});
afterAll(async () => h?.close());

describe('Shopify webhooks', () => {
  it('should start the order journey from orders/create with the exact big order id', async () => {
    const response = await shopify(
      'orders/create',
      await fixture('shopify-orders-create.json'),
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    );
    expect(response.status).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await instance(`order-lifecycle:${ORDER_ID}:1`)).node).toBe('waitShipment'),
      SETTLED,
    );
    const { data } = await instance(`order-lifecycle:${ORDER_ID}:1`);
    expect(data).toMatchObject({
      orderId: ORDER_ID,
      customer: {
        name: 'John Smith',
        phone: '555-555-SHIP',
        email: 'jon@example.com',
        language: 'en',
      },
      total: 398,
      currency: 'USD',
    });
  });

  it('should acknowledge a retried delivery (same webhook id) as a duplicate', async () => {
    const before = await settledFingerprint(h.connection);
    const again = await shopify(
      'orders/create',
      await fixture('shopify-orders-create.json'),
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      events: [{ id: expect.stringMatching(/^shopify-[0-9a-f]{32}$/), status: 'duplicate' }],
    });
    await h.xiaoer.intake.idle();
    expect(await dbFingerprint(h.connection)).toBe(before);
  });

  it('should move the journey on fulfillments/create and on a delivered fulfillment update', async () => {
    const fulfillment = await fixture('shopify-fulfillments-create.json');
    expect((await shopify('fulfillments/create', fulfillment, 'f-1')).status).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await instance(`order-lifecycle:${ORDER_ID}:1`)).node).toBe('waitDelivery'),
      SETTLED,
    );

    const inTransit = fulfillment.replace(
      '"shipment_status": null',
      '"shipment_status": "in_transit"',
    );
    const ignored = await shopify('fulfillments/update', inTransit, 'f-2');
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toEqual({
      ignored: 'fulfillment update with shipment_status in_transit',
    });

    const delivered = fulfillment.replace(
      '"shipment_status": null',
      '"shipment_status": "delivered"',
    );
    expect((await shopify('fulfillments/update', delivered, 'f-3')).status).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await instance(`order-lifecycle:${ORDER_ID}:1`)).node).toBe('waitBeforeSurvey'),
      SETTLED,
    );
  });

  it('should record refunds/create as order.refunded with the summed amount', async () => {
    expect(
      (await shopify('refunds/create', await fixture('shopify-refunds-create.json'), 'r-1')).status,
    ).toBe(202);
    // The event id is a hash of its content (issue 18), so it is found by its type.
    const stored = await h.connection.collection('events').findOne({ type: 'order.refunded' });
    expect(stored?.['type']).toBe('order.refunded');
    expect(JSON.parse(String(stored?.['data']))).toEqual({
      orderId: ORDER_ID,
      refundId: '890088186047892319',
      amount: 20,
      note: 'Things were damaged',
    });
  });

  it('should refuse a wrong HMAC and a missing topic, and ignore unknown topics, storing nothing', async () => {
    const body = await fixture('shopify-orders-create.json');
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const before = await settledFingerprint(h.connection);
    const forged = await shopify('orders/create', body, 'x-1', 'not-the-secret');
    expect(forged.status).toBe(401);
    const noTopic = await fetch(`${h.url}/api/webhooks/shopify/${SHOPIFY.id}`, {
      method: 'POST',
      headers: {
        'x-shopify-hmac-sha256': base64Hmac(SHOPIFY.secret, body),
        'x-shopify-webhook-id': 'x-2',
      },
      body,
    });
    expect(noTopic.status).toBe(400);
    const unknown = await shopify('products/update', body, 'x-3');
    expect(unknown.status).toBe(200);
    expect(((await unknown.json()) as { ignored: string }).ignored).toMatch(/products\/update/);
    const wrongKind = await fetch(`${h.url}/api/webhooks/shopify/${WOO.id}`, {
      method: 'POST',
      headers: {
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': base64Hmac(WOO.secret, body),
        'x-shopify-webhook-id': 'x-4',
      },
      body,
    });
    expect(wrongKind.status).toBe(401);
    expect(await dbFingerprint(h.connection)).toBe(before);
  });
});

describe('WooCommerce webhooks', () => {
  it('should answer the unsigned ping WooCommerce sends when a webhook is saved', async () => {
    const ping = await fetch(`${h.url}/api/webhooks/woocommerce/${WOO.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=17',
    });
    expect(ping.status).toBe(200);
  });

  it('should start a journey on order.created and route order.updated by status', async () => {
    const order = await fixture('woocommerce-order.json');
    expect((await woo('order.created', order)).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:727:1')).node).toBe('waitShipment'),
      SETTLED,
    );
    expect((await instance('order-lifecycle:727:1')).data).toMatchObject({
      orderId: '727',
      customer: { name: 'John Doe', phone: '(555) 555-5555', email: 'john.doe@example.com' },
      total: 29.35,
    });

    const completed = order
      .replace('"status": "pending"', '"status": "completed"')
      .replace(
        '"date_modified_gmt": "2017-03-22T19:28:08"',
        '"date_modified_gmt": "2017-03-23T08:00:00"',
      );
    expect((await woo('order.updated', completed)).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:727:1')).node).toBe('waitDelivery'),
      SETTLED,
    );
    // WooCommerce retries with a new delivery id; the content makes it a duplicate.
    expect((await woo('order.updated', completed)).status).toBe(200);

    const onHold = order.replace('"status": "pending"', '"status": "on-hold"');
    expect(await (await woo('order.updated', onHold)).json()).toEqual({
      ignored: 'order.updated with status on-hold',
    });
  });

  it('should refuse a wrong signature', async () => {
    expect(
      (await woo('order.created', await fixture('woocommerce-order.json'), 'wrong')).status,
    ).toBe(401);
  });
});
