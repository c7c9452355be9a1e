import { Schema, type Connection, type Model } from 'mongoose';
import type { JsonObject, LocalizedText } from '@xiaoer/engine';
import { jsonFields } from './json-fields.ts';
import type { DataProblem } from './received-event.model.ts';

/** What became of a received event once the runtime processed it. */
export interface EventOutcome {
  started: string[];
  routed: string[];
  /** Instances that were waiting but not for this event yet: it is parked with them. */
  parked: string[];
  /** Where each parked instance was waiting (the events page says for which node). */
  waiting?: { instanceId: string; node: string }[];
  /** Journeys that keep this event until they start for its order (it came early). */
  early?: string[];
  /** Events that came early, applied right after the instance this event started. */
  appliedEarly?: { key: string; type: string; instanceId: string }[];
  /** Nobody started or waited: recorded, not lost. */
  unmatched: boolean;
  ignored: {
    instanceId?: string;
    workflowId: string;
    reason: string;
    /** `reason` in Chinese and English (runtime/ignored-reasons.ts); absent on older records. */
    text?: LocalizedText;
    /** Data that broke the journey's trigger contract: where (JSON pointer) and what. */
    problems?: DataProblem[];
  }[];
  processedAt: Date;
}

/**
 * What became of one event whose record an older version wrote before processing it (`_id` is
 * the event's key), appended beside that record instead of updating it. A record is now written
 * once, with its outcome, when the event was processed.
 */
export type EventOutcomeRecord = EventOutcome & { _id: string };

/** A received event; `_id` is `source/eventId`, so a redelivery cannot be stored twice. */
export interface EventRecord {
  _id: string;
  source: string;
  eventId: string;
  type: string;
  time: string;
  data: JsonObject;
  receivedAt: Date;
  /**
   * What became of it: written with the record once the event was processed. Absent on records
   * an older version wrote before processing (their outcome is an {@link EventOutcomeRecord}).
   */
  outcome?: EventOutcome;
}

/**
 * An event taken but not processed yet; deleted once processed. It carries the event itself
 * (its data as JSON text, like the record's): the intake writes only this entry before it
 * answers, and the event's record ({@link EventRecord}) is written with its outcome once it was
 * processed, before the entry is deleted. Entries of older versions carry only `_id`, `receivedAt` and `process` (their record
 * was written with them).
 */
export interface InboxEntry {
  _id: string;
  receivedAt: Date;
  /** The process that took it (its heartbeat's `_id`); absent on older entries. */
  process?: string;
  source?: string;
  eventId?: string;
  type?: string;
  time?: string;
  /** The event's data as JSON text. */
  data?: string;
}

const options = { versionKey: false, minimize: false } as const;

export function eventModels(connection: Connection): {
  Events: Model<EventRecord>;
  Inbox: Model<InboxEntry>;
  EventOutcomes: Model<EventOutcomeRecord>;
} {
  return {
    Events: connection.model(
      'Event',
      new Schema(
        {
          _id: String,
          source: { type: String, required: true },
          eventId: { type: String, required: true },
          type: { type: String, required: true },
          time: { type: String, required: true },
          data: { type: String, required: true },
          receivedAt: { type: Date, required: true },
          outcome: { type: Schema.Types.Mixed },
        },
        { ...options, collection: 'events' },
      ),
    ) as unknown as Model<EventRecord>,
    Inbox: connection.model(
      'InboxEntry',
      new Schema(
        {
          _id: String,
          receivedAt: { type: Date, required: true },
          process: String,
          source: String,
          eventId: String,
          type: { type: String },
          time: String,
          data: String,
        },
        { ...options, collection: 'inbox' },
      ),
    ) as unknown as Model<InboxEntry>,
    EventOutcomes: connection.model(
      'EventOutcome',
      new Schema(
        {
          _id: String,
          started: [String],
          routed: [String],
          parked: [String],
          unmatched: { type: Boolean, required: true },
          ignored: { type: Schema.Types.Mixed },
          processedAt: { type: Date, required: true },
        },
        { ...options, collection: 'eventOutcomes' },
      ),
    ) as unknown as Model<EventOutcomeRecord>,
  };
}

export const eventKey = (source: string, eventId: string) => `${source}/${eventId}`;

/** Event data is stored as JSON text (see json-fields.ts). */
export const eventJson = jsonFields<EventRecord>('data');

/** The inbox entry that carries `record` until it was processed (taken by `process`). */
export function inboxEntryOf(record: EventRecord, process?: string): InboxEntry {
  const { _id, source, eventId, type, time, data, receivedAt } = record;
  return {
    _id,
    receivedAt,
    ...(process ? { process } : {}),
    source,
    eventId,
    type,
    time,
    data: JSON.stringify(data),
  };
}

/** The event an inbox entry carries, as its record; null for an older entry (no event in it). */
export function recordOfInbox(entry: InboxEntry): EventRecord | null {
  const { _id, receivedAt, source, eventId, type, time, data } = entry;
  if (source === undefined || eventId === undefined || type === undefined) return null;
  if (time === undefined || data === undefined) return null;
  return {
    _id,
    source,
    eventId,
    type,
    time,
    data: JSON.parse(data) as JsonObject,
    receivedAt: new Date(receivedAt),
  };
}

/** The outcome as stored, without its `_id`. */
export function outcomeOf(record: EventOutcomeRecord): EventOutcome {
  const { _id, ...outcome } = record;
  void _id;
  return outcome;
}
