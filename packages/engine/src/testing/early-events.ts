import { journeyOf, type JourneyMachine } from '../runtime/compile.ts';
import { ENGINE_EVENTS, type JourneyEvent } from '../runtime/journey-context.ts';
import { VirtualClock } from './virtual-clock.ts';

/** How long the server keeps an order event for a journey not started yet: 7 days. */
export const EARLY_EVENT_RETENTION_MS = 7 * 86_400_000;
/** At most this many kept events are applied at the start, the oldest first. */
const MAX_EARLY = 20;

/** Only order events wait for their order's journey; replies and the host's events never do. */
const isOrderEvent = (type: string): boolean =>
  type.startsWith('order.') && !Object.values<string>(ENGINE_EVENTS).includes(type);

/** Every event type some node of the journey waits for. */
export function awaitedAnywhere(machine: JourneyMachine): Set<string> {
  const { nodes } = journeyOf(machine);
  return new Set([...nodes.values()].flatMap(({ node, type }) => type.awaits(node.config)));
}

/** What the start takes of the kept events: those to apply, and those let go. */
export interface TakenEarlyEvents {
  /** Within the retention, oldest first, at most 20: applied in this order. */
  events: JourneyEvent[];
  /** Kept longer than {@link EARLY_EVENT_RETENTION_MS}. */
  expired: JourneyEvent[];
  /** Within the retention but beyond the first 20. */
  overflow: JourneyEvent[];
}

/**
 * Order events sent before the journey started, kept for its start as the server keeps them
 * (packages/server/src/runtime/early-events.ts, `EarlyEvents.keep` and `take`), on the test's
 * virtual clock.
 */
export class EarlyEvents {
  #kept: { event: JourneyEvent; keptAt: string }[] = [];

  /** The kept events, oldest first. */
  get events(): JourneyEvent[] {
    return this.#kept.map((k) => k.event);
  }

  /** Keeps `event` when it is an order event the journey waits for somewhere; true when kept. */
  keep(machine: JourneyMachine, event: JourneyEvent, now: string): boolean {
    if (!isOrderEvent(event.type) || !awaitedAnywhere(machine).has(event.type)) return false;
    this.#kept.push({ event, keptAt: now });
    return true;
  }

  /** Takes every kept event out: those to apply at the start at `now`, and those let go. */
  take(now: string): TakenEarlyEvents {
    const cutoff = VirtualClock.millis(now) - EARLY_EVENT_RETENTION_MS;
    const kept = this.#kept;
    this.#kept = [];
    const fresh = kept.filter((k) => VirtualClock.millis(k.keptAt) >= cutoff);
    return {
      events: fresh.slice(0, MAX_EARLY).map((k) => k.event),
      expired: kept.filter((k) => !fresh.includes(k)).map((k) => k.event),
      overflow: fresh.slice(MAX_EARLY).map((k) => k.event),
    };
  }
}
