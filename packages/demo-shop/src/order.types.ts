/** An order as the demo shop keeps it. */
export interface DemoOrder {
  orderId: string;
  status: 'created' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
  /** `id` is the customer's account in the shop: only they may act on the order. */
  customer: {
    id: string;
    name: string;
    phone: string;
    email?: string;
    language?: 'zh' | 'en';
    tier?: string;
  };
  total: number;
  currency: string;
  address: string;
  trackingNumber?: string;
  carrier?: string;
  /** Where the customer follows the parcel. */
  trackingUrl?: string;
  refunds: { refundId: string; amount: number }[];
  invoices: { title: string; taxNumber: string; invoiceNo: string }[];
  intercepted: boolean;
  createdAt: string;
}

/** A message Xiaoer delivered to the shop's message sink (the generic webhook channel). */
export interface ReceivedMessage {
  idempotencyKey: string;
  channel: string;
  to: string;
  text: string;
  receivedAt: string;
}

/** Order lifecycle moves the demo reports to Xiaoer as signed webhooks. */
export const ORDER_EVENTS = {
  created: 'order.created',
  paid: 'order.paid',
  shipped: 'order.shipped',
  delivered: 'order.delivered',
  cancelled: 'order.cancelled',
  refunded: 'order.refunded',
} as const;
