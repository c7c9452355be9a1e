/**
 * Timers at scale: N timers due within a short window, stored as the runtime stores them (a
 * `timers` record and an Agenda job each, inserted in bulk so setup does not dominate), then
 * fired by a running server. Reports how late they fire, how many fire within the observation
 * window, the cost of Agenda's due-job query at that size, and memory.
 *
 * The timers belong to no instance, so firing one is the scheduler's work (lock the job, read
 * the timer, mark it fired) without a journey step: this measures the scheduler, not steps.
 */
import type { Connection, mongo } from 'mongoose';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import type { ResultRow } from '../report.ts';
import {
  heapAfterGcMb,
  percentile,
  PRODUCTION_RECOVERY,
  storeLabel,
  waitUntil,
} from './measure.ts';

export interface TimerBenchOptions {
  counts: number[];
  /** How long to watch the timers fire, per count. */
  observeMs: number;
  log: (line: string) => void;
}

const INSERT_BATCH = 1000;

/** An Agenda job document as `agenda.schedule(dueAt, 'xiaoer.timer', { timer })` saves it. */
function timerJob(timer: string, dueAt: Date, lockedAt: Date | null) {
  return {
    name: 'xiaoer.timer',
    data: { timer },
    type: 'normal',
    priority: 0,
    nextRunAt: dueAt,
    lockedAt,
    lastFinishedAt: null,
    failedAt: null,
    failCount: null,
    failReason: null,
    lastRunAt: null,
    disabled: null,
    lastModifiedBy: null,
  };
}

/** Inserts `count` timers due between `from` and `from + spreadMs`, with their Agenda jobs. */
export async function insertTimers(
  connection: Connection,
  count: number,
  from: number,
  spreadMs: number,
  lockedAt: Date | null = null,
  prefix = 'bench',
): Promise<void> {
  const jobs = connection.collection('jobs');
  const timers = connection.collection('timers');
  for (let start = 0; start < count; start += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, count - start);
    const batch = Array.from({ length: size }, (_, i) => {
      const n = start + i;
      const key = `${prefix}:T-${n}:1|wait#${n}`;
      const dueAt = new Date(from + Math.floor((n / count) * spreadMs));
      return { key, dueAt, instanceId: `${prefix}:T-${n}:1`, timerId: `wait#${n}` };
    });
    await timers.insertMany(
      batch.map((t) => ({
        _id: t.key as never,
        instanceId: t.instanceId,
        timerId: t.timerId,
        dueAt: t.dueAt,
        status: 'scheduled',
      })),
    );
    await jobs.insertMany(batch.map((t) => timerJob(t.key, t.dueAt, lockedAt)));
  }
}

/** Milliseconds of Agenda's due-job query (as `getNextJobToRun` sends it) that matches nothing. */
export async function dueJobQueryMs(jobs: mongo.Collection, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await jobs.findOneAndUpdate(
      {
        name: 'xiaoer.timer',
        disabled: { $ne: true },
        $or: [
          { lockedAt: { $eq: null }, nextRunAt: { $lte: new Date(0) } },
          { lockedAt: { $lte: new Date(0) } },
        ],
      },
      { $set: { lockedAt: new Date() } },
      { sort: { nextRunAt: 1, priority: -1 }, returnDocument: 'after' },
    );
    times.push(performance.now() - started);
  }
  return times;
}

export async function firedLateness(h: Harness): Promise<number[]> {
  const fired = await h.xiaoer.models.Timers.find({ status: 'fired' })
    .select({ dueAt: 1, firedAt: 1 })
    .lean<{ dueAt: Date; firedAt: Date }[]>();
  return fired.map((t) => t.firedAt.getTime() - t.dueAt.getTime()).sort((a, b) => a - b);
}

export async function benchTimers(options: TimerBenchOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const count of options.counts) {
    const h = await startHarness({ config: PRODUCTION_RECOVERY });
    try {
      const heapBefore = heapAfterGcMb();
      const setupStarted = performance.now();
      // Due from 15 s after setup began, spread over 10 s.
      const firstDue = Date.now() + 15_000 + count / 20;
      await insertTimers(h.connection, count, firstDue, 10_000);
      options.log(`  ${count} timers stored in ${Math.round(performance.now() - setupStarted)} ms`);
      const scan = (await dueJobQueryMs(h.connection.collection('jobs'), 3)).sort((a, b) => a - b);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstDue - Date.now())));
      const fired = async () =>
        h.xiaoer.models.Timers.countDocuments({ status: 'fired' }).then((n) => n >= count);
      const all = await waitUntil(fired, options.observeMs, (waited) =>
        options.log(`  … ${Math.round(waited / 1000)} s after the first was due`),
      );
      const lateness = await firedLateness(h);
      const heapAfter = heapAfterGcMb();
      const label = `${count.toLocaleString('en-US')} timers due within 10 s (${storeLabel(h)})`;
      rows.push({
        measure: `${label}: lateness`,
        value: lateness.length ? `p50 ${percentile(lateness, 50)} ms` : 'none fired',
        detail: lateness.length
          ? `p99 ${percentile(lateness, 99)} ms, max ${lateness.at(-1)} ms; ` +
            `${lateness.length.toLocaleString('en-US')} fired ` +
            (all ? 'in all' : `within ${options.observeMs / 1000} s of the first due time`)
          : `within ${options.observeMs / 1000} s`,
      });
      rows.push({
        measure: `${label}: Agenda's due-job query`,
        value: `${Math.round(percentile(scan, 50))} ms`,
        detail: `one lock attempt scans every job (FerretDB 1.x has no index but _id); ${count.toLocaleString('en-US')} jobs`,
      });
      rows.push({
        measure: `${label}: server heap`,
        value: `${heapAfter} MB`,
        detail: `after GC; ${heapBefore} MB before the timers`,
      });
    } finally {
      await h.close();
    }
  }
  return rows;
}
