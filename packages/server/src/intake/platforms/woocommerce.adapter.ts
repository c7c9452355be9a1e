import { compileSchema } from '../../json-schema-check.ts';
import {
  asAmount,
  asObject,
  asText,
  compact,
  contentEventId,
  idSchema,
  payloadProblems,
  type Json,
  type PlatformEvent,
  type Translation,
} from './platform-json.ts';
import { firstOf, languageOf, normaliseEmail, normalisePhone } from './customer-contact.ts';

/** WooCommerce order statuses and the Xiaoer event an `order.updated` to each becomes. */
export const WOOCOMMERCE_STATUSES: Record<string, string> = {
  processing: 'order.paid',
  completed: 'order.shipped',
  cancelled: 'order.cancelled',
  refunded: 'order.refunded',
};

/** Statuses of an order that has been paid for. */
const PAID = new Set(['processing', 'completed', 'refunded']);

/** The meta key where the WooCommerce Shipment Tracking extension keeps an order's parcels. */
export const SHIPMENT_TRACKING_META = '_wc_shipment_tracking_items';

const orderSchema = compileSchema({
  type: 'object',
  required: ['id', 'status'],
  properties: {
    id: idSchema,
    number: { type: ['string', 'integer'] },
    status: { type: 'string', minLength: 1 },
    total: { type: ['string', 'number'] },
    currency: { type: 'string' },
    billing: { type: 'object' },
    meta_data: {
      type: 'array',
      items: { type: 'object', required: ['key'], properties: { key: { type: 'string' } } },
    },
    refunds: { type: 'array', items: { type: 'object' } },
  },
});

function customerOf(order: Json): Json {
  const billing = asObject(order['billing']);
  const shipping = asObject(order['shipping']);
  const country = asText(billing['country']) ?? asText(shipping['country']);
  const name = [billing['first_name'], billing['last_name']].filter(Boolean).join(' ');
  return compact({
    name: name || 'Customer',
    phone: firstOf(
      normalisePhone(billing['phone'], country),
      normalisePhone(shipping['phone'], country),
    ),
    email: normaliseEmail(billing['email']),
    language: languageOf(metaValue(order, 'wpml_language') ?? metaValue(order, '_locale'), country),
    country,
  });
}

function metaValue(order: Json, key: string): unknown {
  const meta = (order['meta_data'] as unknown[] | undefined) ?? [];
  return meta.map(asObject).find((m) => m['key'] === key)?.['value'];
}

/** Each parcel the Shipment Tracking extension recorded: carrier, number, link. */
function parcelsOf(order: Json): Json[] {
  const items = metaValue(order, SHIPMENT_TRACKING_META);
  return (Array.isArray(items) ? items : []).map(asObject).map((item) => {
    const trackingNumber = asText(item['tracking_number']);
    const link = asText(item['custom_tracking_link']);
    return {
      parcelId: asText(item['tracking_id']) ?? trackingNumber,
      carrier: asText(item['custom_tracking_provider']) ?? asText(item['tracking_provider']),
      trackingNumber,
      trackingUrl: link && trackingNumber ? link.replace('%1$s', trackingNumber) : link,
    };
  });
}

/** The order as journeys need it: number as the shop shows it, customer, money, payment. */
function orderData(order: Json, status: string): Json {
  return {
    orderId: asText(order['id']),
    orderNumber: asText(order['number']),
    customer: customerOf(order),
    total: asAmount(order['total']),
    currency: asText(order['currency']),
    paymentStatus: status,
    paid: PAID.has(status) || asText(order['date_paid_gmt']) !== undefined,
    test: false,
  };
}

function refundedAmount(order: Json): number | undefined {
  const refunds = ((order['refunds'] as unknown[] | undefined) ?? []).map(asObject);
  if (refunds.length === 0) return asAmount(order['total']);
  const sum = refunds.reduce((total, r) => total + Math.abs(asAmount(r['total']) ?? 0), 0);
  return Math.round(sum * 100) / 100;
}

/**
 * Maps one WooCommerce webhook (verified already) to Xiaoer events. WooCommerce gives each
 * delivery attempt its own delivery id, so the event id is made from the content instead
 * (order, status, modification time, parcel): a retried delivery is recognised as a duplicate.
 * A completed order with several tracked parcels makes one `order.shipped` per parcel.
 * A body without modification dates is identified by a hash of what the event says, never
 * by the time it arrived (every redelivery would be new).
 */
export function translateWooCommerce(
  topic: string,
  siteUrl: string,
  payload: unknown,
  receivedAt: Date,
): Translation {
  if (topic !== 'order.created' && topic !== 'order.updated')
    return { ignored: `topic ${topic} is not used by Xiaoer` };
  const invalid = payloadProblems(orderSchema, payload);
  if (invalid.length > 0) return { invalid };
  const order = asObject(payload);
  const orderId = asText(order['id']) as string;
  const status = asText(order['status']) as string;
  const type = topic === 'order.created' ? 'order.created' : WOOCOMMERCE_STATUSES[status];
  if (!type) return { ignored: `${topic} with status ${status}` };
  const modified = asText(order['date_modified_gmt']) ?? asText(order['date_created_gmt']) ?? '';
  const event = (data: Json, parcelId?: string): PlatformEvent => ({
    // A parcel is announced once however often the order is saved afterwards.
    id: parcelId
      ? `woo-${orderId}-parcel-${parcelId}`
      : modified
        ? `woo-${orderId}-${type}-${modified}`
        : contentEventId(`woo-${orderId}-${type}`, { type, time: '', data: compact(data) }),
    type,
    source: siteUrl || 'woocommerce',
    time: modified ? `${modified}Z` : receivedAt.toISOString(),
    data: compact(data),
  });
  const base = orderData(order, status);
  if (type === 'order.shipped') {
    const parcels = parcelsOf(order);
    if (parcels.length === 0) return { events: [event(base)] };
    return {
      events: parcels.map((parcel, i) =>
        event({ ...base, ...parcel }, asText(parcel['parcelId']) ?? String(i)),
      ),
    };
  }
  if (type === 'order.refunded')
    return { events: [event({ ...base, amount: refundedAmount(order) })] };
  return { events: [event(base)] };
}
