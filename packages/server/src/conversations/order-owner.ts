import type { JsonObject } from '@xiaoer/engine';
import type { ChatCustomer } from '../model/conversation.model.ts';

/** The order's `customer` object as the order system gives it, if it has one. */
export function customerOf(order: JsonObject): JsonObject | undefined {
  const customer = order['customer'];
  return customer && typeof customer === 'object' && !Array.isArray(customer)
    ? (customer as JsonObject)
    : undefined;
}

/** The order's owner as the order system says (`customer.id`, or `customerId`). */
export function ownerOf(order: JsonObject): unknown {
  const customer = customerOf(order);
  return customer ? customer['id'] : order['customerId'];
}

/**
 * True when the chat's customer may see the order's details: the shop signed them (an
 * anonymous id is anyone's claim) and the order system names them as its owner.
 */
export function ownsOrder(
  customer: Pick<ChatCustomer, 'id' | 'verified'>,
  order: JsonObject,
): boolean {
  return customer.verified === true && ownerOf(order) === customer.id;
}
