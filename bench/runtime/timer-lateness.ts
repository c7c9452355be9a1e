/**
 * Timers at scale: N timers due within a short window, stored as the runtime stores them (a
 * slot in its bucket each, one Agenda job per bucket, inserted in bulk so setup does not
 * dominate), then fired by a running server. Reports how late they fire, how many fire within
 * the observation window, the cost of Agenda's due-job query at that size, and memory.
 *
 * The timers belong to no instance, so firing one is the scheduler's work (run the bucket's
 * job, read the slot and the timer's end, look for its instance, mark it fired) without a
 * journey step: this measures the scheduler, not steps.
 */
import type { Connection, mongo } from 'mongoose';
import {
  bucketJobMarker,
  bucketOf,
  laneId,
  slotId,
  TIMER_BUCKET_JOB,
} from '@xiaoer/server/internal';
import { startHarness } from '@xiaoer/server/testing';
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

/** An Agenda job document as `agenda.schedule(startsAt, 'xiaoer.timers', { bucket })` saves it. */
function bucketJob(bucket: string, startsAt: Date, lockedAt: Date | null) {
  return {
    name: TIMER_BUCKET_JOB,
    data: { bucket },
    type: 'normal',
    priority: 0,
    nextRunAt: startsAt,
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

/**
 * Inserts `count` timers due between `from` and `from + spreadMs` into their buckets (one lane
 * each, as one process adding them would), with one Agenda job per bucket.
 */
export async function insertTimers(
  connection: Connection,
  count: number,
  from: number,
  spreadMs: number,
  lockedAt: Date | null = null,
  prefix = 'bench',
): Promise<{ buckets: number }> {
  const lanes = new Map<string, { id: string; startsAt: Date; size: number }>();
  const timers = Array.from({ length: count }, (_, n) => {
    const key = `${prefix}:T-${n}:1|wait#${n}`;
    const dueAt = new Date(from + Math.floor((n / count) * spreadMs));
    const bucket = bucketOf(key, dueAt);
    const lane = lanes.get(bucket.id) ?? { id: bucket.id, startsAt: bucket.startsAt, size: 0 };
    lanes.set(bucket.id, lane);
    return {
      key,
      dueAt,
      bucket: bucket.id,
      index: lane.size++,
    };
  });
  // Each bucket gets the first lane not taken yet (an earlier call may have filled lane 0).
  const laneOf = new Map<string, string>();
  for (const bucket of lanes.keys()) {
    let n = 0;
    while (await connection.collection('timerLanes').findOne({ _id: laneId(bucket, n) as never }))
      n++;
    laneOf.set(bucket, laneId(bucket, n));
  }
  const insert = async <T>(collection: string, docs: T[], toDoc: (item: T) => object) => {
    if (docs.length === 0) return;
    for (let start = 0; start < docs.length; start += INSERT_BATCH)
      await connection
        .collection(collection)
        .insertMany(docs.slice(start, start + INSERT_BATCH).map(toDoc) as mongo.Document[]);
  };
  await insert('timerSlots', timers, (t) => ({
    _id: slotId(laneOf.get(t.bucket) as string, t.index),
    timer: t.key,
    dueAt: t.dueAt,
  }));
  const buckets = [...lanes];
  await insert('timerLanes', buckets, ([bucket, lane]) => ({
    _id: laneOf.get(bucket),
    startsAt: lane.startsAt,
    size: lane.size,
  }));
  // A job for every bucket (one that fired already reads its lanes again); a marker for new ones.
  await insert('jobs', buckets, ([bucket, lane]) => bucketJob(bucket, lane.startsAt, lockedAt));
  const fresh = buckets.filter(([bucket]) => laneOf.get(bucket) === laneId(bucket, 0));
  await insert('jobMarkers', fresh, ([bucket]) => ({
    _id: bucketJobMarker(bucket),
    at: new Date(),
  }));
  return { buckets: buckets.length };
}

/** Milliseconds of Agenda's due-job query (as `getNextJobToRun` sends it) that matches nothing. */
export async function dueJobQueryMs(jobs: mongo.Collection, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await jobs.findOneAndUpdate(
      {
        name: TIMER_BUCKET_JOB,
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

export async function benchTimers(options: TimerBenchOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const count of options.counts) {
    // Counted in memory as they fire: polling the store for fired timers scanned every timer
    // record ten times a second and slowed the store down more than firing them did.
    const lateness: number[] = [];
    let lastFiredAt = 0;
    const h = await startHarness({
      config: PRODUCTION_RECOVERY,
      onTimerFired: (ms) => {
        lateness.push(ms);
        lastFiredAt = Date.now();
      },
    });
    try {
      const heapBefore = heapAfterGcMb();
      const setupStarted = performance.now();
      // Due from 15 s after setup began, spread over 10 s.
      const firstDue = Date.now() + 15_000 + count / 20;
      const { buckets } = await insertTimers(h.connection, count, firstDue, 10_000);
      options.log(
        `  ${count} timers in ${buckets} buckets stored in ${Math.round(performance.now() - setupStarted)} ms`,
      );
      const scan = (await dueJobQueryMs(h.connection.collection('jobs'), 3)).sort((a, b) => a - b);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstDue - Date.now())));
      const all = await waitUntil(
        () => lateness.length >= count,
        options.observeMs,
        (waited) =>
          options.log(
            `  … ${Math.round(waited / 1000)} s after the first was due: ${lateness.length} fired`,
          ),
      );
      lateness.sort((a, b) => a - b);
      const perSecond = Math.round(lateness.length / ((lastFiredAt - firstDue) / 1000));
      const heapAfter = heapAfterGcMb();
      const label = `${count.toLocaleString('en-US')} timers due within 10 s (${storeLabel(h)})`;
      rows.push({
        measure: `${label}: lateness`,
        value: lateness.length ? `p50 ${percentile(lateness, 50)} ms` : 'none fired',
        detail: lateness.length
          ? `p99 ${percentile(lateness, 99)} ms, max ${lateness.at(-1)} ms; ` +
            `${lateness.length.toLocaleString('en-US')} fired ` +
            (all ? 'in all' : `within ${options.observeMs / 1000} s of the first due time`) +
            `, ${perSecond.toLocaleString('en-US')} a second`
          : `within ${options.observeMs / 1000} s`,
      });
      rows.push({
        measure: `${label}: Agenda's due-job query`,
        value: `${Math.round(percentile(scan, 50))} ms`,
        detail: `one lock attempt scans every job (FerretDB 1.x has no index but _id): ${buckets} jobs, one per due second and shard`,
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
