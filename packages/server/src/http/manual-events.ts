import type { Permission } from './authenticate.ts';

/**
 * Which permission sending an event of a type by hand (`POST /api/instances/:id/events`) needs,
 * first match wins. A review decision moves money or promises, so only a reviewer may make it;
 * facts that the shop's systems report (an order shipped, a refund paid) are the operators' to
 * correct; so are the customer's own words (`customer.replied`, `conversation.message`: only
 * the chat sends them, with the conversation's token — by hand an agent could answer a
 * customer's question for them, a new address for their parcel and then "yes") and what Xiaoer
 * itself reports to a journey (a timer, an order-system call's or a message's outcome, the end
 * of a handoff); anything else (a note, a nudge of a waiting journey) any agent may send.
 */
export const MANUAL_EVENT_RULES: readonly { pattern: RegExp; permission: Permission }[] = [
  { pattern: /\.(reviewed|approved|rejected)$/, permission: 'review' },
  { pattern: /^(order|refund|payment|address|invoice|shipment)\./, permission: 'operate' },
  { pattern: /^(customer|conversation)\./, permission: 'operate' },
  { pattern: /^(timer|call|send|handoff)\./, permission: 'operate' },
  { pattern: /^/, permission: 'sendEvent' },
];

/** The permission needed to send an event of `type` by hand. */
export function manualEventPermission(type: string): Permission {
  return MANUAL_EVENT_RULES.find((rule) => rule.pattern.test(type))?.permission ?? 'operate';
}
