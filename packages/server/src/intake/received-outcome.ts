import type { EventOutcome } from '../model/event.model.ts';

/**
 * What became of one received event, in one word (a metrics label):
 * `started` a journey, `routed` to a waiting one, `parked` with an instance that is not waiting
 * for it yet, `ignored` by every journey it reached, `unmatched` (nobody started or waited),
 * `duplicate` (a delivery of an event already recorded) or `failed` (processing threw; the
 * event stays in the inbox and recovery processes it later).
 */
export type ReceivedOutcome =
  'started' | 'routed' | 'parked' | 'ignored' | 'unmatched' | 'duplicate' | 'failed';

/** Told of every event a request delivered, once its outcome is known. */
export type ReceivedListener = (received: { source: string; outcome: ReceivedOutcome }) => void;

/**
 * The one word for a routing outcome. An event may start one journey and move another on;
 * the first that applies wins: started, routed, parked, ignored, unmatched.
 */
export function receivedOutcomeOf(outcome: EventOutcome): ReceivedOutcome {
  if (outcome.started.length > 0) return 'started';
  if (outcome.routed.length > 0) return 'routed';
  if (outcome.parked.length > 0) return 'parked';
  if (outcome.ignored.length > 0) return 'ignored';
  return 'unmatched';
}
