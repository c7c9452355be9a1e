/**
 * The order of a skill group's queue. Pure: no I/O, time comes in as `now`.
 *
 * A waiting handoff's rank is its tier's steps (svip 2, vip 1, normal 0 by default), plus the
 * handoff's own `priority` boost, plus one step for every `agingSeconds` it has waited. The
 * higher rank is served first; equal ranks go by who has waited longer. Aging is what keeps a
 * normal customer from starving behind a stream of VIPs: with the defaults, a normal customer
 * who has waited 4 minutes ranks with a VIP who just arrived, and is served before them
 * because they waited longer.
 */

import { CUSTOMER_TIERS, type CustomerTier } from '../model/routing-values.ts';

export { CUSTOMER_TIERS, type CustomerTier };

export interface QueueOrderOptions {
  /** Rank steps per tier; higher is served first. */
  tierSteps: Record<CustomerTier, number>;
  /** Every this many seconds of waiting counts as one tier step. */
  agingSeconds: number;
}

export const QUEUE_ORDER_DEFAULTS: QueueOrderOptions = {
  tierSteps: { svip: 2, vip: 1, normal: 0 },
  agingSeconds: 120,
};

/** What the queue order needs to know of a waiting handoff. */
export interface WaitingHandoff {
  _id: string;
  customer: { tier: CustomerTier };
  /** Extra rank steps the conversation layer asked for (default 0). */
  priority: number;
  enqueuedAt: Date;
}

/** A tier name as shops write it: `regular`, unknown or missing tiers count as `normal`. */
export function tierOf(value: unknown): CustomerTier {
  const name = typeof value === 'string' ? value.toLowerCase() : '';
  return (CUSTOMER_TIERS as readonly string[]).includes(name) ? (name as CustomerTier) : 'normal';
}

/** The handoff's rank at `now` (see the module comment). */
export function rankOf(
  handoff: WaitingHandoff,
  now: Date,
  options: QueueOrderOptions = QUEUE_ORDER_DEFAULTS,
): number {
  const waitedSeconds = Math.max(0, (now.getTime() - handoff.enqueuedAt.getTime()) / 1000);
  const aging = options.agingSeconds > 0 ? Math.floor(waitedSeconds / options.agingSeconds) : 0;
  return options.tierSteps[handoff.customer.tier] + handoff.priority + aging;
}

/** A comparator for `Array.sort`: who is served first at `now` comes first. */
export function queueComparator(
  now: Date,
  options: QueueOrderOptions = QUEUE_ORDER_DEFAULTS,
): (a: WaitingHandoff, b: WaitingHandoff) => number {
  return (a, b) =>
    rankOf(b, now, options) - rankOf(a, now, options) ||
    a.enqueuedAt.getTime() - b.enqueuedAt.getTime() ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** The handoffs in the order they will be served at `now` (a sorted copy). */
export function orderQueue<T extends WaitingHandoff>(
  waiting: readonly T[],
  now: Date,
  options: QueueOrderOptions = QUEUE_ORDER_DEFAULTS,
): T[] {
  return [...waiting].sort(queueComparator(now, options));
}
