import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { signedHeaders } from '@xiaoer/server';
import { base64Hmac, youzanSign } from '@xiaoer/server/internal';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import {
  erpMapping,
  platformFixture,
  postShopify,
  youzanPush,
  youzanStatePush,
} from '../platforms/platform-fixtures.ts';
import { userToken } from '../routing/routing-fixture.ts';
import { scrape } from '../metrics/exposition.ts';
import { expectRefused } from './attack-table.ts';

/**
 * Per-source event-type scopes: a source whose secret leaked (a marketing tool given one to
 * send `coupon.*`) sent `refund.requested` and drove refund journeys, as any source could send
 * any type. A source now may carry `eventTypes` (types, or prefixes ending in `.*`), in the
 * configuration file or set from the console; a delivery holding another type is refused
 * with 403 `event-type-not-allowed`, whole, and nothing of it is recorded.
 */
let h: Harness;
const METRICS_TOKEN = 'scope-metrics-token-0123456789';
/** A marketing tool of the configuration file, scoped to coupons and one shipment type. */
const COUPONS = {
  id: 'coupon-tool',
  kind: 'xiaoer' as const,
  secret: 'coupon-tool-secret-0123456789',
  eventTypes: ['coupon.*', 'shipment.delivered'],
};
/** A Shopify shop that may only tell of new orders: its `orders/paid` makes `order.paid`. */
const SHOP = {
  id: 'scoped-shopify',
  kind: 'shopify' as const,
  secret: 'shpss_scoped_0123456789',
  eventTypes: ['order.created'],
};
/** A WooCommerce shop that may tell of new orders only: a paid order's update is refused. */
const WOO = {
  id: 'scoped-woo',
  kind: 'woocommerce' as const,
  secret: 'scoped-woo-secret-0123456789',
  eventTypes: ['order.created'],
};
/** A Youzan shop that may tell of new and paid orders, not of shipments. */
const YOUZAN = {
  id: 'scoped-youzan',
  kind: 'youzan' as const,
  secret: 'scoped-youzan-secret-0123',
  eventTypes: ['order.created', 'order.paid'],
};
/** An ERP whose mapping makes `order.shipped` and `order.created`; it may send the first. */
const ERP = {
  id: 'scoped-erp',
  kind: 'mapped' as const,
  secret: 'scoped-erp-secret-0123456789',
  mapping: erpMapping,
  eventTypes: ['order.shipped'],
};

const refundRequested = (refundId: string) =>
  cloudEvent('refund.requested', {
    refundId,
    orderId: `O-${refundId}`,
    customer: { name: '顾客', phone: '13900000001' },
    amount: 20,
    reason: 'damaged',
  });
const asCoupons = (body: unknown) =>
  h.sendEvents(body, { source: COUPONS.id, secret: COUPONS.secret });
const refundInstances = async (harness = h) => {
  await harness.xiaoer.intake.idle();
  await harness.xiaoer.runtime.idle();
  const answer = await harness.request('GET', '/api/instances?workflow=refund&pageSize=100');
  return ((await answer.json()) as { total: number }).total;
};
interface Refusal {
  error: {
    code: string;
    message: { zh: string; en: string };
    details: { source: string; type: string; problems: { pointer: string }[] };
  };
}

