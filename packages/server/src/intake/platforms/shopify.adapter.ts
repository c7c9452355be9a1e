import {
  asAmount,
  asObject,
  asText,
  compact,
  contentEventId,
  type Json,
  type Translation,
} from './platform-json.ts';

/** Shopify webhook topics Xiaoer understands, and the event each becomes. */
export const SHOPIFY_TOPICS: Record<string, string> = {
  'orders/create': 'order.created',
  'orders/paid': 'order.paid',
  'orders/fulfilled': 'order.shipped',
  'orders/cancelled': 'order.cancelled',
  'fulfillments/create': 'order.shipped',
  'fulfillments/update': 'order.delivered',
  'refunds/create': 'order.refunded',
};

/** The exact order id: `admin_graphql_api_id` ("gid://shopify/Order/…") or `id`. */
function orderIdOf(order: Json): string | undefined {
  const gid = asText(order['admin_graphql_api_id']);
  const match = gid ? /\/(\d+)$/.exec(gid) : null;
  return match?.[1] ?? asText(order['id']);
}

function customerOf(order: Json): Json {
  const customer = asObject(order['customer']);
  const address = asObject(order['shipping_address'] ?? order['billing_address']);
  const name = [customer['first_name'], customer['last_name']].filter(Boolean).join(' ');
  const locale = asText(order['customer_locale']) ?? '';
  return compact({
    name: name || asText(address['name']) || 'Customer',
    phone: asText(order['phone']) ?? asText(customer['phone']) ?? asText(address['phone']) ?? '',
    email: asText(order['email']) ?? asText(customer['email']),
    language: locale.toLowerCase().startsWith('zh') ? 'zh' : 'en',
  });
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
 * Maps one Shopify webhook (verified already) to a Xiaoer event. The event id comes from the
 * content (see {@link contentEventId}): Shopify retries the same payload with the same
 * `X-Shopify-Webhook-Id` for hours, and the same payload under a new webhook id is a replay.
 * `_webhookId` is kept in the signature for callers that log it.
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
  const body = asObject(payload);
  const source = `shopify://${shopDomain || 'unknown-shop'}`;
  const time = asText(body['updated_at']) ?? asText(body['created_at']) ?? receivedAt.toISOString();
  let data: Json;
  if (topic.startsWith('orders/')) {
    const proof = ORDER_TOPIC_PROOF[topic];
    if (proof && !proof(body)) return { ignored: `the order body does not show ${topic}` };
    data = {
      orderId: orderIdOf(body),
      orderNumber: asText(body['name']),
      customer: customerOf(body),
      total: asAmount(body['total_price']),
      currency: asText(body['currency']),
    };
  } else if (topic.startsWith('fulfillments/')) {
    const status = asText(body['shipment_status']);
    if (topic === 'fulfillments/update' && status !== 'delivered')
      return { ignored: `fulfillment update with shipment_status ${status ?? 'none'}` };
    data = {
      orderId: asText(body['order_id']),
      trackingNumber: asText(body['tracking_number']),
      carrier: asText(body['tracking_company']),
      trackingUrl: asText(body['tracking_url']),
    };
  } else {
    const transactions = Array.isArray(body['transactions']) ? body['transactions'] : [];
    const amount = transactions
      .map((t) => asAmount(asObject(t)['amount']) ?? 0)
      .reduce((sum, value) => sum + value, 0);
    data = {
      orderId: asText(body['order_id']),
      refundId: asText(body['id']),
      amount,
      note: asText(body['note']),
    };
  }
  if (!data['orderId']) return { ignored: 'payload has no order id' };
  const event = { type, source, time, data: compact(data) };
  return { event: { id: contentEventId('shopify', event), ...event } };
}
