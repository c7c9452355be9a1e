import { Schema, type Connection, type Model } from 'mongoose';
import type { JsonObject } from '@xiaoer/engine';
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
    /** Data that broke the journey's trigger contract: where (JSON pointer) and what. */
    problems?: DataProblem[];
  }[];
  processedAt: Date;
}

/**
 * What became of one event, appended once it was processed (`_id` is the event's key): an
 * insert, batched with the others (group commit), where updating the event record would cost
 * the store one transaction per event.
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
  /** Only on records written before outcomes were appended (see {@link EventOutcomeRecord}). */
  outcome?: EventOutcome;
}

/** An event recorded but not processed yet; deleted once processed. Small by design. */
export interface InboxEntry {
  _id: string;
  receivedAt: Date;
  /** The process that took it (its heartbeat's `_id`); absent on older entries. */
  process?: string;
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
        { _id: String, receivedAt: { type: Date, required: true }, process: String },
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

/** The outcome as stored, without its `_id`. */
export function outcomeOf(record: EventOutcomeRecord): EventOutcome {
  const { _id, ...outcome } = record;
  void _id;
  return outcome;
}
