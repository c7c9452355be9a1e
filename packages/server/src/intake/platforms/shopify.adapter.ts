import { createHash } from 'node:crypto';
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

/** Shopify webhook topics Xiaoer understands, and the event each becomes. */
export const SHOPIFY_TOPICS: Record<string, string> = {
  'orders/create': 'order.created',
  'orders/paid': 'order.paid',
  'orders/fulfilled': 'order.shipped',
  'orders/cancelled': 'order.cancelled',
  'fulfillments/create': 'order.shipped',
  // order.shipped when it adds tracking, order.delivered when the carrier says delivered.
  'fulfillments/update': 'order.shipped',
  'refunds/create': 'order.refunded',
};

/** Financial statuses of an order the customer has paid for. */
const PAID = new Set(['paid', 'partially_refunded', 'refunded']);

const orderSchema = compileSchema({
  type: 'object',
  required: ['id'],
  properties: {
    id: idSchema,
    name: { type: 'string' },
    total_price: { type: ['string', 'number'] },
    currency: { type: 'string' },
    financial_status: { type: ['string', 'null'] },
    test: { type: 'boolean' },
    customer: { type: ['object', 'null'] },
    fulfillments: { type: 'array', items: { type: 'object' } },
  },
});
const fulfillmentSchema = compileSchema({
  type: 'object',
  required: ['id', 'order_id'],
  properties: {
    id: idSchema,
    order_id: idSchema,
    tracking_numbers: { type: 'array', items: { type: 'string' } },
    tracking_urls: { type: 'array', items: { type: 'string' } },
  },
});
const refundSchema = compileSchema({
  type: 'object',
  required: ['id', 'order_id'],
  properties: {
    id: idSchema,
    order_id: idSchema,
    transactions: { type: 'array', items: { type: 'object' } },
  },
});

/** The exact order id: `admin_graphql_api_id` ("gid://shopify/Order/…") or `id`. */
function orderIdOf(order: Json): string | undefined {
  const gid = asText(order['admin_graphql_api_id']);
  const match = gid ? /\/(\d+)$/.exec(gid) : null;
  return match?.[1] ?? asText(order['id']);
}

function customerOf(order: Json): Json {
  const customer = asObject(order['customer']);
  const shipping = asObject(order['shipping_address']);
  const billing = asObject(order['billing_address']);
  const address = Object.keys(shipping).length > 0 ? shipping : billing;
  const country = asText(address['country_code']) ?? asText(billing['country_code']);
  return compact({
    name:
      personName(customer['first_name'], customer['last_name']) ??
      personName(address['first_name'], address['last_name']) ??
      asText(address['name']) ??
      'Customer',
    phone: firstOf(
      ...[order['phone'], customer['phone'], shipping['phone'], billing['phone']].map((p) =>
        normalisePhone(p, country),
      ),
    ),
    email: firstOf(
      ...[order['email'], order['contact_email'], customer['email']].map(normaliseEmail),
    ),
    language: languageOf(order['customer_locale'], country),
    country,
  });
}

/**
 * The order as journeys need it: number as the shop shows it, customer, payment, and money as
 * the customer saw it: `total_price_set.presentment_money`, else the shop's `total_price`.
 */
function orderData(order: Json): Json {
  const financial = asText(order['financial_status']) ?? 'pending';
  // What the customer paid, in the currency they saw (Shopify Markets: not the shop's own).
  const presentment = asObject(asObject(order['total_price_set'])['presentment_money']);
  const shown = asAmount(presentment['amount']);
  return {
    orderId: orderIdOf(order),
    orderNumber: asText(order['name']) ?? asText(order['order_number']),
    customer: customerOf(order),
    // Amount and currency from the same place, never one from each.
    total: shown ?? asAmount(order['total_price']),
    currency:
      shown !== undefined ? asText(presentment['currency_code']) : asText(order['currency']),
    paymentStatus: financial,
    paid: PAID.has(financial),
    test: order['test'] === true,
    cancelReason: asText(order['cancel_reason']),
  };
}

