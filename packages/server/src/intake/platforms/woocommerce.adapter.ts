import { compileSchema } from '../../json-schema-check.ts';
import {
  asAmount,
  asObject,
  asText,
  compact,
  idSchema,
  payloadProblems,
  type Json,
  type PlatformEvent,
  type Translation,
} from './platform-json.ts';
import { firstOf, languageOf, normaliseEmail, normalisePhone } from './customer-contact.ts';
import { personName } from './person-name.ts';

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
  return compact({
    name:
      personName(billing['first_name'], billing['last_name']) ??
      personName(shipping['first_name'], shipping['last_name']) ??
      'Customer',
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

/** Each refund of the order (`refunds`: id, reason, a negative total), as Xiaoer data. */
function refundsOf(order: Json): Json[] {
  return ((order['refunds'] as unknown[] | undefined) ?? [])
    .map(asObject)
    .filter((refund) => asText(refund['id']) !== undefined)
    .map((refund) => ({
      refundId: asText(refund['id']),
      amount: Math.abs(asAmount(refund['total']) ?? 0),
      reason: asText(refund['reason']),
    }));
}

/**
 * Maps one WooCommerce webhook (verified already) to Xiaoer events. WooCommerce sends
 * `order.updated` on every save of an order (a note, an address edit, a refund) and gives each
 * delivery attempt its own delivery id, so an event's id says what happened, never when:
 * the order's status event (`woo-<order>-order.paid`), each tracked parcel, each refund
 * (`refunds[]`, partial ones included, whatever the status). Saving the order again makes the
 * same ids, which the intake drops as duplicates: the customer is not told twice.
 * A completed order is paid (told first) and makes one `order.shipped` per tracked parcel.
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
  const modified = asText(order['date_modified_gmt']) ?? asText(order['date_created_gmt']) ?? '';
  const event = (eventType: string, data: Json, key: string): PlatformEvent => ({
    id: `woo-${orderId}-${key}`,
    type: eventType,
    source: siteUrl || 'woocommerce',
    time: modified ? `${modified}Z` : receivedAt.toISOString(),
    data: compact(data),
  });
  const base = orderData(order, status);
  const refunds =
    topic === 'order.updated'
      ? refundsOf(order).map((refund) =>
          event('order.refunded', { ...base, ...refund }, `refund-${String(refund['refundId'])}`),
        )
      : [];
  if (!type)
    return refunds.length > 0 ? { events: refunds } : { ignored: `${topic} with status ${status}` };
  if (type === 'order.shipped') {
    // A completed order was paid, whether or not it passed `processing`: WooCommerce's
    // payment_complete() goes straight to `completed` when no item needs processing (virtual
    // and downloadable goods), and a shop may complete an on-hold order by hand. Its payment is
    // told first, under the id `processing` gives it, so an order waiting for payment is
    // confirmed before it ships, and one paid through `processing` hears nothing twice.
    const paid = event('order.paid', base, 'order.paid');
    const parcels = parcelsOf(order);
    if (parcels.length === 0) return { events: [paid, event(type, base, type), ...refunds] };
    return {
      events: [
        paid,
        ...parcels.map((parcel, i) =>
          event(type, { ...base, ...parcel }, `parcel-${asText(parcel['parcelId']) ?? String(i)}`),
        ),
        ...refunds,
      ],
    };
  }
  // Refunded: each refund is told by its own event; a status set by hand, without a refund
  // recorded, is told once for the whole order.
  if (type === 'order.refunded')
    return {
      events:
        refunds.length > 0 ? refunds : [event(type, { ...base, amount: base['total'] }, type)],
    };
  return { events: [event(type, base, type), ...refunds] };
}
