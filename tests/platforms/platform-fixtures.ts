import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type EventMapping } from '@xiaoer/server';
import { base64Hmac, parsePlatformJson, type Translation } from '@xiaoer/server/internal';

/** A real platform payload from tests/fixtures/platforms (see PROVENANCE.md there). */
export function platformFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/platforms/${name}`, import.meta.url), 'utf8');
}

/** A fixture parsed as the webhook route parses it (big ids kept exact). */
export function platformPayload(name: string): Record<string, unknown> {
  return parsePlatformJson(platformFixture(name)) as Record<string, unknown>;
}

/** The events of a translation; fails the test when it was ignored or invalid. */
export function eventsOf(translation: Translation) {
  if (!('events' in translation)) throw new Error(`no events: ${JSON.stringify(translation)}`);
  return translation.events;
}

/**
 * A parcel as the WooCommerce Shipment Tracking extension stores it in the order's
 * `_wc_shipment_tracking_items` meta (documented fields; see PROVENANCE.md).
 */
export const customCourierParcel = {
  tracking_provider: '',
  custom_tracking_provider: 'Example Courier',
  custom_tracking_link: 'https://example.com/track/%1$s',
  tracking_number: '12345678',
  date_shipped: '1783728000',
  tracking_id: 'feb9bde4475fda92cc9408607b7ecb66',
};

/** A Youzan push envelope around the real order (its `msg` is URL-encoded JSON). */
export function youzanPush(type: string, changes: Record<string, unknown> = {}) {
  const order = platformPayload('youzan-full-order-info.json') as {
    full_order_info: { order_info: Record<string, unknown>; address_info: object };
  };
  Object.assign(order.full_order_info.order_info, changes);
  return {
    client_id: 'c0ffee0123456789',
    id: order.full_order_info.order_info['tid'],
    kdt_id: 134533635,
    kdt_name: '成都清水河店',
    mode: 1,
    msg: encodeURIComponent(JSON.stringify(order)),
    sendCount: 0,
    status: order.full_order_info.order_info['status'],
    test: false,
    type,
    version: 1730791236,
  };
}

/**
 * A Youzan push of a shipping, success or closing message: `msg` is only what the message
 * documents (`tid`, `update_time`, `oids`, `close_type`, `close_reason`; see PROVENANCE.md),
 * URL-encoded as Youzan sends it.
 */
export function youzanStatePush(type: string, changes: Record<string, unknown> = {}) {
  const messages = platformPayload('youzan-trade-state-messages.json');
  const message = { ...(messages[type] as Record<string, unknown>), ...changes };
  return {
    client_id: 'c0ffee0123456789',
    id: message['tid'],
    kdt_id: 134533635,
    mode: 1,
    msg: encodeURIComponent(JSON.stringify(message)),
    sendCount: 0,
    test: false,
    type,
    version: 1730791400,
  };
}

/**
 * A Youzan refund push around the documented refund message (`msg` URL-encoded, as the
 * `trade_refund_*` family sends it; the `youzan_trade_*` family sends it as an object).
 */
export function youzanRefundPush(type: string, changes: Record<string, unknown> = {}) {
  const refund = { ...platformPayload('youzan-refund-success.json'), ...changes };
  return {
    client_id: 'c0ffee0123456789',
    id: refund['tid'],
    kdt_id: 134533635,
    mode: 1,
    msg: type.startsWith('youzan_') ? refund : encodeURIComponent(JSON.stringify(refund)),
    sendCount: 0,
    test: false,
    type,
    version: 1730791300,
  };
}

/** An ERP's own shipment notice, mapped field by field in the configuration. */
export const erpMapping: EventMapping = {
  id: '/msgId',
  type: {
    pointer: '/event',
    values: { DELIVERY_SENT: 'order.shipped', ORDER_NEW: 'order.created' },
  },
  data: {
    orderId: '/order/code',
    orderNumber: '/order/code',
    carrier: '/logistics/company',
    trackingNumber: '/logistics/no',
    'customer.name': '/order/receiver/name',
    'customer.phone': '/order/receiver/mobile',
  },
};

/** Posts a Shopify webhook to a Xiaoer server, signed as Shopify signs it. */
export function postShopify(
  url: string,
  source: { id: string; secret: string },
  delivery: { topic: string; body: string; webhookId: string; shop?: string },
) {
  return fetch(`${url}/api/webhooks/shopify/${source.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': delivery.topic,
      'x-shopify-hmac-sha256': base64Hmac(source.secret, delivery.body),
      'x-shopify-webhook-id': delivery.webhookId,
      'x-shopify-shop-domain': delivery.shop ?? 'example.myshopify.com',
    },
    body: delivery.body,
  });
}

/** A problem of a malformed body: its English `message`, and `text` in zh (Chinese) and en. */
export const problem = (pointer: string, en: string) => ({
  pointer,
  message: en,
  text: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en },
});
