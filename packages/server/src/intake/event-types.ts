import type { LocalizedText } from '@xiaoer/engine';

/** One event type of the integration contract: what it means and the data it must carry. */
export interface EventTypeContract {
  type: string;
  description: LocalizedText;
  /** JSON Schema (2020-12) of the event's `data`. */
  data: Record<string, unknown>;
}

const orderId = { type: 'string', minLength: 1, description: 'The order system’s id / 订单 id' };
const money = { type: 'number', minimum: 0 };
const currency = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. CNY' };

const customer = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    phone: { type: 'string', description: 'E.164 preferred, e.g. +8613800138000' },
    email: { type: 'string', format: 'email' },
    language: { enum: ['zh', 'en'], description: 'Default zh / 默认中文' },
    tier: { enum: ['regular', 'vip', 'svip'] },
  },
  description: 'At least a phone or an email, or messages fail visibly / 至少要有手机或邮箱',
};

/**
 * The order events the shipped journeys and the platform adapters speak. An event of another
 * type is accepted too; its data is checked by the trigger of the journey it starts.
 */
export const ORDER_EVENT_TYPES: EventTypeContract[] = [
  {
    type: 'order.created',
    description: {
      zh: '新订单（未付款的订单会先等付款）',
      en: 'A new order (unpaid ones wait for payment)',
    },
    data: {
      type: 'object',
      required: ['orderId', 'customer'],
      properties: {
        orderId,
        orderNumber: { type: 'string', description: 'As the shop shows it, e.g. #1001' },
        customer,
        total: money,
        currency,
        paid: { type: 'boolean', description: 'false: wait for order.paid before confirming' },
        test: { type: 'boolean', description: 'true: a test order, nothing is sent' },
      },
    },
  },
  {
    type: 'order.paid',
    description: { zh: '订单已付款', en: 'The order was paid' },
    data: { type: 'object', required: ['orderId'], properties: { orderId } },
  },
  {
    type: 'order.shipped',
    description: {
      zh: '一个包裹已发出（拆单时每个包裹一次）',
      en: 'A parcel shipped (once per parcel)',
    },
    data: {
      type: 'object',
      required: ['orderId'],
      properties: {
        orderId,
        parcelId: { type: 'string' },
        carrier: { type: 'string' },
        trackingNumber: { type: 'string', description: 'Absent: the customer is told honestly' },
        trackingUrl: { type: 'string', format: 'uri' },
      },
    },
  },
  {
    type: 'order.delivered',
    description: { zh: '已签收', en: 'Delivered' },
    data: { type: 'object', required: ['orderId'], properties: { orderId } },
  },
  {
    type: 'order.cancelled',
    description: {
      zh: '订单已取消（礼貌告知；已付款的订单告知随后的退款后结束）',
      en: 'Cancelled (told politely; a paid order’s refund that follows is told, then the journey ends)',
    },
    data: {
      type: 'object',
      required: ['orderId'],
      properties: {
        orderId,
        cancelReason: { type: 'string' },
        refundedIfPaid: {
          type: 'boolean',
          description:
            'True: the platform closes a paid order only once refunded in full (Taobao), or says the close follows a refund (Youzan), so past payment it is a refund, not a cancellation / 为真：已付款的订单只在全额退款后关闭（淘宝），或关闭消息表明是退款后关闭（有赞），付款后即为退款而非取消',
        },
      },
    },
  },
  {
    type: 'order.refunded',
    description: { zh: '已退款（告知客户）', en: 'Refunded (the customer is told)' },
    data: {
      type: 'object',
      required: ['orderId', 'amount'],
      properties: { orderId, amount: money, currency, refundId: { type: 'string' } },
    },
  },
];
