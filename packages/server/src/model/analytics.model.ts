import { Schema, type Connection, type Model } from 'mongoose';
import type { AnalyticsFact } from './analytics-fact.types.ts';
import type { ConversationDay, JourneyDay } from './analytics-rollup.types.ts';

/**
 * A fact waiting to be rolled up; deleted once it is. Small by design: FerretDB 1.x scans it
 * (only `_id` is indexed), so the rollup drains it every minute.
 */
export type FactRecord = AnalyticsFact & { _id: string; recordedAt: Date };

/**
 * Facts recorded together, in one document (`_id` `pack|uuid`): the recorder writes what it
 * gathered in a quarter second as one pack, where a document per fact cost the store two
 * documents per order event. The rollup reads single facts too (older versions, imports).
 */
export interface FactPackRecord {
  _id: string;
  facts: (AnalyticsFact & { _id: string })[];
  recordedAt: Date;
}

/** What the facts collection holds: single facts and packs of them. */
export type StoredFacts = FactRecord | FactPackRecord;

/** The facts of stored documents, each fact once (by its `_id`), in the order stored. */
export function factsOf(documents: readonly StoredFacts[]): FactRecord[] {
  const seen = new Set<string>();
  const facts: FactRecord[] = [];
  for (const document of documents) {
    const list: FactRecord[] =
      'facts' in document && Array.isArray(document.facts)
        ? document.facts.map((fact) => ({ ...fact, recordedAt: document.recordedAt }))
        : [document as FactRecord];
    for (const fact of list)
      if (!seen.has(fact._id)) {
        seen.add(fact._id);
        facts.push(fact);
      }
  }
  return facts;
}

/** The rollup's lease (`_id: 'rollup'`) and its write-ahead batch (`_id: 'batch'`). */
export interface RollupControlRecord {
  _id: string;
  /** The lease holder, or the batch id. */
  owner: string;
  expiresAt: Date;
  /** On the batch: the documents (facts and packs of facts) it rolls up. */
  factIds?: string[];
  /** On the batch: the time of its newest fact. */
  newest?: Date;
}

/** The rollup's progress, `_id: 'progress'`: up to when facts have been rolled up. */
export interface RollupProgressRecord {
  _id: string;
  rolledUpTo: Date;
  channels: string[];
  /** Counted up each time the rollup writes a day that has passed (readers keep past days). */
  pastRevision?: number;
}

/**
 * The rollup's last batches (`_id: 'recent'` among its control documents): which fact
 * documents each took, newest last, and how many batches have begun. A reader of rolled-up and
 * waiting facts at once tells by it whether a waiting fact's hour counts it already
 * (journey-flow.ts).
 */
export interface RecentBatchesRecord {
  _id: string;
  begun: number;
  batches: { id: string; factIds: string[] }[];
}

/** The batches {@link RecentBatchesRecord} remembers. */
export const RECENT_BATCHES = 8;

/**
 * A journey's steps per outcome in one hour, by the minute (`_id` `<workflowId>|<hour>`, the
 * hour's start in ISO form, UTC): the editor's counts read their window's hours by `_id`, never
 * the steps. Kept a day longer than the editor's longest window (analytics/journey-flow.ts).
 */
export interface JourneyHourRecord {
  _id: string;
  workflowId: string;
  hour: Date;
  /** The rollup batches added (a batch redone after a crash is recognised). */
  batches: string[];
  /** Steps that left a node through an outcome (`node/outcome`) in a minute (0–59) of the hour. */
  outcomes: { outcome: string; minute: number; count: number }[];
}

/**
 * The steps per outcome of a pack of facts not rolled up yet (`_id` the pack's), written just
 * after the pack and deleted with it once rolled up: the editor's counts read these few small
 * documents, where reading the packs themselves took seconds a minute's backlog.
 */
export interface WaitingOutcomesRecord {
  _id: string;
  recordedAt: Date;
  /** Steps of `workflowId` that left a node through an outcome (`node/outcome`) in `minute`. */
  outcomes: { workflowId: string; minute: Date; outcome: string; count: number }[];
}

/**
 * The nodes on a loop an instance has entered (`_id`: the instance), for instances of journeys
 * with loops only: the rollup counts an instance at such a node once. Deleted when the instance
 * ends.
 */
export interface JourneyReachRecord {
  _id: string;
  nodes: string[];
}

const plain = { versionKey: false, minimize: false, strict: false } as const;

/**
 * Raw facts, the rollup's control documents and the hourly rollups (one document per day; the
 * editor's counts one per journey and hour).
 */
export function analyticsModels(connection: Connection): {
  AnalyticsFacts: Model<StoredFacts>;
  RollupControl: Model<RollupControlRecord>;
  RollupProgress: Model<RollupProgressRecord>;
  ConversationDays: Model<ConversationDay>;
  JourneyDays: Model<JourneyDay>;
  JourneyReach: Model<JourneyReachRecord>;
  JourneyHours: Model<JourneyHourRecord>;
  WaitingOutcomes: Model<WaitingOutcomesRecord>;
} {
  const model = <T>(name: string, collection: string, fields: Record<string, unknown> = {}) =>
    connection.model(
      name,
      new Schema({ _id: String, ...fields }, { ...plain, collection }),
    ) as unknown as Model<T>;
  return {
    AnalyticsFacts: model<StoredFacts>('AnalyticsFact', 'analyticsFacts', {
      kind: String,
      at: Date,
      recordedAt: { type: Date, required: true },
    }),
    RollupControl: model<RollupControlRecord>('RollupControl', 'analyticsRollupControl', {
      owner: { type: String, required: true },
      expiresAt: { type: Date, required: true },
      factIds: [String],
      newest: Date,
    }),
    RollupProgress: model<RollupProgressRecord>('RollupProgress', 'analyticsRollupProgress', {
      rolledUpTo: { type: Date, required: true },
      channels: [String],
      pastRevision: Number,
    }),
    ConversationDays: model<ConversationDay>('ConversationDay', 'analyticsConversationDays'),
    JourneyDays: model<JourneyDay>('JourneyDay', 'analyticsJourneyDays'),
    JourneyReach: model<JourneyReachRecord>('JourneyReach', 'analyticsJourneyReach', {
      nodes: [String],
    }),
    JourneyHours: model<JourneyHourRecord>('JourneyHour', 'analyticsJourneyHours', {
      workflowId: String,
      hour: Date,
    }),
    WaitingOutcomes: model<WaitingOutcomesRecord>('WaitingOutcomes', 'analyticsWaitingOutcomes', {
      recordedAt: Date,
    }),
  };
}
