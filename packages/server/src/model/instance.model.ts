import { Schema, type Connection, type Model } from 'mongoose';
import { jsonFields } from './json-fields.ts';
import type { InstanceOutcome } from './instance-outcome.ts';
import type { Effect, JourneyEvent, JourneySnapshot, JsonValue, PathStep } from '@xiaoer/engine';

export type InstanceStatus = 'active' | 'done' | 'cancelled';

/** An event as the runtime applies it to an instance. `key` makes applying it idempotent. */
export interface InstanceEvent extends JourneyEvent {
  key: string;
  /** Who sent it by hand (operator actions); absent for order systems and the runtime. */
  actor?: string;
}

/** The engine's part of an instance event: without the runtime's own `key` and `actor`. */
export function journeyEventOf(event: InstanceEvent): JourneyEvent {
  const { key: _key, actor: _actor, ...rest } = event;
  return rest;
}

/** What identifies an instance; fixed when it starts. */
export interface InstanceIdentity {
  _id: string;
  workflowId: string;
  version: number;
  correlationKey: string;
  correlation: string;
  generation: number;
  startedAt: Date;
}

/**
 * A running or finished journey. `_id` is `workflowId:correlation:generation`, so finding the
 * instances of an order is a few `_id` lookups (FerretDB 1.x indexes nothing else).
 */
export interface InstanceRecord extends InstanceIdentity {
  status: InstanceStatus;
  node: string;
  snapshot: JourneySnapshot;
  /** Number of steps applied; every step is conditional on it. */
  revision: number;
  /** Keys of effects written by steps and not finished yet. */
  pendingEffects: string[];
  /** Keys of the last events applied, so a redelivered event changes nothing. */
  recentEvents: string[];
  /** Events that arrived before the journey waited for them (out of order); retried after each step. */
  parked: InstanceEvent[];
  /** How it ended, written by the step that ended it; absent while active. */
  outcome?: InstanceOutcome;
  updatedAt: Date;
}

/** One change of a journey variable in a step. */
export interface DataChange {
  key: string;
  before?: JsonValue;
  after?: JsonValue;
}

/**
 * One applied step, `_id` `instanceId#revision`. Written before the instance is updated, it is
 * also the write-ahead record that lets anyone finish a step a crashed process started.
 */
export interface StepRecord {
  _id: string;
  instanceId: string;
  revision: number;
  at: Date;
  event: InstanceEvent;
  from: string | null;
  to: string;
  path: PathStep[];
  dataChanges: DataChange[];
  effects: Effect[];
  status: InstanceStatus;
  snapshot: JourneySnapshot;
  /** On the first step: the instance it created (lets recovery recreate it). */
  created?: InstanceIdentity;
  /**
   * The outbox note written before this record (runtime/outbox-notes.ts): recovery finishes
   * the step from that note only. Absent on records of older versions.
   */
  note?: string;
}

/**
 * A note of the outbox (runtime/outbox-notes.ts): steps a process was about to record together,
 * each not yet fully dispatched; `_id` `process:n`. Older versions wrote an entry per step
 * (`_id` the step's, with `instanceId` and `revision`, no `steps`); recovery reads both.
 */
export interface OutboxEntry {
  _id: string;
  /** The steps' keys (`instanceId#revision`); absent on an older version's one-step entry. */
  steps?: string[];
  claimedAt: Date;
  /** The process stepping them (its heartbeat's `_id`); absent on older entries. */
  process?: string;
  /** An older version's entry: its step's instance and revision. */
  instanceId?: string;
  revision?: number;
}

/** Newest generation of `workflowId:correlation`: a hint, checked by probing the next ids. */
export interface CorrelationRecord {
  _id: string;
  latest: number;
  /** Order events came before any instance started: they wait in `earlyEvents`. */
  early?: boolean;
}

const options = { versionKey: false, minimize: false } as const;
const mixed = { type: Schema.Types.Mixed };

export function instanceModels(connection: Connection): {
  Instances: Model<InstanceRecord>;
  Steps: Model<StepRecord>;
  Outbox: Model<OutboxEntry>;
  Correlations: Model<CorrelationRecord>;
} {
  return {
    Instances: connection.model(
      'Instance',
      new Schema(
        {
          _id: String,
          workflowId: { type: String, required: true },
          version: { type: Number, required: true },
          correlationKey: { type: String, required: true },
          correlation: { type: String, required: true },
          generation: { type: Number, required: true },
          status: { type: String, required: true },
          node: { type: String, required: true },
          snapshot: { type: String, required: true },
          revision: { type: Number, required: true },
          pendingEffects: { type: [String], default: [] },
          recentEvents: { type: [String], default: [] },
          parked: { type: String, required: true },
          outcome: { type: String },
          startedAt: { type: Date, required: true },
          updatedAt: { type: Date, required: true },
        },
        { ...options, collection: 'instances' },
      ).index({ outcome: 1, workflowId: 1 }),
    ) as unknown as Model<InstanceRecord>,
    Steps: connection.model(
      'Step',
      new Schema(
        {
          _id: String,
          instanceId: { type: String, required: true },
          revision: { type: Number, required: true },
          at: { type: Date, required: true },
          event: { type: String, required: true },
          from: { type: String, default: null },
          to: { type: String, required: true },
          path: { type: [mixed], default: [] },
          dataChanges: { type: String, required: true },
          effects: { type: String, required: true },
          status: { type: String, required: true },
          snapshot: { type: String, required: true },
          created: mixed,
          note: String,
        },
        { ...options, collection: 'steps' },
      ),
    ) as unknown as Model<StepRecord>,
    Outbox: connection.model(
      'OutboxEntry',
      new Schema(
        {
          _id: String,
          steps: { type: [String], default: undefined },
          claimedAt: { type: Date, required: true },
          process: String,
          instanceId: String,
          revision: Number,
        },
        { ...options, collection: 'outbox' },
      ),
    ) as unknown as Model<OutboxEntry>,
    Correlations: connection.model(
      'Correlation',
      new Schema(
        { _id: String, latest: { type: Number, required: true }, early: Boolean },
        { ...options, collection: 'correlations' },
      ),
    ) as unknown as Model<CorrelationRecord>,
  };
}

export const instanceId = (workflowId: string, correlation: string, generation: number) =>
  `${workflowId}:${correlation}:${generation}`;
export const stepKey = (instance: string, revision: number) => `${instance}#${revision}`;
export const correlationKeyOf = (workflowId: string, correlation: string) =>
  `${workflowId}:${correlation}`;

/** Snapshots, events and effects are stored as JSON text (see json-fields.ts). */
export const instanceJson = jsonFields<InstanceRecord>('snapshot', 'parked');
export const stepJson = jsonFields<StepRecord>('event', 'dataChanges', 'effects', 'snapshot');
