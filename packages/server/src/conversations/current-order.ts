import type { JsonObject } from '@xiaoer/engine';
import type { OrderSystemConnector } from '../connectors/connector.types.ts';

/**
 * The order as the order system has it now (a read: its idempotency key is unique), or
 * undefined when the system does not answer. The chat goes on without it.
 */
export async function currentOrder(
  orders: OrderSystemConnector,
  orderId: string,
): Promise<JsonObject | undefined> {
  const outcome = await orders
    .call('getOrder', { orderId }, { idempotencyKey: `chat-read:${orderId}:${Date.now()}` })
    .catch(() => undefined);
  return outcome?.ok ? outcome.data : undefined;
}
