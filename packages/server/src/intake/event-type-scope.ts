/**
 * The event types a source may send (its scope), as restricted API keys and webhook topics
 * scope an integration elsewhere: a marketing tool given a secret for `coupon.*` cannot then
 * send `order.paid` or `refund.requested` and drive a refund journey. Each entry is a
 * CloudEvent type (`shipment.delivered`) or a prefix ending in `.*` (`order.*`: `order.paid`,
 * `order.paid.partial`, never `order` itself nor `orders.x`). No scope: every type, as before
 * scopes existed.
 */
export type EventTypeScope = readonly string[];

/** A CloudEvent type (as `cloud-event.ts` takes it), optionally ending in `.*`. */
export const EVENT_TYPE_PATTERN = '^[a-zA-Z][a-zA-Z0-9_-]*(\\.[a-zA-Z][a-zA-Z0-9_-]*)*(\\.\\*)?$';

/** JSON Schema of a scope, in the configuration file and in `PUT /api/sources/:id/event-types`. */
export const eventTypeScopeSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  uniqueItems: true,
  items: { type: 'string', maxLength: 100, pattern: EVENT_TYPE_PATTERN },
} as const;

/** Whether a source of `scope` may send an event of `type` (no scope: any type). */
export function typeInScope(scope: EventTypeScope | undefined, type: string): boolean {
  if (!scope) return true;
  return scope.some((entry) =>
    entry.endsWith('.*') ? type.startsWith(entry.slice(0, -1)) : entry === type,
  );
}
