import type { IntentAction } from '../model/intent.model.ts';
import type { ShippedIntentId } from './intent-ids.ts';

export type { IntentAction } from '../model/intent.model.ts';

/** The priority boost of a handoff that should not wait its turn (abuse, complaints, damage). */
export const URGENT_PRIORITY = 2;

/**
 * What the chat does with each shipped intent after the journeys had their chance (the
 * shipped journeys start on `refund`, `changeAddress`, `logistics` and `orderStatus`). An
 * intent missing here is answered from the knowledge base by search alone.
 */
export const SHIPPED_INTENT_ACTIONS: Partial<Record<ShippedIntentId, IntentAction>> = {
  human: { kind: 'handoff' },
  complaint: { kind: 'handoff', priority: URGENT_PRIORITY },
  abuse: { kind: 'handoff', priority: URGENT_PRIORITY },
  // Lost, damaged or stuck parcels need a person who can open a claim with the carrier.
  logisticsProblem: { kind: 'handoff', priority: URGENT_PRIORITY },
  refundStatus: { kind: 'knowledge', articleId: 'refund-time' },
  deliveryTime: { kind: 'knowledge', articleId: 'delivery-time' },
  sizeSpec: { kind: 'knowledge', articleId: 'size-guide' },
  stock: { kind: 'knowledge', articleId: 'out-of-stock' },
  coupon: { kind: 'knowledge', articleId: 'coupon-usage' },
  modifyOrder: { kind: 'knowledge', articleId: 'modify-order' },
  cancelOrder: { kind: 'knowledge', articleId: 'cancel-order' },
  returnExchange: { kind: 'knowledge', articleId: 'return-policy' },
  exchange: { kind: 'knowledge', articleId: 'exchange' },
  warranty: { kind: 'knowledge', articleId: 'warranty' },
  invoice: { kind: 'knowledge', articleId: 'invoice' },
  paymentProblem: { kind: 'knowledge', articleId: 'payment-failed' },
  greeting: {
    kind: 'reply',
    text: {
      zh: '您好！请问有什么可以帮您？可以问订单、物流、退款、发票等问题。',
      en: 'Hello! How can I help? You can ask about orders, delivery, refunds, invoices and more.',
    },
  },
  thanks: {
    kind: 'reply',
    text: {
      zh: '不客气，很高兴能帮到您！还有其他问题随时找我。',
      en: 'You are welcome, glad to help! Ask me any time.',
    },
  },
  chitChat: {
    kind: 'reply',
    text: {
      zh: '哈哈，我是店小二，最擅长订单、物流和售后问题，有这方面的事尽管问我～',
      en: 'Ha, I am Xiaoer: orders, delivery and after-sales are what I do best. Ask me about those!',
    },
  },
};

const localizedText = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
    en: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
  },
} as const;

/** The JSON Schema of an {@link IntentAction}. */
export const intentActionSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { const: 'knowledge' },
        articleId: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    {
      type: 'object',
      required: ['kind', 'workflowId'],
      additionalProperties: false,
      properties: {
        kind: { const: 'journey' },
        workflowId: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { const: 'handoff' },
        group: { type: 'string', minLength: 1, maxLength: 200 },
        priority: { type: 'integer', minimum: 0, maximum: 10 },
      },
    },
    {
      type: 'object',
      required: ['kind', 'text'],
      additionalProperties: false,
      properties: { kind: { const: 'reply' }, text: localizedText },
    },
  ],
} as const;

export { localizedText as localizedTextSchema };