/** A parcel: carrier, every tracking number and link (split across `tracking_numbers`). */
function parcelData(fulfillment: Json, orderId: string | undefined): Json {
  const numbers = (fulfillment['tracking_numbers'] as unknown[] | undefined) ?? [];
  const urls = (fulfillment['tracking_urls'] as unknown[] | undefined) ?? [];
  return {
    orderId: orderId ?? asText(fulfillment['order_id']),
    parcelId: asText(fulfillment['id']),
    parcelName: asText(fulfillment['name']),
    carrier: asText(fulfillment['tracking_company']),
    trackingNumber: asText(fulfillment['tracking_number']) ?? asText(numbers[0]),
    trackingNumbers: numbers.map(asText).filter(Boolean),
    trackingUrl: asText(fulfillment['tracking_url']) ?? asText(urls[0]),
  };
}

/**
 * The id of a parcel's shipping notice: the fulfillment and the tracking numbers it has, so the
 * same parcel with the same tracking is one event whichever topic tells it (`orders/fulfilled`,
 * `fulfillments/create`, `fulfillments/update`), and tracking added or changed later is a new
 * one. Numbers too long for an event id (200 characters) are named by their hash.
 */
function shippedId(parcel: Json): string {
  const base = `shopify-fulfillment-${String(parcel['parcelId'])}-shipped`;
  const listed = parcel['trackingNumbers'] as string[];
  const numbers = listed.length > 0 ? listed : [asText(parcel['trackingNumber'])].filter(Boolean);
  if (numbers.length === 0) return base;
  const tracking = numbers.join(',');
  const id = `${base}-${tracking}`;
  if (id.length <= 200) return id;
  return `${base}-${createHash('sha256').update(tracking).digest('hex').slice(0, 32)}`;
}

/** Fulfillment statuses of a parcel that is not on its way (Shopify's `FulfillmentStatus`). */
const NOT_SHIPPED = new Set(['cancelled', 'error', 'failure']);

/** The newest fulfillment of an `orders/fulfilled` order (the one just made). */
function latestFulfillment(order: Json): Json | undefined {
  const all = ((order['fulfillments'] as unknown[] | undefined) ?? []).map(asObject);
  return all.sort((a, b) =>
    String(a['created_at'] ?? '').localeCompare(String(b['created_at'] ?? '')),
  )[all.length - 1];
}

/** Transaction statuses of money that did not move (Shopify: pending, success, failure, error). */
const FAILED = new Set(['failure', 'error']);

/**
 * The money a refund gave back: its `refund` transactions, except those that failed (a
 * declined refund at the gateway is retried as another transaction). Undefined when none
 * moved money: a restock-only refund, or every attempt failed.
 */
function refundData(refund: Json): Json | undefined {
  const transactions = ((refund['transactions'] as unknown[] | undefined) ?? [])
    .map(asObject)
    .filter((t) => (asText(t['kind']) ?? 'refund') === 'refund')
    .filter((t) => !FAILED.has(asText(t['status']) ?? 'success'));
  if (transactions.length === 0) return undefined;
  const amount = transactions
    .map((t) => asAmount(t['amount']) ?? 0)
    .reduce((sum, value) => sum + value, 0);
  return {
    orderId: asText(refund['order_id']),
    refundId: asText(refund['id']),
    amount: Math.round(amount * 100) / 100,
    currency: transactions.map((t) => asText(t['currency'])).find(Boolean),
    note: asText(refund['note']),
  };
}

/**
 * What an order's body must show for its topic. Shopify signs the body, not the topic header,
 * so a captured `orders/create` body sent again as `orders/paid` would otherwise make an
 * unpaid order paid; the event may say only what the signed body proves.
 */
