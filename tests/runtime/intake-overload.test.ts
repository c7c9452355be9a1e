import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { base64Hmac } from '@xiaoer/server/internal';
import { postShopify } from '../platforms/platform-fixtures.ts';
import { holdRecords, whileBehind } from './hold-records.ts';

/**
 * Issue 17, overload: past `intake.maxBacklog` events in progress, `POST /api/events` and the
 * platform webhooks answer 503 `overloaded` with Retry-After and take nothing; once the runtime
 * caught up they take events again. The backlog is one here; the event in progress is held by
 * holding its record's write at the store's door (the record is the last write of processing).
 */
const SHOPIFY = {
  id: 'overload-shopify',
  kind: 'shopify' as const,
  secret: 'shpss_overload_0123456789',
};
const WOO = {
  id: 'overload-woo',
  kind: 'woocommerce' as const,
  secret: 'woo_overload_0123456789',
};
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ config: { sources: [SHOPIFY, WOO], intake: { maxBacklog: 1 } } });
});
afterAll(async () => {
  await h?.close();
});

const inboxed = (id: string) => h.xiaoer.models.Inbox.exists({ _id: id as never });

describe('intake under overload', () => {
  it('should answer 503 with Retry-After past the backlog, take nothing, then take events again', async () => {
    const release = holdRecords(h);
    try {
      const first = await h.sendEvents(cloudEvent('order.created', { orderId: 'OV-1' }, 'ov-1'));
      expect(first.status).toBe(202);
      expect(h.xiaoer.intake.overloaded()).toBe(true);

      const refused = await h.sendEvents(cloudEvent('order.created', { orderId: 'OV-2' }, 'ov-2'));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      const body = (await refused.json()) as {
        error: { code: string; message: { zh: string; en: string } };
      };
      expect(body.error.code).toBe('overloaded');
      expect(body.error.message.zh).toContain('稍后重试');
      expect(body.error.message.en).toContain('Retry-After');

      const order = await readFile(
        new URL('../fixtures/platforms/shopify-orders-create.json', import.meta.url),
        'utf8',
      );
      const webhook = await postShopify(h.url, SHOPIFY, {
        topic: 'orders/create',
        body: order,
        webhookId: 'wh-overload-1',
      });
      expect(webhook.status).toBe(503);
      expect(webhook.headers.get('retry-after')).toBe('1');
      // Nothing of the refused deliveries was taken.
      expect(await h.xiaoer.models.Inbox.countDocuments({})).toBe(1);
      expect(await inboxed('demo-shop/ov-1')).toBeTruthy();
      expect(await inboxed('demo-shop/ov-2')).toBeNull();
    } finally {
      release();
    }
    await h.xiaoer.intake.idle();
    expect(h.xiaoer.intake.overloaded()).toBe(false);
    const again = await h.sendEvents(cloudEvent('order.created', { orderId: 'OV-2' }, 'ov-2'));
    expect(again.status).toBe(202);
    await h.xiaoer.intake.idle();
    expect(await h.xiaoer.models.Events.exists({ _id: 'demo-shop/ov-2' as never })).toBeTruthy();
  });

  it('should take a WooCommerce delivery past the backlog, since WooCommerce never sends one again', async () => {
    // WooCommerce delivers each webhook once: WC_Webhook::log_delivery() counts a response
    // outside 2xx/301/302 as a failure (no retry) and failed_delivery() disables the webhook
    // after more than 5 in a row (woocommerce/woocommerce, includes/class-wc-webhook.php). A 503 would
    // lose the order's event, and a few would switch the shop's webhook off.
    await whileBehind(h, 'ov-3', async () => {
      const body = await readFile(
        new URL('../fixtures/platforms/woocommerce-order.json', import.meta.url),
        'utf8',
      );
      const delivery = await fetch(`${h.url}/api/webhooks/woocommerce/${WOO.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': 'order.created',
          'x-wc-webhook-resource': 'order',
          'x-wc-webhook-event': 'created',
          'x-wc-webhook-signature': base64Hmac(WOO.secret, body),
          'x-wc-webhook-source': 'https://shop.example.com/',
          'x-wc-webhook-delivery-id': '1b5a7c5b6a1e1d4d8a3c9f2e0b7d6c5a',
        },
        body,
      });
      expect(delivery.status).toBe(202);
      expect(await inboxed('overload-woo/woo-727-order.created')).toBeTruthy();
    });
    await h.xiaoer.intake.idle();
    expect(
      await h.xiaoer.models.Events.exists({ _id: 'overload-woo/woo-727-order.created' as never }),
    ).toBeTruthy();
  });
});
