import { ENGINE_EVENTS, type JourneyEvent } from '../runtime/journey-context.ts';

/**
 * What a journey test does with an event its node does not wait for: `'throw'` (the default,
 * `EventNotAcceptedError`) or `'park'` it, as the server does, and offer it again as the
 * journey moves.
 */
export type EarlyEventMode = 'throw' | 'park';

/**
 * Why the journey let an event go without taking it (with `early: 'park'`, and stale timers):
 * - `refused`: its node waits for its type but refused this one (a guard: a reply from before
 *   the question, a result for another call; or invalid data), when it came or when it was
 *   offered from the parked list;
 * - `stale`: a timer or effect result the journey no longer waits for (never parked);
 * - `unmatched`: no node of the journey ever waits for its type (never parked);
 * - `ended`: it came after the journey ended;
 * - `overflow`: pushed out of the parked list (or of the events kept before the start) by newer ones;
 * - `expired`: kept before the start for longer than the server keeps such events (7 days).
 */
export type DropReason = 'refused' | 'stale' | 'unmatched' | 'ended' | 'overflow' | 'expired';

/** An event the journey let go, where it was then, and why. */
export interface DroppedEvent {
  event: JourneyEvent;
  /** The node the journey was at; null before it started. */
  node: string | null;
  reason: DropReason;
  /** The clock's time when it was let go (the event keeps its own `at`). */
  droppedAt: string;
}

/** How many events a journey keeps parked, the oldest going first (the server's `maxParked`). */
export const MAX_PARKED = 20;

/** Events the host produces (timers, effect results): a stale one is ignored, never parked. */
const HOST_EVENTS = new Set<string>(
  Object.values(ENGINE_EVENTS).filter((type) => type !== ENGINE_EVENTS.customerReplied),
);

/** True for timers and effect results; a customer's reply is not one. */
export const isHostEvent = (type: string): boolean => HOST_EVENTS.has(type);

/**
 * The events a journey keeps while its node does not wait for them, oldest first, as the
 * server keeps them with the instance (`JourneyRuntime.#applyHeld` parks, `#drainParked`
 * offers them, packages/server/src/runtime/journey-runtime.ts).
 */
export class ParkedEvents {
  #events: JourneyEvent[] = [];

  /** The parked events, oldest first. */
  get events(): JourneyEvent[] {
    return [...this.#events];
  }

  /** Parks `event` last and returns the oldest ones pushed out beyond {@link MAX_PARKED}. */
  park(event: JourneyEvent): JourneyEvent[] {
    const all = [...this.#events, event];
    this.#events = all.slice(-MAX_PARKED);
    return all.slice(0, all.length - this.#events.length);
  }

  /** Takes out the oldest parked event of a type the node waits for, if any. */
  takeAccepted(accepted: readonly string[]): JourneyEvent | undefined {
    const next = this.#events.find((event) => accepted.includes(event.type));
    if (next) this.#events = this.#events.filter((event) => event !== next);
    return next;
  }
}