const ORDER_TOPIC_PROOF: Record<string, (order: Json) => boolean> = {
  'orders/paid': (order) => order['financial_status'] === 'paid',
  'orders/cancelled': (order) => Boolean(asText(order['cancelled_at'])),
  'orders/fulfilled': (order) => order['fulfillment_status'] === 'fulfilled',
};

/**
 * Maps one Shopify webhook (verified already) to Xiaoer events. An event's id says what
 * happened, never when or how it was worded: `shopify-order-<id>-<event type>` for an order
 * (it is created, paid, cancelled once), `shopify-refund-<id>` for a refund, the fulfillment's
 * id and tracking numbers for a parcel shipped ({@link shippedId}), its id for one delivered.
 * Shopify retries for hours, sends one event to each subscription of its topic, and serialises
 * a delivery with the order as it is when sent (a later `updated_at`): all of these are the
 * same event, and so is a captured body sent again under a new webhook id. A parcel announced
 * by `fulfillments/create`, again by `orders/fulfilled` and again by each `fulfillments/update`
 * (every carrier status) is one event too, until its tracking changes: a shop that fulfils
 * first and adds the tracking number later (`fulfillments/update`) tells the customer then.
 */
export function translateShopify(
  topic: string,
  _webhookId: string,
  shopDomain: string,
  payload: unknown,
  receivedAt: Date,
): Translation {
  const type = SHOPIFY_TOPICS[topic];
  if (!type) return { ignored: `topic ${topic} is not used by Xiaoer` };
  const schema = topic.startsWith('orders/')
    ? orderSchema
    : topic.startsWith('refunds/')
      ? refundSchema
      : fulfillmentSchema;
  const invalid = payloadProblems(schema, payload);
  if (invalid.length > 0) return { invalid };
  const body = asObject(payload);
  const event = (id: string, data: Json, eventType = type): PlatformEvent => ({
    id,
    type: eventType,
    source: `shopify://${shopDomain || 'unknown-shop'}`,
    time: asText(body['updated_at']) ?? asText(body['created_at']) ?? receivedAt.toISOString(),
    data: compact(data),
  });
  const ofOrder = (data: Json) =>
    event(`shopify-order-${String(data['orderId'] ?? 'unknown')}-${type}`, data);
  if (topic.startsWith('orders/')) {
    const proof = ORDER_TOPIC_PROOF[topic];
    if (proof && !proof(body)) return { ignored: `the order body does not show ${topic}` };
  }
  if (topic === 'orders/fulfilled') {
    const fulfillment = latestFulfillment(body);
    const order = orderData(body);
    if (!fulfillment) return { events: [ofOrder(order)] };
    const parcel = parcelData(fulfillment, asText(order['orderId']));
    return { events: [event(shippedId(parcel), { ...parcel, orderNumber: order['orderNumber'] })] };
  }
  if (topic.startsWith('orders/')) return { events: [ofOrder(orderData(body))] };
  if (topic === 'refunds/create') {
    const refund = refundData(body);
    if (!refund) return { ignored: 'the refund gave no money back (restock only, or it failed)' };
    return { events: [event(`shopify-refund-${String(refund['refundId'])}`, refund)] };
  }
  const parcel = parcelData(body, undefined);
  if (topic === 'fulfillments/create') return { events: [event(shippedId(parcel), parcel)] };
  const state = asText(body['status']);
  if (state && NOT_SHIPPED.has(state))
    return { ignored: `fulfillment update with status ${state}` };
  const status = asText(body['shipment_status']);
  if (status === 'delivered') {
    const id = `shopify-fulfillment-${String(parcel['parcelId'])}-delivered`;
    return { events: [event(id, parcel, 'order.delivered')] };
  }
  if (parcel['trackingNumber'] === undefined)
    return {
      ignored: `fulfillment update with shipment_status ${status ?? 'none'} and no tracking number`,
    };
  return { events: [event(shippedId(parcel), parcel)] };
}
