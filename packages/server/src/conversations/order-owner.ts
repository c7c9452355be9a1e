import type { JsonObject } from '@xiaoer/engine';
import type { ChatCustomer } from '../model/conversation.model.ts';

/** The order's owner as the order system says (`customer.id`, or `customerId`). */
export function ownerOf(order: JsonObject): unknown {
  const customer = order['customer'];
  if (customer && typeof customer === 'object' && !Array.isArray(customer))
    return (customer as JsonObject)['id'];
  return order['customerId'];
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
