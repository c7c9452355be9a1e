import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { ORDER_EVENT_TYPES, signedHeaders } from '@xiaoer/server';
import { base64Hmac, youzanSign } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { dbFingerprint, settledFingerprint } from './db-fingerprint.ts';
import { sentTo as sentMessages } from './sent-messages.ts';
import {
  customCourierParcel,
  erpMapping,
  problem,
  youzanPush,
  youzanRefundPush,
  youzanStatePush,
} from '../platforms/platform-fixtures.ts';

/** Rotated in the configuration file: its previous secret is taken until 2100. */
const SHOPIFY = {
  id: 'my-shopify',
  kind: 'shopify' as const,
  secret: 'shpss_0123456789abcdef',
  previousSecret: 'shpss_previous-0123456789',
  previousSecretUntil: '2100-01-01T00:00:00+08:00',
};
const WOO = { id: 'my-woo', kind: 'woocommerce' as const, secret: 'woo-secret-0123456789' };
/** Rotated in the configuration file: its previous secret's grace ended in 2020. */
const YOUZAN = {
  id: 'my-youzan',
  kind: 'youzan' as const,
  secret: 'youzan-client-secret-0123',
  previousSecret: 'youzan-previous-secret-0123',
  previousSecretUntil: '2020-01-01T00:00:00Z',
};
const ERP = {
  id: 'my-erp',
  kind: 'mapped' as const,
  secret: 'erp-secret-0123456789',
  mapping: erpMapping,
};
const ORDER_ID = '820982911946154508'; // > 2^53: must survive exactly

/** Journeys move on once their effects report back: seconds on a loaded machine, not one. */
const SETTLED = { timeout: 10_000, interval: 50 };
let h: Harness;
const fixture = (name: string) =>
  readFile(new URL(`../fixtures/platforms/${name}`, import.meta.url), 'utf8');

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
    timers: { timerId: string; status: string }[];
  };

