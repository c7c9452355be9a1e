import { Schema, type Connection, type Model } from 'mongoose';
import type { LocalizedText } from '@xiaoer/engine';
import { jsonFields } from './json-fields.ts';

/**
 * What became of one delivery, as the events page shows it: `started` a journey, `routed` to a
 * waiting one, `parked` with an instance not waiting for it yet, `early` (kept until the
 * order's journey starts), `unmatched` (no journey took it), `invalid` (its data broke a
 * contract: `problems` say where), `ignored` (journeys refused it: `reasons`), `duplicate` (a
 * redelivery), `topic-ignored` (a platform topic Xiaoer does not use) or `failed` (processing
 * threw; recovery retries it).
 */
export const RECEIVED_OUTCOMES = [
  'started',
  'routed',
  'parked',
  'early',
  'unmatched',
  'invalid',
  'ignored',
  'duplicate',
  'topic-ignored',
  'failed',
] as const;
export type ReceivedEventOutcome = (typeof RECEIVED_OUTCOMES)[number];

/**
 * Where a problem in a delivery's data is (JSON pointer) and what it is: `message` in English,
 * `text` in Chinese and English where the check words it in both (a trigger's data schema, the
 * body schemas); entries written before `text` existed have only `message`.
 */
export interface DataProblem {
  pointer: string;
  message: string;
  text?: LocalizedText;
}

/** The parts of an entry the page shows but never filters on (stored as JSON text). */
export interface ReceivedEventDetail {
  /** Instances the event started, moved on or was parked with. */
  instances: string[];
  /** Parked events: the node each instance was waiting at. */
  waiting: { instanceId: string; node: string }[];
  /** Journeys that kept an early event for when they start. */
  early: string[];
  /** Why journeys ignored it, or why a topic was ignored. */
  reasons: string[];
  /**
   * The same reasons in Chinese and English, one for each of `reasons` where the runtime
   * words it in both (absent on entries written before, and for a refused delivery's reason).
   */
  reasonTexts?: LocalizedText[];
  problems: DataProblem[];
  /** An early event applied when its order's journey started (an entry of its own). */
  late?: boolean;
  /**
   * Processed by recovery after a crash or a failed attempt: the outcome it finally had (an
   * entry of its own, beside a `failed` one when the first attempt threw).
   */
  recovered?: boolean;
}

/**
 * One received delivery and its outcome: appended once (never updated), so recording it is an
 * insert that the group commit batches with the others. `_id` is the receive time (ISO) then
 * the event key, so `_id` order is time order and is the page cursor.
 */
export interface ReceivedEventEntry {
  _id: string;
  at: Date;
  source: string;
  /** The Xiaoer event type, or the platform's topic when no event was made. */
  type: string;
  /** `source/eventId`, when the delivery made an event. */
  key?: string;
  outcome: ReceivedEventOutcome;
  /** Order ids, order numbers and correlation values it concerns (the order filter). */
  refs: string[];
  detail: ReceivedEventDetail;
}

export function receivedEventModels(connection: Connection): {
  ReceivedEvents: Model<ReceivedEventEntry>;
} {
  return {
    ReceivedEvents: connection.model(
      'ReceivedEvent',
      new Schema(
        {
          _id: String,
          at: { type: Date, required: true },
          source: { type: String, required: true },
          type: { type: String, required: true },
          key: String,
          outcome: { type: String, required: true },
          refs: { type: [String], default: [] },
          detail: { type: String, required: true },
        },
        { versionKey: false, minimize: false, collection: 'receivedEvents' },
      ),
    ) as unknown as Model<ReceivedEventEntry>,
  };
}

/** The detail is JSON text (see json-fields.ts). */
export const receivedEventJson = jsonFields<ReceivedEventEntry>('detail');
