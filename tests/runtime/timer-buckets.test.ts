import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import type { Agenda } from 'agenda';
import {
  BUCKET_SHARDS,
  FAR_MARK,
  farBucketOf,
  bucketClosedMarker,
  bucketJobMarker,
  bucketOf,
  createModels,
  createScheduler,
  coverageId,
  LANE_WINDOW,
  laneId,
  slotId,
  TimerBuckets,
  type Models,
} from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * Timers grouped into one Agenda job per due second and shard, on the real store and real
 * Agenda. Each "process" here is an Agenda instance with its own TimerBuckets; firing only
 * records when each timer fired (the runtime's firing is tested with journeys).
 *
 * Agenda and the buckets read the time from `Date`, which this file moves ahead (`moveTo`)
 * once the timers are added and checked, instead of waiting seconds for them to fall due;
 * otherwise it runs with real time (Agenda's polls and the buckets' sleeps are real timers).
 */
let store: RunningStore;
let connection: Connection;
let models: Models;
const fired = new Map<string, number[]>();
const alone: string[] = [];
/** Timers whose next fire mark fails. */
const unmarkedOnce = new Set<string>();
const agendas: Agenda[] = [];

/**
 * A "process": an Agenda instance with its TimerBuckets. `lockMs` is how long a bucket's job
 * stays locked without being touched: 3 s here by default, so that the tests of jobs run again
 * are quick. A lock that lapses lets the job run twice (at least once, not exactly once: the
 * runtime's firing checks the timer's record); a test that counts fires exactly gives a long one,
 * so that a slow store under CI load does not lapse it.
 */
async function startProcess({
  farAheadMs,
  lockMs = 3000,
}: { farAheadMs?: number; lockMs?: number } = {}): Promise<TimerBuckets> {
  const agenda = createScheduler(store.uri, { pollMs: 200, timerLockMs: lockMs });
  const fire = async (timer: string) => {
    const times = [...(fired.get(timer) ?? []), Date.now()];
    fired.set(timer, times);
    // A timer whose fire mark could not be stored the first time (the store briefly away).
    const lost = unmarkedOnce.delete(timer);
    return { marked: lost ? Promise.reject(new Error('store away')) : Promise.resolve() };
  };
  agenda.define<{ timer: string }>('xiaoer.timer', (job) => fire(job.attrs.data.timer));
  const buckets = new TimerBuckets(models, agenda, {
    fire,
    scheduleAlone: (timer, dueAt) => {
      alone.push(timer);
      return agenda.schedule(dueAt, 'xiaoer.timer', { timer });
    },
    lockMs,
    ...(farAheadMs === undefined ? {} : { farAheadMs }),
  });
  await agenda.start();
  agendas.push(agenda);
  return buckets;
}

/** `count` keys starting with `prefix` that fall into one bucket at `dueAt`. */
function keysInOneBucket(prefix: string, dueAt: Date, count: number): string[] {
  const candidates = Array.from({ length: 64 * count }, (_, i) => `${prefix}|${i}`);
  const id = bucketOf(candidates[0] as string, dueAt).id;
  return candidates.filter((key) => bucketOf(key, dueAt).id === id).slice(0, count);
}

/**
 * Moves `Date` to `at` (never back). Nothing is locked when it moves: a job's lock would look
 * expired and the job could run twice.
 */
/** A lane of `size` as another process left it: a slot for each timer given, none for a hole. */
async function laneWithSlots(
  lane: string,
  startsAt: Date,
  size: number,
  dueAt: Date,
  timers: (string | undefined)[],
): Promise<void> {
  await models.TimerLanes.create({ _id: lane, startsAt, size });
  for (const [index, timer] of timers.entries())
    if (timer) await models.TimerSlots.create({ _id: slotId(lane, index), timer, dueAt });
}

function moveTo(at: Date | number): void {
  const ahead = new Date(at).getTime() - Date.now();
  if (ahead > 0) vi.setSystemTime(Date.now() + ahead);
}

const firedAll = (keys: string[], timeout = 20_000) =>
  expect.poll(() => keys.filter((k) => fired.has(k)).length, { timeout }).toBe(keys.length);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 5 });
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri).asPromise();
  models = createModels(connection);
});
afterAll(async () => {
  for (const agenda of agendas) await agenda.stop();
  await connection?.close();
  await store?.stop();
  vi.useRealTimers();
});