beforeAll(async () => {
  h = await startHarness({
    config: {
      sources: [COUPONS, SHOP, ERP, WOO, YOUZAN],
      metrics: { token: METRICS_TOKEN, cacheMs: 0 },
    },
  });
  const refund = JSON.parse(
    await readFile(new URL('../../workflows/refund.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
  await h.publish(refund);
});
afterAll(async () => h?.close());

describe('a source scoped to some event types', () => {
  it('should refuse a type it may not send with 403, naming the type and the source, and start nothing', async () => {
    await expectRefused(h, {
      name: 'refund.requested from the coupon tool',
      send: () => asCoupons(refundRequested('R-SCOPE-1')),
      status: 403,
      code: 'event-type-not-allowed',
    });
    const answer = (await (await asCoupons(refundRequested('R-SCOPE-1'))).json()) as Refusal;
    expect(answer.error.message.zh).toContain('"coupon-tool"');
    expect(answer.error.message.zh).toContain('"refund.requested"');
    expect(answer.error.message.en).toContain('Source "coupon-tool"');
    expect(answer.error.message.en).toContain('"refund.requested"');
    expect(answer.error.details).toMatchObject({
      source: COUPONS.id,
      type: 'refund.requested',
      problems: [{ pointer: '/type' }],
    });
    expect(await refundInstances()).toBe(0);
    // The events page shows the refusal, as it shows the chat's own events refused.
    await vi.waitFor(async () => {
      const page = (await (await h.request('GET', `/api/events?source=${COUPONS.id}`)).json()) as {
        events: { type: string; outcome: string }[];
      };
      expect(page.events[0]).toMatchObject({ type: 'refund.requested', outcome: 'invalid' });
    });
    // …and counts it as other refused deliveries are counted.
    const refused = { source: COUPONS.id, outcome: 'invalid' };
    expect((await scrape(h, METRICS_TOKEN)).value('xiaoer_events_received_total', refused)).toBe(2);
    // Sent by a source with no scope, the same event starts the refund journey.
    expect((await h.sendEvents(refundRequested('R-SCOPE-OK'))).status).toBe(202);
    expect(await refundInstances()).toBe(1);
  });

  it('should take the types of its scope: a prefix with a wildcard and an exact type', async () => {
    for (const type of ['coupon.issued', 'coupon.redeemed.partly', 'shipment.delivered'])
      expect((await asCoupons(cloudEvent(type, { orderId: 'C-1' }))).status, type).toBe(202);
    for (const type of ['coupon', 'coupons.issued', 'shipment.delivered.late', 'shipment.shipped'])
      expect((await asCoupons(cloudEvent(type, { orderId: 'C-1' }))).status, type).toBe(403);
  });

  it('should refuse a batch holding one type it may not send whole, recording nothing of it', async () => {
    const batch = [
      cloudEvent('coupon.issued', { orderId: 'C-BATCH' }),
      refundRequested('R-SCOPE-2'),
    ];
    await expectRefused(h, {
      name: 'a batch with one refund.requested',
      send: () => asCoupons(batch),
      status: 403,
      code: 'event-type-not-allowed',
    });
    const answer = (await (await asCoupons(batch)).json()) as Refusal;
    expect(answer.error.details.problems.map((p) => p.pointer)).toEqual(['/1/type']);
    // The coupon of the refused batch was not recorded: sent alone now, it is new (202).
    expect((await asCoupons(batch[0])).status).toBe(202);
  });

  it('should refuse the same through an intake API key of the source', async () => {
    const created = await h.request('POST', '/api/api-keys', { name: 'mkt', source: COUPONS.id });
    const { key } = (await created.json()) as { key: string };
    const withKey = (body: unknown) =>
      fetch(`${h.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    await expectRefused(h, {
      name: 'refund.requested with the coupon tool key',
      send: () => withKey(refundRequested('R-SCOPE-3')),
      status: 403,
      code: 'event-type-not-allowed',
    });
    expect((await withKey(cloudEvent('coupon.issued', { orderId: 'C-KEY' }))).status).toBe(202);
  });

  it('should refuse a platform topic made into a type the source may not send', async () => {
    const created = platformFixture('shopify-orders-create.json');
    const paid = created.replace('"financial_status": "voided"', '"financial_status": "paid"');
    await expectRefused(h, {
      name: 'Shopify orders/paid from a shop scoped to order.created',
      send: () => postShopify(h.url, SHOP, { topic: 'orders/paid', body: paid, webhookId: 'p-1' }),
      status: 403,
      code: 'event-type-not-allowed',
    });
    const answer = await postShopify(h.url, SHOP, {
      topic: 'orders/create',
      body: created,
      webhookId: 'c-1',
    });
    expect(answer.status).toBe(202);

    const erp = (event: string) => {
      const body = JSON.stringify({
        msgId: `M-${event}`,
        event,
        order: { code: 'ERP-1', receiver: { name: '李雷', mobile: '13800138000' } },
        logistics: { company: 'SF', no: 'SF100' },
      });
      return fetch(`${h.url}/api/webhooks/mapped/${ERP.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(ERP.id, ERP.secret, body) },
        body,
      });
    };
    await expectRefused(h, {
      name: 'a mapped ORDER_NEW (order.created) from an ERP scoped to order.shipped',
      send: () => erp('ORDER_NEW'),
      status: 403,
      code: 'event-type-not-allowed',
    });
    expect((await erp('DELIVERY_SENT')).status).toBe(202);
  });

  it('should refuse a WooCommerce or Youzan message made into a type the shop may not send', async () => {
    const woo = (topic: string, body: string) =>
      fetch(`${h.url}/api/webhooks/woocommerce/${WOO.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': topic,
          'x-wc-webhook-signature': base64Hmac(WOO.secret, body),
          'x-wc-webhook-source': 'https://shop.example.com/',
          'x-wc-webhook-delivery-id': `${topic}-${body.length}`,
        },
        body,
      });
    const order = platformFixture('woocommerce-order.json');
    const paid = order
      .replace('"status": "pending"', '"status": "processing"')
      .replace(
        '"date_modified_gmt": "2017-03-22T19:28:08"',
        '"date_modified_gmt": "2017-03-22T20:00:00"',
      );
    await expectRefused(h, {
      name: 'a WooCommerce order paid (order.paid) from a shop scoped to order.created',
      send: () => woo('order.updated', paid),
      status: 403,
      code: 'event-type-not-allowed',
    });
    expect((await woo('order.created', order)).status).toBe(202);

    const youzan = (type: string, push: object) => {
      const body = JSON.stringify(push);
      return fetch(`${h.url}/api/webhooks/youzan/${YOUZAN.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'client-id': 'c0ffee0123456789',
          'event-type': type,
          'event-sign': youzanSign('c0ffee0123456789', body, YOUZAN.secret),
        },
        body,
      });
    };
    const shipped = youzanStatePush('trade_TradeSellerShip');
    await expectRefused(h, {
      name: 'a Youzan shipment (order.shipped) from a shop scoped to new and paid orders',
      send: () => youzan('trade_TradeSellerShip', shipped),
      status: 403,
      code: 'event-type-not-allowed',
    });
    const created = await youzan(
      'trade_TradeCreate',
      youzanPush('trade_TradeCreate', { status: 'WAIT_SELLER_SEND_GOODS' }),
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ code: 0, events: [{ status: 'accepted' }] });
  });

  it('should list each source with its scope', async () => {
    const sources = async (path: string) =>
      ((await (await h.request('GET', path)).json()) as { sources: object[] }).sources;
    for (const path of ['/api/sources', '/api/connections']) {
      const listed = await sources(path);
      expect(listed).toContainEqual(
        expect.objectContaining({ id: COUPONS.id, eventTypes: COUPONS.eventTypes }),
      );
      expect(listed).toContainEqual(
        expect.objectContaining({ id: ERP.id, eventTypes: ['order.shipped'] }),
      );
      expect(listed.find((s) => (s as { id: string }).id === SOURCE.id)).not.toHaveProperty(
        'eventTypes',
      );
    }
  });
});

