/**
 * The intents Xiaoer recognises out of the box. The ids are stable: journeys, routing and
 * analytics refer to them. A shop may add its own intent files beside these
 * (`workflows/intents/<id>.json`); `unknown` is what a classifier answers below its threshold.
 */
export const INTENT_IDS = [
  // Before the sale.
  'productQuestion',
  'sizeSpec',
  'stock',
  'promotion',
  'coupon',
  // Orders.
  'orderStatus',
  'modifyOrder',
  'cancelOrder',
  'changeAddress',
  'deliveryTime',
  'logistics',
  'logisticsProblem',
  // After the sale (`returnExchange` is the return of goods; its id predates `exchange`).
  'returnExchange',
  'exchange',
  'refund',
  'refundStatus',
  'warranty',
  'invoice',
  // Service.
  'paymentProblem',
  'account',
  'complaint',
  'human',
  'other',
  // Social talk: not business.
  'greeting',
  'thanks',
  'chitChat',
  'abuse',
] as const;

export type ShippedIntentId = (typeof INTENT_IDS)[number];

/**
 * The answer of a classifier that is not sure enough of any intent. It is also trained as a
 * class (`workflows/intents/unknown.json`: requests that are not the shop's business, noise),
 * so an out-of-scope message is recognised as such rather than forced onto an intent.
 */
export const UNKNOWN_INTENT = 'unknown';
