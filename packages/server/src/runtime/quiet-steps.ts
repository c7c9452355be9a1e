import { ENGINE_EVENTS, type Effect } from '@xiaoer/engine';
import { BOOKKEEPING_LINGER_MS } from './bookkeeping-writes.ts';
import { FAR_AHEAD_MS } from './timer-buckets.ts';

/** The results of a journey's own effects, which the host reports back to it. */
const EFFECT_RESULTS = new Set<string>([
  ENGINE_EVENTS.sendSucceeded,
  ENGINE_EVENTS.sendFailed,
  ENGINE_EVENTS.callSucceeded,
  ENGINE_EVENTS.callFailed,
]);

/**
 * Whether nothing waits on a step: it applies the result of one of the journey's own effects
 * (no customer, order system or operator is waiting for an answer to it) and does nothing now —
 * at most it starts timers due further ahead than {@link FAR_AHEAD_MS}, such as an order's 48
 * hours to ship after its confirmation was sent. Such a step's note and record may wait a moment
 * to share a write with others' ({@link lingerForStep}); the instance's own queue waits with it,
 * so its next event is still applied after it.
 */
export function isQuietStep(
  eventType: string,
  effects: readonly Effect[],
  now = Date.now(),
): boolean {
  if (!EFFECT_RESULTS.has(eventType)) return false;
  return effects.every(
    (effect) => effect.kind === 'schedule' && Date.parse(effect.dueAt) - now > FAR_AHEAD_MS,
  );
}

/** How long a step's writes may linger: {@link BOOKKEEPING_LINGER_MS} for a quiet step. */
export function lingerForStep(eventType: string, effects: readonly Effect[]): number | undefined {
  return isQuietStep(eventType, effects) ? BOOKKEEPING_LINGER_MS : undefined;
}
