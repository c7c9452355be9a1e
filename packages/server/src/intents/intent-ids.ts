/**
 * The intents Xiaoer recognises out of the box. The ids are stable: journeys, routing and
 * analytics refer to them. A shop may add its own intent files beside these
 * (`workflows/intents/<id>.json`); `unknown` is what a classifier answers below its threshold.
 */
export const INTENT_IDS = [
  'orderStatus',
  'logistics',
  'changeAddress',
  'cancelOrder',
  'refund',
  'returnExchange',
  'invoice',
  'productQuestion',
  'promotion',
  'paymentProblem',
  'complaint',
  'human',
  'greeting',
  'other',
] as const;

export type ShippedIntentId = (typeof INTENT_IDS)[number];

/** The answer of a classifier that is not sure enough of any intent. */
export const UNKNOWN_INTENT = 'unknown';
