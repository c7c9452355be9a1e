import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { jsonFields } from './json-fields.ts';
import type { Effect, JsonValue, ScheduleEffect } from '@xiaoer/engine';

/**
 * `pending` until done; `failed` when a call failed and the journey may retry it; `dead` when
 * every attempt failed (the operator sees it and may retry); `cancelled` by an operator.
 */
export type EffectStatus = 'pending' | 'done' | 'failed' | 'dead' | 'cancelled';

/** An effect a step wrote; `_id` is `instanceId:revision:index`, its idempotency key too. */
export interface EffectRecord {
  _id: string;
  instanceId: string;
  revision: number;
  index: number;
  effect: Effect;
  status: EffectStatus;
  attempts: number;
  /** Times an operator retried it after it was dead-lettered; part of the attempt claims' ids. */
  retries: number;
  lastError?: { code: string; message: string };
  result?: JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

/** Claim of one execution attempt, `_id` `effectKey#attempt`: only one process may insert it. */
export interface EffectAttemptRecord {
  _id: string;
  effectKey: string;
  attempt: number;
  startedAt: Date;
  process: string;
}

/** An effect every attempt of which failed, waiting for an operator; `_id` is the effect key. */
export interface DeadLetterRecord {
  _id: string;
  instanceId: string;
  kind: Effect['kind'];
  nodeId: string;
  error: { code: string; message: string };
  attempts: number;
  at: Date;
}

/**
 * Written once the Agenda job of an effect or timer exists (`_id` `effect:key` or
 * `timer:key`), so recovery re-creates only the jobs a crash lost, not duplicates.
 */
export interface JobMarkerRecord {
  _id: string;
  at: Date;
}

export type TimerStatus = 'scheduled' | 'cancelled' | 'fired';

/**
 * A durable timer as older versions stored it, `_id` `instanceId|timerId`: a record written
 * when it was scheduled (`scheduled`, or `cancelled` by an update). A timer is now its slot in
 * its bucket (`timerSlots`) and, once it ended, its {@link TimerFireRecord}; these records are
 * only read for timers scheduled before, and pruned with the history.
 */
export interface TimerRecord {
  _id: string;
  instanceId: string;
  timerId: string;
  dueAt: Date;
  status: TimerStatus;
  firedAt?: Date;
}

/**
 * That a timer ended, `_id` the timer's: it fired (`firedAt`) or was cancelled (`cancelledAt`),
 * whichever came first. Appended, never updated: an update is a read, a change and a write per
 * document on FerretDB 1.x (about 1.9 ms each at 20,000 timers, against 0.12 ms for an insert
 * in a batch), which capped firing near a thousand timers a second. A timer due is fired unless
 * this record exists, so firing reads it alone, not the timer's record.
 */
export interface TimerFireRecord {
  _id: string;
  firedAt?: Date;
  cancelledAt?: Date;
}

const options = { versionKey: false, minimize: false } as const;

export function effectModels(connection: Connection): {
  Effects: Model<EffectRecord>;
  EffectAttempts: Model<EffectAttemptRecord>;
  Timers: Model<TimerRecord>;
  TimerFires: Model<TimerFireRecord>;
  DeadLetters: Model<DeadLetterRecord>;
  JobMarkers: Model<JobMarkerRecord>;
} {
  return {
    Effects: connection.model(
      'Effect',
      new Schema(
        {
          _id: String,
          instanceId: { type: String, required: true },
          revision: { type: Number, required: true },
          index: { type: Number, required: true },
          effect: { type: String, required: true },
          status: { type: String, required: true },
          attempts: { type: Number, default: 0 },
          retries: { type: Number, default: 0 },
          lastError: { type: Schema.Types.Mixed },
          result: { type: String },
          createdAt: { type: Date, required: true },
          updatedAt: { type: Date, required: true },
        },
        { ...options, collection: 'effects' },
      ),
    ) as unknown as Model<EffectRecord>,
    EffectAttempts: connection.model(
      'EffectAttempt',
      new Schema(
        {
          _id: String,
          effectKey: { type: String, required: true },
          attempt: { type: Number, required: true },
          startedAt: { type: Date, required: true },
          process: { type: String, required: true },
        },
        { ...options, collection: 'effectAttempts' },
      ),
    ) as unknown as Model<EffectAttemptRecord>,
    Timers: connection.model(
      'Timer',
      new Schema(
        {
          _id: String,
          instanceId: { type: String, required: true },
          timerId: { type: String, required: true },
          dueAt: { type: Date, required: true },
          status: { type: String, required: true },
          firedAt: { type: Date },
        },
        { ...options, collection: 'timers' },
      ),
    ) as unknown as Model<TimerRecord>,
    TimerFires: connection.model(
      'TimerFire',
      new Schema(
        { _id: String, firedAt: Date, cancelledAt: Date },
        { ...options, collection: 'timerFires' },
      ),
    ) as unknown as Model<TimerFireRecord>,
    DeadLetters: connection.model(
      'DeadLetter',
      new Schema(
        {
          _id: String,
          instanceId: { type: String, required: true },
          kind: { type: String, required: true },
          nodeId: { type: String, required: true },
          error: { type: Schema.Types.Mixed, required: true },
          attempts: { type: Number, required: true },
          at: { type: Date, required: true },
        },
        { ...options, collection: 'deadLetters' },
      ),
    ) as unknown as Model<DeadLetterRecord>,
    JobMarkers: connection.model(
      'JobMarker',
      new Schema(
        { _id: String, at: { type: Date, required: true } },
        { ...options, collection: 'jobMarkers' },
      ),
    ) as unknown as Model<JobMarkerRecord>,
  };
}

export const effectKey = (instance: string, revision: number, index: number) =>
  `${instance}:${revision}:${index}`;
/** A timer's key, `instanceId|timerId`. */
export const timerKey = (instance: string, timerId: string) => `${instance}|${timerId}`;

/** The most a retry timer is moved later to spread retries: a fifth of its delay, ≤ 30 s. */
const RETRY_SPREAD_MAX_MS = 30_000;

/**
 * When a scheduled timer falls due: the effect's due time, and for a retry up to a fifth of its
 * delay (at most 30 s) later, by a fraction drawn from the timer's key, so that retries of many
 * journeys failing together spread out while the same timer always has the same due time (the
 * dispatch that makes its slot and the instance page that shows it agree, and a step
 * dispatched again after a crash puts it in the same bucket).
 */
export function timerDueAt(effect: ScheduleEffect, key: string, scheduledAt: Date): Date {
  const dueAt = new Date(effect.dueAt);
  if (effect.purpose !== 'retry') return dueAt;
  const ahead = Math.max(0, dueAt.getTime() - scheduledAt.getTime());
  const fraction = createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
  return new Date(dueAt.getTime() + fraction * Math.min(ahead * 0.2, RETRY_SPREAD_MAX_MS));
}

/**
 * The instance and timer id of a timer's key. A timer id is `<node id>#<visit>:<name>`: node
 * ids match the workflow schema's ID_PATTERN and names are the engine's own, so it never holds
 * `|`, while an instance id may (it holds an order value).
 */
export function timerOfKey(key: string): { instanceId: string; timerId: string } {
  const at = key.lastIndexOf('|');
  return { instanceId: key.slice(0, at), timerId: key.slice(at + 1) };
}

/** Effects and results are stored as JSON text (see json-fields.ts). */
export const effectJson = jsonFields<EffectRecord>('effect', 'result');
