import { Schema, type Connection, type Model } from 'mongoose';
import type { JsonObject } from '@xiaoer/engine';
import { jsonFields } from './json-fields.ts';

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
    problems?: { pointer: string; message: string }[];
  }[];
  processedAt: Date;
}

/** A received event; `_id` is `source/eventId`, so a redelivery cannot be stored twice. */
export interface EventRecord {
  _id: string;
  source: string;
  eventId: string;
  type: string;
  time: string;
  data: JsonObject;
  receivedAt: Date;
  outcome?: EventOutcome;
}

/** An event recorded but not processed yet; deleted once processed. Small by design. */
export interface InboxEntry {
  _id: string;
  receivedAt: Date;
}

const options = { versionKey: false, minimize: false } as const;

export function eventModels(connection: Connection): {
  Events: Model<EventRecord>;
  Inbox: Model<InboxEntry>;
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
        { _id: String, receivedAt: { type: Date, required: true } },
        { ...options, collection: 'inbox' },
      ),
    ) as unknown as Model<InboxEntry>,
  };
}

export const eventKey = (source: string, eventId: string) => `${source}/${eventId}`;

/** Event data is stored as JSON text (see json-fields.ts). */
export const eventJson = jsonFields<EventRecord>('data');
