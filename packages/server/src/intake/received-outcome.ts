import type { EventOutcome, EventRecord } from '../model/event.model.ts';
import type { DataProblem } from '../model/received-event.model.ts';

/**
 * What became of one received event, in one word (a metrics label):
 * `started` a journey, `routed` to a waiting one, `parked` with an instance that is not waiting
 * for it yet (or kept for a journey that has not started: it came early), `ignored` by every
 * journey it reached, `unmatched` (nobody started or waited), `duplicate` (a delivery of an
 * event already recorded), `failed` (processing threw; the event stays in the inbox and
 * recovery processes it later), `invalid` (a body of a known topic that does not fit it,
 * answered 400) or `topic-ignored` (a platform topic Xiaoer does not use, answered 200).
 */
export type ReceivedOutcome =
  | 'started'
  | 'routed'
  | 'parked'
  | 'ignored'
  | 'unmatched'
  | 'duplicate'
  | 'failed'
  | 'invalid'
  | 'topic-ignored';

/** One delivery and what became of it, as the listeners of the intake are told. */
export interface Received {
  source: string;
  outcome: ReceivedOutcome;
  /** The event as recorded; absent for a delivery refused before it made one. */
  record?: EventRecord;
  /** What routing did, when the event was routed here. */
  routing?: EventOutcome;
  /** A refused delivery: the platform's topic (or event type) and why. */
  refused?: { type: string; reason?: string; problems?: DataProblem[] };
  /** Processed by recovery (after a crash or a failed attempt), not by the request. */
  recovered?: true;
}

/** Told of every event a request delivered, once its outcome is known. */
export type ReceivedListener = (received: Received) => void;

/**
 * The one word for a routing outcome. An event may start one journey and move another on;
 * the first that applies wins: started, routed, parked, ignored, unmatched.
 */
export function receivedOutcomeOf(outcome: EventOutcome): ReceivedOutcome {
  if (outcome.started.length > 0) return 'started';
  if (outcome.routed.length > 0) return 'routed';
  if (outcome.parked.length > 0 || (outcome.early?.length ?? 0) > 0) return 'parked';
  if (outcome.ignored.length > 0) return 'ignored';
  return 'unmatched';
}