describe('timer buckets', () => {
  it('should fire every timer once, none before it is due, with a job per second and shard', async () => {
    // Exactly once needs a lock that cannot lapse: under CI load a 3 s lock did (a slow store
    // round trip between touches), the job ran again, and a timer fired twice 55 ms apart.
    const buckets = await startProcess({ lockMs: 60_000 });
    const start = Date.now() + 5000;
    const timers = Array.from({ length: 200 }, (_, i) => ({
      key: `one|t${i}`,
      dueAt: new Date(start + (i % 50) * 40),
    }));
    await Promise.all(timers.map((t) => buckets.add(t.key, t.dueAt)));
    const ids = new Set(timers.map((t) => bucketOf(t.key, t.dueAt).id));
    // 200 timers over 2 s fall into at most 3 seconds of BUCKET_SHARDS shards each, one job
    // each, made by the add that created the bucket.
    expect(ids.size).toBeLessThanOrEqual(3 * BUCKET_SHARDS);
    const jobs = await connection.collection('jobs').find({}).toArray();
    expect(jobs.map((j) => (j['data'] as { bucket: string }).bucket).sort()).toEqual(
      [...ids].sort(),
    );
    for (const id of ids)
      expect(await models.JobMarkers.exists({ _id: bucketJobMarker(id) })).toBeTruthy();
    // One process, so one lane per bucket, whose windows holding slots are marked covered by
    // inserts (the lane itself is never updated: its size stays 0), and no window beyond.
    for (const id of ids) {
      const lane = laneId(id, 0);
      const count = timers.filter((t) => bucketOf(t.key, t.dueAt).id === id).length;
      const windows = Math.ceil(count / LANE_WINDOW);
      expect((await models.TimerLanes.findById(lane).lean())?.size).toBe(0);
      for (let w = 0; w < windows; w++)
        expect(await models.TimerLanes.exists({ _id: coverageId(lane, w) })).toBeTruthy();
      expect(await models.TimerLanes.exists({ _id: coverageId(lane, windows) })).toBeNull();
      expect(await models.TimerSlots.exists({ _id: slotId(lane, count - 1) })).toBeTruthy();
    }

    moveTo(start);
    await firedAll(timers.map((t) => t.key));
    for (const t of timers) {
      const times = fired.get(t.key) ?? [];
      expect(times).toHaveLength(1);
      expect(times[0]).toBeGreaterThanOrEqual(t.dueAt.getTime());
    }
    expect(alone).toEqual([]);
    for (const id of ids)
      expect(await models.JobMarkers.exists({ _id: bucketClosedMarker(id) })).toBeTruthy();
    // Each bucket's job ran and was removed: nothing is left in `jobs` for these timers.
    await expect.poll(() => connection.collection('jobs').countDocuments({})).toBe(0);
  });

  it('should fire every slot of a bucket around a missing one, in every lane', async () => {
    const buckets = await startProcess();
    const dueAt = new Date(Date.now() + 1200);
    const [a, b, c, d] = keysInOneBucket('gap', dueAt, 4) as [string, string, string, string];
    const { id, startsAt } = bucketOf(a, dueAt);
    // A lane whose slot 1 was never written (its add failed), and a slot past the lane's
    // stored size (an add under way when the job reads the lane).
    await laneWithSlots(laneId(id, 0), startsAt, 3, dueAt, [a, undefined, b, c]);
    // The bucket exists, so this process takes lane 1 and makes no job: a crashed creator's
    // step makes it when it is dispatched again.
    await buckets.add(d, dueAt);
    expect(await models.TimerSlots.exists({ _id: slotId(laneId(id, 1), 0) })).toBeTruthy();
    expect(await models.JobMarkers.exists({ _id: bucketJobMarker(id) })).toBeNull();
    await buckets.add(d, dueAt, true);
    moveTo(dueAt);
    await firedAll([a, b, c, d]);
  });

  it('should fire the slots a crashed process wrote past one it never wrote, in a window not covered yet', async () => {
    const buckets = await startProcess();
    const dueAt = new Date(Date.now() + 1200);
    const [a, b, c, d] = keysInOneBucket('stranded', dueAt, 4) as [string, string, string, string];
    const { id, startsAt } = bucketOf(a, dueAt);
    // A process killed while its add of slot 1 was in flight: slots 2 and 3 were written (their
    // steps done and forgotten), the window was never marked covered, the lane's size is 0.
    await laneWithSlots(laneId(id, 0), startsAt, 0, dueAt, [a, undefined, b, c]);
    // Another process's timer in the same bucket makes the bucket's job.
    await buckets.add(d, dueAt, true);
    moveTo(dueAt);
    await firedAll([a, b, c, d]);
  });

  it('should read a lane of hundreds of slots in rounds of windows, past a gap in a covered one', async () => {
    const buckets = await startProcess();
    const dueAt = new Date(Date.now() + 1500);
    const keys = keysInOneBucket('wide', dueAt, 601);
    const { id, startsAt } = bucketOf(keys[0] as string, dueAt);
    // A lane of 600 slots whose windows up to slot 575 are marked covered, slot 300 missing
    // (its add failed: past the first round of windows read), and slots 576–599 written but
    // not yet covered (adds under way, contiguous).
    const lane = laneId(id, 0);
    await models.TimerLanes.create({ _id: lane, startsAt, size: 0 });
    await models.TimerLanes.insertMany(
      Array.from({ length: 18 }, (_, w) => ({
        _id: coverageId(lane, w),
        startsAt,
        size: (w + 1) * LANE_WINDOW,
      })),
    );
    const written = keys
      .slice(0, 600)
      .flatMap((timer, index) =>
        index === 300 ? [] : [{ _id: slotId(lane, index), timer, dueAt }],
      );
    await models.TimerSlots.insertMany(written);
    // Another process's timer in the same bucket (lane 1), and the bucket's job.
    await buckets.add(keys[600] as string, dueAt, true);
    moveTo(dueAt);
    await firedAll([...written.map((slot) => slot.timer), keys[600] as string]);
    expect(fired.has(keys[300] as string)).toBe(false);
    for (const slot of written) expect(fired.get(slot.timer)).toHaveLength(1);
  });

  it('should give a timer added after its bucket fired a job of its own, and fire it', async () => {
    const buckets = await startProcess();
    const dueAt = new Date(Date.now() + 1000);
    const [first, sameBucket] = keysInOneBucket('late', dueAt, 2) as [string, string];
    await buckets.add(first, dueAt);
    moveTo(dueAt);
    await firedAll([first]);
    const { id } = bucketOf(first, dueAt);
    await expect.poll(() => models.JobMarkers.exists({ _id: bucketClosedMarker(id) })).toBeTruthy();
    await buckets.add(sameBucket, dueAt);
    expect(alone).toContain(sameBucket);
    await firedAll([sameBucket]);
  });

  it('should give a timer whose fire mark failed a job of its own, the rest of its bucket fired', async () => {
    const buckets = await startProcess();
    const dueAt = new Date(Date.now() + 1000);
    const [lost, ...rest] = keysInOneBucket('unmarked', dueAt, 5) as [string, ...string[]];
    unmarkedOnce.add(lost);
    await Promise.all([lost, ...rest].map((key) => buckets.add(key, dueAt)));
    moveTo(dueAt);
    await firedAll([lost, ...rest]);
    // Its mark is waited for at the bucket's end, not before the next timer fires; failed, the
    // timer fires again from a job of its own (the runtime ignores a second fire).
    await expect.poll(() => alone.includes(lost)).toBe(true);
    expect(alone.filter((key) => rest.includes(key))).toEqual([]);
    // Its job is due a second later (real time: moving `Date` now could expire a lock). A job
    // runs at least once, not exactly once (a lock that lapses under load lets it run again),
    // so the count is a floor.
    await expect
      .poll(() => fired.get(lost)?.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
  });

  it('should lose no timer when two processes add into the same buckets at once', async () => {
    const [one, two] = [await startProcess(), await startProcess()];
    const start = Date.now() + 2000;
    const keys = Array.from({ length: 300 }, (_, i) => `two|t${i}`);
    const dueAt = (i: number) => new Date(start + (i % 10) * 100);
    await Promise.all(keys.map((key, i) => (i % 2 ? one : two).add(key, dueAt(i))));
    moveTo(start);
    await firedAll(keys, 30_000);
    // At least once and never early. Twice is possible here: Agenda's lock is not atomic on
    // FerretDB 1.x, so both processes may run one bucket's job; the runtime's firing checks
    // the timer record and the instance's applied events, which two-processes.test.ts proves.
    for (const [i, key] of keys.entries()) {
      expect(fired.get(key)?.length).toBeGreaterThanOrEqual(1);
      expect(Math.min(...(fired.get(key) ?? []))).toBeGreaterThanOrEqual(dueAt(i).getTime());
    }
  });

  it('should keep timers far ahead out of Agenda until promoted, then fire each on time', async () => {
    // The horizon is 1.5 s here (2 minutes in production): timers 4-5 s ahead are far.
    const far = await startProcess({ farAheadMs: 1500 });
    const start = Date.now() + 4000;
    const keys = Array.from({ length: 60 }, (_, i) => `far|t${i}`);
    const dueAt = (i: number) => new Date(start + (i % 20) * 50);
    await Promise.all(keys.map((key, i) => far.add(key, dueAt(i))));
    // Only slots in the far minute's lanes, and no job at all.
    const buckets = [...new Set(keys.map((key, i) => bucketOf(key, dueAt(i)).id))];
    const jobsOf = () =>
      connection
        .collection('jobs')
        .countDocuments({ 'data.bucket': { $in: [...buckets, farBucketOf(dueAt(0)).id] } });
    expect(await jobsOf()).toBe(0);
    const farLane = `${farBucketOf(dueAt(0)).id}@`;
    const farLanes = (await connection.collection('timerLanes').find({}).toArray()).filter((lane) =>
      String(lane['_id']).startsWith(farLane),
    ).length;
    expect(farLanes).toBeGreaterThanOrEqual(1);
    expect(
      await connection.collection('timerLanes').findOne({ _id: FAR_MARK as never }),
    ).not.toBeNull();
    expect(keys.some((key) => fired.has(key))).toBe(false);
    // Promotion moves them into their seconds' buckets, each with its job; they fire on time.
    // It runs as at `start`: run now, it reaches only minutes starting within 1.5 s, and the
    // timers' minute may start later than that (a minute boundary 1.5-5 s from now).
    expect(await far.promoteFar(start)).toBe(keys.length);
    moveTo(start);
    await firedAll(keys);
    for (const [i, key] of keys.entries())
      expect(Math.min(...(fired.get(key) ?? []))).toBeGreaterThanOrEqual(dueAt(i).getTime());
    // Promoted once: a second promotion finds nothing new.
    expect(await far.promoteFar()).toBe(0);
  });

  it('should fire a far timer added to a minute that was promoted already', async () => {
    const buckets = await startProcess({ farAheadMs: 1500 });
    // Another process's clock ran ahead: the mark is minutes past this timer's minute.
    await buckets.promoteFar(Date.now() + 5 * 60_000);
    const key = 'far-late|t0';
    const dueAt = new Date(Date.now() + 4000);
    await buckets.add(key, dueAt);
    moveTo(dueAt);
    await firedAll([key]);
    expect(Math.min(...(fired.get(key) ?? []))).toBeGreaterThanOrEqual(dueAt.getTime());
  });
});