describe("a console source's scope set through the API", () => {
  const put = (id: string, eventTypes: unknown, token?: string) =>
    h.request('PUT', `/api/sources/${id}/event-types`, { eventTypes }, token);

  it('should take effect at once here, and in another process at its next refresh', async () => {
    const operator = await userToken(h, 'scope-operator', 'operator');
    const issued = (await (
      await h.request('POST', '/api/sources', { id: 'mkt-tool', kind: 'xiaoer' }, operator)
    ).json()) as { secret: string };
    // `order.paid` starts no journey here: nothing runs on after it was taken.
    const send = (harness: Harness, id: string) =>
      harness.sendEvents(cloudEvent('order.paid', { orderId: id }), {
        source: 'mkt-tool',
        secret: issued.secret,
      });
    const other = await startHarness({ store: h.store });
    try {
      expect((await send(other, 'R-MKT-1')).status).toBe(202);
      await other.xiaoer.intake.idle();
      await other.xiaoer.runtime.idle();

      const scoped = await put('mkt-tool', ['coupon.*'], operator);
      expect(scoped.status).toBe(200);
      expect(await scoped.json()).toMatchObject({
        source: { id: 'mkt-tool', origin: 'stored', eventTypes: ['coupon.*'] },
      });
      await expectRefused(h, {
        name: 'order.paid right after the scope was set',
        send: () => send(h, 'R-MKT-2'),
        status: 403,
        code: 'event-type-not-allowed',
      });
      // The other process learns of the scope as it learns of a new secret: at its refresh.
      await other.clock.advance(5_000);
      await expectRefused(other, {
        name: 'order.paid in the other process after its refresh',
        send: () => send(other, 'R-MKT-3'),
        status: 403,
        code: 'event-type-not-allowed',
      });
      const listed = (await (await other.request('GET', '/api/sources')).json()) as {
        sources: { id: string; eventTypes?: string[] }[];
      };
      expect(listed.sources.find((s) => s.id === 'mkt-tool')?.eventTypes).toEqual(['coupon.*']);

      // A new process reads the scope from the store.
      const third = await startHarness({ store: h.store });
      try {
        expect((await send(third, 'R-MKT-4')).status).toBe(403);
      } finally {
        await third.close();
      }

      // `null` lifts the scope: every type again.
      const lifted = await put('mkt-tool', null, operator);
      expect(lifted.status).toBe(200);
      expect(((await lifted.json()) as { source: object }).source).not.toHaveProperty('eventTypes');
      expect((await send(h, 'R-MKT-5')).status).toBe(202);
    } finally {
      await other.close();
    }
  });

  it('should take a scope given when the source is added', async () => {
    const response = await h.request('POST', '/api/sources', {
      id: 'mkt-born-scoped',
      kind: 'xiaoer',
      eventTypes: ['coupon.*'],
    });
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { secret: string; source: object };
    expect(issued.source).toMatchObject({ eventTypes: ['coupon.*'] });
    const answer = await h.sendEvents(refundRequested('R-BORN-1'), {
      source: 'mkt-born-scoped',
      secret: issued.secret,
    });
    expect(answer.status).toBe(403);
  });

  it('should refuse agents and viewers, an unknown source, and one of the configuration file', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const token = await userToken(h, `scope-${role}`, role);
      await expectRefused(h, {
        name: `a scope set by an ${role}`,
        send: () => put('mkt-tool', ['coupon.*'], token),
        status: 403,
      });
    }
    await expectRefused(h, {
      name: 'a scope for an unknown source',
      send: () => put('no-such-source', ['coupon.*']),
      status: 404,
      code: 'source-not-found',
    });
    await expectRefused(h, {
      name: 'a scope for a source of the configuration file',
      send: () => put(COUPONS.id, ['order.*']),
      status: 409,
      code: 'source-read-only',
    });
  });

  it('should refuse a bad pattern with 400 at its place, changing nothing', async () => {
    for (const [eventTypes, pointer] of [
      [['coupon.*', 'order.**'], '/eventTypes/1'],
      [['*'], '/eventTypes/0'],
      [['order*'], '/eventTypes/0'],
      [['.order'], '/eventTypes/0'],
      [['order.*.paid'], '/eventTypes/0'],
      [[], '/eventTypes'],
      [['coupon.*', 'coupon.*'], '/eventTypes'],
      ['coupon.*', '/eventTypes'],
    ] as const) {
      const send = () => put('mkt-tool', eventTypes);
      await expectRefused(h, { name: JSON.stringify(eventTypes), send, status: 400 });
      const answer = (await (await send()).json()) as {
        error: { details: { problems: { pointer: string }[] } };
      };
      expect(answer.error.details.problems.map((p) => p.pointer)).toEqual([pointer]);
    }
    await expectRefused(h, {
      name: 'a bad pattern when adding a source',
      send: () =>
        h.request('POST', '/api/sources', { id: 'bad-scope', kind: 'xiaoer', eventTypes: ['a b'] }),
      status: 400,
    });
  });
});