beforeAll(async () => {
  h = await startHarness({ config: { sources: [SHOPIFY, WOO, YOUZAN, ERP] } });
  const lifecycle = JSON.parse(
    await readFile(new URL('../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
  await h.publish(lifecycle);
});
afterAll(async () => h?.close());

/** The texts sent to the customer of an instance, in order, with channel and recipient. */
const sentTo = (instanceId: string) => sentMessages(h.connection, instanceId);

describe('Shopify webhooks', () => {
  it('should start the order journey from orders/create with the exact big order id, waiting for payment of a voided order', async () => {
    const response = await shopify(
      'orders/create',
      await fixture('shopify-orders-create.json'),
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    );
    expect(response.status).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await instance(`order-lifecycle:${ORDER_ID}:1`)).node).toBe('waitPayment'),
      SETTLED,
    );
    const { data } = await instance(`order-lifecycle:${ORDER_ID}:1`);
    expect(data).toMatchObject({
      orderId: ORDER_ID,
      orderNumber: '#9999',
      customer: { name: 'John Smith', email: 'jon@example.com', language: 'en' },
      total: 398,
      currency: 'USD',
      paid: false,
    });
    expect(await sentTo(`order-lifecycle:${ORDER_ID}:1`)).toEqual([]);

    const paid = (await fixture('shopify-orders-create.json')).replace(
      '"financial_status": "voided"',
      '"financial_status": "paid"',
    );
    expect((await shopify('orders/paid', paid, 'p-1')).status).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await instance(`order-lifecycle:${ORDER_ID}:1`)).node).toBe('waitShipment'),
      SETTLED,
    );
    // No phone number in the sample (555-555-SHIP is none): the confirmation goes by email.
    // Effect records are written with their first attempt's outcome: wait for them.
    await vi.waitFor(
      async () =>
        expect(await sentTo(`order-lifecycle:${ORDER_ID}:1`)).toEqual([
          'email jon@example.com: Hi John Smith, your order #9999 is confirmed. We will ship it soon.',
        ]),
      SETTLED,
    );
  });

  it('should acknowledge a retried delivery (same webhook id) as a duplicate', async () => {
    const before = await settledFingerprint(h);
    const again = await shopify(
      'orders/create',
      await fixture('shopify-orders-create.json'),
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      events: [{ id: `shopify-order-${ORDER_ID}-order.created`, status: 'duplicate' }],
    });
    await h.xiaoer.intake.idle();
    expect(await dbFingerprint(h.connection)).toBe(before);
  });

  it('should notify each parcel with its tracking, once, and move on when one is delivered', async () => {
    const id = `order-lifecycle:${ORDER_ID}:1`;
    const fulfillment = await fixture('shopify-fulfillments-create.json');
    expect((await shopify('fulfillments/create', fulfillment, 'f-1')).status).toBe(202);
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);

    // orders/fulfilled repeats the same parcel in fulfillments[]: a duplicate, no second notice.
    // (Its body shows the order fulfilled: Shopify signs the body, not the topic header.)
    const order = JSON.parse(await fixture('shopify-orders-create.json')) as object;
    const fulfilled = JSON.stringify({
      ...order,
      fulfillment_status: 'fulfilled',
      fulfillments: [JSON.parse(fulfillment)],
    })
      .replace('"id":820982911946154508', `"id":${ORDER_ID}`)
      .replaceAll(`"order_id":820982911946154500`, `"order_id":${ORDER_ID}`);
    const again = await shopify('orders/fulfilled', fulfilled, 'f-1b');
    expect(await again.json()).toEqual({
      events: [{ id: 'shopify-fulfillment-123456-shipped-1z827wk74630', status: 'duplicate' }],
    });

    // A second parcel (Shopify's TNT sample fulfillment, pointed at this order).
    const tnt = (await fixture('shopify-fulfillment-tnt.json')).replace(
      '"order_id": 450789469',
      `"order_id": ${ORDER_ID}`,
    );
    expect((await shopify('fulfillments/create', tnt, 'f-tnt')).status).toBe(202);
    await vi.waitFor(async () => expect((await sentTo(id)).length).toBe(3), SETTLED);
    // Email is HTML: the links arrive escaped (`&#x2F;`), which mail clients show as `/`.
    const [ups, tntNotice] = (await sentTo(id)).slice(1);
    expect(ups).toMatch(
      /^email jon@example.com: A parcel of your order #9999 has shipped with UPS\. Tracking number 1z827wk74630: https:&#x2F;&#x2F;www\.ups\.com/,
    );
    expect(tntNotice).toMatch(
      /^email jon@example.com: A parcel of your order #9999 has shipped with TNT\. Tracking number 123456789: https:&#x2F;&#x2F;www\.tnt\.com/,
    );

    const inTransit = fulfillment.replace(
      '"shipment_status": null',
      '"shipment_status": "in_transit"',
    );
    // The carrier's status update repeats the tracking already told: a duplicate.
    const inTransitAnswer = await shopify('fulfillments/update', inTransit, 'f-2');
    expect(inTransitAnswer.status).toBe(200);
    expect(await inTransitAnswer.json()).toEqual({
      events: [{ id: 'shopify-fulfillment-123456-shipped-1z827wk74630', status: 'duplicate' }],
    });

    const delivered = fulfillment.replace(
      '"shipment_status": null',
      '"shipment_status": "delivered"',
    );
    expect((await shopify('fulfillments/update', delivered, 'f-3')).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance(id)).node).toBe('waitBeforeSurvey'),
      SETTLED,
    );
  });

  it('should tell the tracking a shop adds after fulfilling (fulfillments/update), once', async () => {
    // A paid order fulfilled without tracking; the shop adds UPS tracking afterwards, which
    // Shopify sends as fulfillments/update with the fulfillment as it is then (REST Admin API
    // "Fulfillment" resource: tracking_company, tracking_number(s), tracking_url(s),
    // shipment_status; shopify.dev/docs/api/admin-rest/2023-07/resources/fulfillment; the
    // number is the example of Shopify's fulfillmentTrackingInfoUpdateV2 mutation).
    const orderId = '820982911946154577';
    const id = `order-lifecycle:${orderId}:1`;
    const order = (await fixture('shopify-orders-create.json'))
      .replaceAll('820982911946154508', orderId)
      .replace('"financial_status": "voided"', '"financial_status": "paid"');
    expect((await shopify('orders/create', order, 't-1')).status).toBe(202);
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);

    const sample = JSON.parse(await fixture('shopify-fulfillments-create.json')) as object;
    const parcel = (changes: Record<string, unknown>) =>
      JSON.stringify({ ...sample, id: 123477, ...changes }).replace(
        '"order_id":820982911946154500',
        `"order_id":${orderId}`,
      );
    const untracked = parcel({
      tracking_company: null,
      tracking_number: null,
      tracking_numbers: [],
      tracking_url: null,
      tracking_urls: [],
    });
    expect((await shopify('fulfillments/create', untracked, 't-2')).status).toBe(202);
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);

    const url =
      'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z001985YW99744790';
    const tracking = {
      status: 'success',
      tracking_company: 'UPS',
      tracking_number: '1Z001985YW99744790',
      tracking_numbers: ['1Z001985YW99744790'],
      tracking_url: url,
      tracking_urls: [url],
    };
    const added = await shopify('fulfillments/update', parcel(tracking), 't-3');
    expect(added.status).toBe(202);
    await vi.waitFor(async () => expect((await sentTo(id)).length).toBe(3), SETTLED);
    const [, bare, withTracking] = await sentTo(id);
    expect(bare).toContain('The shop has not given a tracking number yet');
    expect(withTracking).toMatch(
      /^email jon@example.com: A parcel of your order #9999 has shipped with UPS\. Tracking number 1Z001985YW99744790: https:&#x2F;&#x2F;www\.ups\.com/,
    );

    // The next carrier status carries the same tracking: a duplicate, nothing told again.
    const inTransit = parcel({ ...tracking, shipment_status: 'in_transit' });
    const again = await shopify('fulfillments/update', inTransit, 't-4');
    expect(await again.json()).toEqual({
      events: [
        { id: 'shopify-fulfillment-123477-shipped-1Z001985YW99744790', status: 'duplicate' },
      ],
    });
    await h.xiaoer.intake.idle();
    expect((await sentTo(id)).length).toBe(3);
  });

  it('should take a Shopify order of over 2 MB, while a 2 MB POST /api/events is still 413', async () => {
    // Hundreds of line items: Shopify's sample line item with the fields a real one carries
    // (price sets, vendor, variant, properties), 500 of them, about 2.2 MB in all.
    const orderId = '820982911946154588';
    const lineItem = (i: number) => ({
      id: 866550311766 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${String(866550311766 + i)}`,
      name: 'IPod Nano - 8GB - Pink',
      title: 'IPod Nano - 8GB',
      variant_title: 'Pink',
      vendor: 'Apple',
      sku: `IPOD2008PINK-${String(i)}`,
      price: '199.00',
      price_set: {
        shop_money: { amount: '199.00', currency_code: 'USD' },
        presentment_money: { amount: '199.00', currency_code: 'USD' },
      },
      quantity: 1,
      properties: [{ name: 'Engraving', value: `Item ${String(i)} `.padEnd(3800, '·') }],
      tax_lines: [],
      discount_allocations: [],
    });
    const items = Array.from({ length: 500 }, (_, i) => JSON.stringify(lineItem(i))).join(',');
    const order = (await fixture('shopify-orders-create.json'))
      .replaceAll('820982911946154508', orderId)
      .replace('"line_items": [', `"line_items": [${items},`);
    expect(Buffer.byteLength(order)).toBeGreaterThan(2 * 1024 * 1024);
    expect((await shopify('orders/create', order, 'big-1')).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance(`order-lifecycle:${orderId}:1`)).node).toBe('waitPayment'),
      SETTLED,
    );

    // The signed intake and the rest of the API keep the 1 MB default.
    const big = {
      specversion: '1.0',
      id: 'too-big-1',
      type: 'order.created',
      source: 'test',
      data: { orderId: 'BIG-1', pad: 'x'.repeat(2 * 1024 * 1024) },
    };
    const refused = await h.sendEvents(big);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    // And the webhooks keep a limit: 5 MB by default.
    const huge = order.replace('"line_items": [', `"line_items": [${items},${items},`);
    expect((await shopify('orders/create', huge, 'big-2')).status).toBe(413);
  });

  it('should tell orders/cancelled politely, cancel the timers and tell the refund that follows', async () => {
    const order = (await fixture('shopify-orders-create.json'))
      .replaceAll('820982911946154508', '820982911946154599')
      .replace('"financial_status": "voided"', '"financial_status": "paid"');
    expect((await shopify('orders/create', order, 'c-1')).status).toBe(202);
    const id = 'order-lifecycle:820982911946154599:1';
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);
    const cancelled = order
      .replace('"cancel_reason": null', '"cancel_reason": "customer"')
      .replace('"cancelled_at": null', '"cancelled_at": "2021-12-31T19:00:00-05:00"');
    expect((await shopify('orders/cancelled', cancelled, 'c-2')).status).toBe(202);
    await vi.waitFor(
      async () => expect((await sentTo(id)).at(-1)).toContain('has been cancelled'),
      SETTLED,
    );
    // Its 48 hours to ship: cancelled (appended beside the timer's record); the one scheduled
    // is the wait for the refund of the paid order.
    await vi.waitFor(async () => {
      const { node, timers } = await instance(id);
      expect(node).toBe('waitCancelledRefund');
      expect(timers.map((timer) => timer.status)).toContain('cancelled');
      expect(
        timers.filter((timer) => timer.status === 'scheduled').map((timer) => timer.timerId),
      ).toEqual([expect.stringMatching(/^waitCancelledRefund/)]);
    }, SETTLED);
    const refund = (await fixture('shopify-refunds-create.json'))
      .replaceAll('820982911946154508', '820982911946154599')
      .replace('"id": 890088186047892319', '"id": 890088186047892399');
    expect((await shopify('refunds/create', refund, 'c-3')).status).toBe(202);
    await vi.waitFor(async () => {
      const refunds = (await sentTo(id)).filter((text) => text.includes('A refund of'));
      expect(refunds).toEqual([
        'email jon@example.com: A refund of 20 USD for your order #9999 has been issued to your original payment method.',
      ]);
    }, SETTLED);
  });

  it('should record refunds/create as order.refunded with the summed amount', async () => {
    expect(
      (await shopify('refunds/create', await fixture('shopify-refunds-create.json'), 'r-1')).status,
    ).toBe(202);
    // The event id is a hash of its content (issue 18), so it is found by its type and order
    // (its record is written behind its inbox entry).
    await h.xiaoer.intake.idle();
    const refunds = await h.connection
      .collection('events')
      .find({ type: 'order.refunded' })
      .toArray();
    const stored = refunds.find((e) => String(e['data']).includes(`"orderId":"${ORDER_ID}"`));
    expect(stored?.['type']).toBe('order.refunded');
    expect(JSON.parse(String(stored?.['data']))).toEqual({
      orderId: ORDER_ID,
      refundId: '890088186047892319',
      amount: 20,
      currency: 'USD',
      note: 'Things were damaged',
    });
  });

  it('should refuse a wrong HMAC and a missing topic, and ignore unknown topics, storing nothing', async () => {
    const body = await fixture('shopify-orders-create.json');
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const before = await settledFingerprint(h);
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
    const unknown = await shopify('app/uninstalled', '{"id":1,"name":"Shop"}', 'x-3');
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({
      ignored: 'topic app/uninstalled is not used by Xiaoer',
    });
    const malformed = await shopify('orders/create', '{"name":9999}', 'x-5');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: {
        code: 'invalid-payload',
        details: {
          problems: [
            problem('/id', 'missing required property "id"'),
            problem('/name', 'must be string'),
          ],
        },
      },
    });
    // Signed, but nested ten thousand deep: refused by its shape, not as a parser's overflow.
    const deep = '{"id":1,"note":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    for (const refused of [
      await shopify('orders/create', deep, 'x-6'),
      await woo('order.created', deep),
    ]) {
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: {
          code: 'json-too-complex',
          details: { problems: [{ pointer: '/note' + '/0'.repeat(63) }] },
        },
      });
    }
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

  it("should take a configured source's previous secret until its end, and the current one always", async () => {
    const body = '{"id":1,"name":"Shop"}';
    for (const secret of [SHOPIFY.previousSecret, SHOPIFY.secret]) {
      const taken = await shopify('app/uninstalled', body, `x-prev-${secret}`, secret);
      expect(taken.status).toBe(200);
    }
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
    // The documented order is pending (bank transfer not received): no confirmation yet.
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:727:1')).node).toBe('waitPayment'),
      SETTLED,
    );
    expect((await instance('order-lifecycle:727:1')).data).toMatchObject({
      orderId: '727',
      orderNumber: '727',
      customer: {
        name: 'John Doe',
        phone: '+15555555555',
        email: 'john.doe@example.com',
        language: 'en',
      },
      total: 29.35,
      currency: 'USD',
    });

    const processing = order
      .replace('"status": "pending"', '"status": "processing"')
      .replace(
        '"date_modified_gmt": "2017-03-22T19:28:08"',
        '"date_modified_gmt": "2017-03-22T20:00:00"',
      );
    expect((await woo('order.updated', processing)).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:727:1')).node).toBe('waitShipment'),
      SETTLED,
    );

    // Completed with the Shipment Tracking extension's parcel in the order's meta data.
    const tracking = {
      key: '_wc_shipment_tracking_items',
      value: [customCourierParcel],
    };
    const completed = JSON.stringify({
      ...(JSON.parse(order) as object),
      status: 'completed',
      date_modified_gmt: '2017-03-23T08:00:00',
      meta_data: [tracking],
    });
    expect((await woo('order.updated', completed)).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:727:1')).node).toBe('waitDelivery'),
      SETTLED,
    );
    await vi.waitFor(
      async () =>
        expect((await sentTo('order-lifecycle:727:1')).at(-1)).toBe(
          'sms +15555555555: A parcel of your order 727 has shipped with Example Courier. Tracking number 12345678: https://example.com/track/12345678',
        ),
      SETTLED,
    );
    // WooCommerce retries with a new delivery id; the content makes it a duplicate.
    expect((await woo('order.updated', completed)).status).toBe(200);

    const onHold = order.replace('"status": "pending"', '"status": "on-hold"');
    expect(await (await woo('order.updated', onHold)).json()).toEqual({
      ignored: 'order.updated with status on-hold',
    });
  });

  it('should tell the customer of a shipment once when the completed order is saved again', async () => {
    const base = JSON.parse(await fixture('woocommerce-order.json')) as Record<string, unknown>;
    const saved = (changes: Record<string, unknown>) =>
      JSON.stringify({ ...base, id: 728, number: '728', ...changes });
    expect((await woo('order.created', saved({ status: 'processing' }))).status).toBe(202);
    const id = 'order-lifecycle:728:1';
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);
    const completed = saved({ status: 'completed', date_modified_gmt: '2017-03-23T08:00:00' });
    expect((await woo('order.updated', completed)).status).toBe(202);
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);
    const shipped = async () =>
      (await sentTo(id)).filter((text) => text.includes('shipped')).length;
    await vi.waitFor(async () => expect(await shipped()).toBe(1), SETTLED);
    // The shop adds a note a day later: WooCommerce sends order.updated with a new date.
    const noted = saved({ status: 'completed', date_modified_gmt: '2017-03-24T10:00:00' });
    const again = await woo('order.updated', noted);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      events: [
        { id: 'woo-728-order.paid', status: 'duplicate' },
        { id: 'woo-728-order.shipped', status: 'duplicate' },
      ],
    });
  });

  it('should confirm, then ship, an order completed straight from pending (virtual, downloadable goods)', async () => {
    // WC_Order::payment_complete() sets `completed`, not `processing`, when no item needs
    // processing (woocommerce/woocommerce, includes/class-wc-order.php): no `processing` save.
    const base = JSON.parse(await fixture('woocommerce-order.json')) as Record<string, unknown>;
    const saved = (changes: Record<string, unknown>) =>
      JSON.stringify({ ...base, id: 729, number: '729', ...changes });
    expect((await woo('order.created', saved({}))).status).toBe(202);
    const id = 'order-lifecycle:729:1';
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitPayment'), SETTLED);
    const completed = saved({
      status: 'completed',
      date_modified_gmt: '2017-03-22T19:30:00',
      date_paid_gmt: '2017-03-22T19:30:00',
      date_completed_gmt: '2017-03-22T19:30:00',
    });
    expect((await woo('order.updated', completed)).status).toBe(202);
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);
    await vi.waitFor(
      async () =>
        expect(await sentTo(id)).toEqual([
          'sms +15555555555: Hi John Doe, your order 729 is confirmed. We will ship it soon.',
          'sms +15555555555: A parcel of your order 729 has shipped. The shop has not given a tracking number yet; reply to this message if you need one.',
        ]),
      SETTLED,
    );
  });

  it('should refuse a wrong signature', async () => {
    expect(
      (await woo('order.created', await fixture('woocommerce-order.json'), 'wrong')).status,
    ).toBe(401);
  });
});

describe('Youzan pushes and mapped ERP messages', () => {
  const youzan = (body: string, secret = YOUZAN.secret) =>
    fetch(`${h.url}/api/webhooks/youzan/${YOUZAN.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'client-id': 'c0ffee0123456789',
        'event-type': 'trade_TradeCreate',
        'event-sign': youzanSign('c0ffee0123456789', body, secret),
      },
      body,
    });

  it('should start the order journey from a signed Youzan trade push and answer code 0', async () => {
    const body = JSON.stringify(
      youzanPush('trade_TradeCreate', { status: 'WAIT_SELLER_SEND_GOODS' }),
    );
    const response = await youzan(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      code: 0,
      events: [{ status: 'accepted' }],
    });
    const id = 'order-lifecycle:E20241104143713093806201:1';
    // The push's phone and name are encrypted: no SMS to them; the journey says it cannot reach.
    await vi.waitFor(
      async () =>
        expect((await instance(id)).data).toMatchObject({
          orderNumber: 'E20241104143713093806201',
          paid: true,
        }),
      SETTLED,
    );
    expect((await youzan(body, 'not-the-secret')).status).toBe(401);
    // The configuration's previous secret, past its end (2020): refused, saying so.
    const expired = await youzan(body, YOUZAN.previousSecret);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      error: {
        code: 'signature-secret-expired',
        details: { previousSecretUntil: '2020-01-01T00:00:00.000Z' },
      },
    });
    const other = await youzan(JSON.stringify(youzanPush('SCRM_CUSTOMER_EVENT')));
    expect(await other.json()).toEqual({
      code: 0,
      msg: 'success',
      ignored: 'message type SCRM_CUSTOMER_EVENT is not used by Xiaoer',
    });
  });

  it('should note a Youzan refund on the order journey (the documented refund message, this order)', async () => {
    const id = 'order-lifecycle:E20241104143713093806201:1';
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);
    const refund = youzanRefundPush('trade_refund_RefundSuccess', {
      tid: 'E20241104143713093806201',
    });
    const response = await youzan(JSON.stringify(refund));
    expect(await response.json()).toMatchObject({ code: 0, events: [{ status: 'accepted' }] });
    await vi.waitFor(
      async () =>
        expect((await instance(id)).data).toMatchObject({
          refund: { refundId: 'W32132132122321', amount: 0.01, currency: 'CNY' },
        }),
      SETTLED,
    );
  });

  it('should end the journey on a Youzan trade closed after its full refund as a refund, never a cancellation', async () => {
    const tid = 'E20241104143713093806203';
    const created = youzanPush('trade_TradeCreate', { tid, status: 'WAIT_SELLER_SEND_GOODS' });
    expect((await youzan(JSON.stringify(created))).status).toBe(200);
    const id = `order-lifecycle:${tid}:1`;
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);
    const refund = youzanRefundPush('trade_refund_RefundSuccess', { tid, refunded_fee: '139.14' });
    expect((await youzan(JSON.stringify(refund))).status).toBe(200);
    // Youzan then closes the trade, saying why: 「订单退款关单，refund, order closed!」.
    const close = youzanStatePush('trade_TradeClose', {
      tid,
      close_reason: undefined,
      close_reson: '订单退款关单，refund, order closed!',
      close_type: 22,
    });
    const closed = await youzan(JSON.stringify(close));
    expect(await closed.json()).toMatchObject({ code: 0, events: [{ status: 'accepted' }] });
    // Told as the refund (it waits up to an hour for a refund message the close may precede,
    // then ends without telling this one again), not as a cancellation with 3 days of waiting
    // for a refund.
    await vi.waitFor(
      async () => expect((await instance(id)).node).toBe('waitClosingRefund'),
      SETTLED,
    );
    expect((await instance(id)).data).toMatchObject({
      refund: { amount: 139.14 },
      cancellation: { refundedIfPaid: true },
    });
  });

  it('should ship a Youzan order on the documented shipping message (only tid and update_time), and answer test pushes', async () => {
    const tid = 'E20241104143713093806202';
    const created = youzanPush('trade_TradeCreate', { tid, status: 'WAIT_SELLER_SEND_GOODS' });
    expect((await youzan(JSON.stringify(created))).status).toBe(200);
    const id = `order-lifecycle:${tid}:1`;
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitShipment'), SETTLED);
    // One payment told twice (trade_TradePaid, then trade_TradeBuyerPay): the second is a duplicate.
    for (const [type, orderStatus, status] of [
      ['trade_TradePaid', 'TRADE_PAID', 'accepted'],
      ['trade_TradeBuyerPay', 'WAIT_SELLER_SEND_GOODS', 'duplicate'],
    ] as const) {
      const paid = await youzan(JSON.stringify(youzanPush(type, { tid, status: orderStatus })));
      expect(await paid.json()).toMatchObject({ code: 0, events: [{ status }] });
    }
    const shipped = await youzan(JSON.stringify(youzanStatePush('trade_TradeSellerShip', { tid })));
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ code: 0, events: [{ status: 'accepted' }] });
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);

    const probe = await youzan(JSON.stringify({ ...created, test: true }));
    expect(await probe.json()).toEqual({
      code: 0,
      msg: 'success',
      ignored: 'a Youzan test push (test: true): answered, nothing started',
    });
  });

  it("should make events of an ERP's own JSON with the configured mapping, signed the Xiaoer way", async () => {
    const body = JSON.stringify({
      msgId: 'M-1',
      event: 'ORDER_NEW',
      order: { code: 'ERP-1', receiver: { name: '韩梅梅', mobile: '13800138000' } },
    });
    const send = (text: string, secret = ERP.secret) =>
      fetch(`${h.url}/api/webhooks/mapped/${ERP.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(ERP.id, secret, text) },
        body: text,
      });
    expect((await send(body)).status).toBe(202);
    await vi.waitFor(
      async () => expect((await instance('order-lifecycle:ERP-1:1')).node).toBe('waitShipment'),
      SETTLED,
    );
    expect((await send(body)).status).toBe(200); // the same message id: a duplicate
    expect((await send(body, 'wrong-secret-0123456789')).status).toBe(401);
    const missing = await send(JSON.stringify({ order: { code: 'ERP-2' } }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { details: { problems: [{ pointer: '/event' }] } },
    });
  });
});

describe('GET /api/event-types', () => {
  it('should serve the order event types and the trigger of each live journey, without login', async () => {
    const response = await fetch(`${h.url}/api/event-types`);
    expect(response.status).toBe(200);
    const { eventTypes } = (await response.json()) as {
      eventTypes: { type: string; data: unknown; startsJourney?: string }[];
    };
    expect(eventTypes.slice(0, ORDER_EVENT_TYPES.length)).toEqual(
      JSON.parse(JSON.stringify(ORDER_EVENT_TYPES)),
    );
    // order-lifecycle is live and starts on order.created, which is already listed.
    expect(eventTypes.filter((t) => t.type === 'order.created')).toHaveLength(1);
  });

  it("should name a journey's trigger in each language by its half of a bilingual name", async () => {
    const invoice = JSON.parse(
      await readFile(new URL('../../workflows/invoice-reissue.json', import.meta.url), 'utf8'),
    ) as WorkflowDocument;
    expect(invoice.name).toBe('重开发票 / Invoice reissue');
    await h.publish(invoice);
    const { eventTypes } = (await (await fetch(`${h.url}/api/event-types`)).json()) as {
      eventTypes: { type: string; description: { zh: string; en: string } }[];
    };
    expect(eventTypes.find((t) => t.type === 'invoice.reissueRequested')?.description).toEqual({
      zh: '启动旅程 重开发票',
      en: 'Starts the journey Invoice reissue',
    });
  });
});
