/**
 * @xiaoer/demo-shop — the demo order system that ships with Xiaoer.
 */
export {
  DemoShop,
  DEMO_CUSTOMER_ID,
  type DemoShopOptions,
  type Fault,
  type OrderInput,
} from './demo-shop.ts';
export { WebhookSender, type WebhookTarget, type ShopEvent } from './webhook-sender.ts';
export { IdempotencyStore, type StoredAnswer } from './idempotency-store.ts';
export { ORDER_EVENTS, type DemoOrder, type ReceivedMessage } from './order.types.ts';
