import {
  asAmount,
  asObject,
  asText,
  compact,
  contentEventId,
  type Translation,
} from './platform-json.ts';

/** WooCommerce order statuses and the Xiaoer event an `order.updated` to each becomes. */
export const WOOCOMMERCE_STATUSES: Record<string, string> = {
  processing: 'order.paid',
  completed: 'order.shipped',
  cancelled: 'order.cancelled',
  refunded: 'order.refunded',
};

/**
 * Maps one WooCommerce webhook (verified already) to a Xiaoer event. WooCommerce gives each
 * delivery attempt its own delivery id, so the event id is made from the content instead
 * (order, status, modification time): a retried delivery is recognised as a duplicate. A body
 * without modification dates is identified by a hash of what the event says, never by the
 * time it arrived (every redelivery would be new).
 */
export function translateWooCommerce(
  topic: string,
  siteUrl: string,
  payload: unknown,
  receivedAt: Date,
): Translation {
  const order = asObject(payload);
  const orderId = asText(order['id']);
  if (!topic.startsWith('order.') || !orderId)
    return { ignored: `topic ${topic} is not used by Xiaoer` };
  const status = asText(order['status']) ?? '';
  let type: string | undefined;
  if (topic === 'order.created') type = 'order.created';
  else if (topic === 'order.updated') type = WOOCOMMERCE_STATUSES[status];
  if (!type) return { ignored: `${topic} with status ${status || 'none'}` };
  const billing = asObject(order['billing']);
  const modified = asText(order['date_modified_gmt']) ?? asText(order['date_created_gmt']) ?? '';
  const name = [billing['first_name'], billing['last_name']].filter(Boolean).join(' ');
  const event = {
    type,
    source: siteUrl || 'woocommerce',
    time: modified ? `${modified}Z` : receivedAt.toISOString(),
    data: compact({
      orderId,
      orderNumber: asText(order['number']),
      customer: compact({
        name: name || 'Customer',
        phone: asText(billing['phone']) ?? '',
        email: asText(billing['email']),
      }),
      total: asAmount(order['total']),
      currency: asText(order['currency']),
    }),
  };
  const id = modified
    ? `woo-${orderId}-${type}-${modified}`
    : contentEventId(`woo-${orderId}-${type}`, { ...event, time: '' });
  return { event: { id, ...event } };
}
