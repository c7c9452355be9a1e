import { setTimeout as sleep } from 'node:timers/promises';
import type { Agenda, Job } from 'agenda';
import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import type { TimerSlotRecord } from '../model/timer-slot.model.ts';
import { ensureJob } from './job-markers.ts';
import { findByIds } from '../model/find-by-ids.ts';
import type { GroupCommit } from '../model/group-commit.ts';
import { BOOKKEEPING_LINGER_MS } from './bookkeeping-writes.ts';
import { coverageId, LANE_WINDOW, laneId, slotId, TimerLanes, type Lane } from './timer-lanes.ts';

export const TIMER_BUCKET_JOB = 'xiaoer.timers';

/** Buckets per second: timers due in one second are spread over this many jobs. */
export const BUCKET_SHARDS = 4;

/**
 * Timers due further ahead than this wait in far buckets (one per due minute) that have no
 * Agenda job; {@link TimerBuckets.promoteFar} moves them into their second's bucket before
 * they are due. Promotion runs every {@link FAR_PROMOTE_EVERY_MS}, so a minute is promoted
 * at least 90 s before its first timer is due.
 */
export const FAR_AHEAD_MS = 120_000;
export const FAR_PROMOTE_EVERY_MS = 30_000;
/**
 * The far buckets' mark (in `timerLanes`): every far minute that starts before its `startsAt`
 * has been promoted. Written once when the first far timer is added; only ever moves forward.
 */
export const FAR_MARK = 'far-promoted';
const MINUTE_MS = 60_000;

/**
 * How long a timer's slot may wait to share an insert with others':
 * {@link BOOKKEEPING_LINGER_MS} for a timer in a far bucket (minutes or days ahead; alone, an
 * order's 48-hour timer cost an insert of its own), none for one due sooner. Its step's outbox
 * note stays until the slot is written, so a crash in the wait loses nothing.
 */
export function lingerFor(dueAt: Date, now = Date.now()): number | undefined {
  return dueAt.getTime() - now > FAR_AHEAD_MS ? BOOKKEEPING_LINGER_MS : undefined;
}

/** The far bucket of a timer: its due minute. */
export function farBucketOf(dueAt: Date): { id: string; startsAt: Date } {
  const minute = Math.floor(dueAt.getTime() / MINUTE_MS);
  return { id: `far.${minute}`, startsAt: new Date(minute * MINUTE_MS) };
}

export interface TimerBucketOptions {
  /**
   * Fires one timer by its key and due time (its slot's); must tolerate being called twice for
   * one timer. Resolves once the timer took effect, with `marked`, which settles once its fire
   * mark is stored: a bucket waits for the marks at its end, not for each before it fires the
   * next timer.
   */
  fire: (timer: string, dueAt: Date) => Promise<{ marked: Promise<void> }>;
  /**
   * Gives a timer due at `dueAt` a job of its own, run at `runAt` (its bucket has fired
   * already, or firing it from there failed).
   */
  scheduleAlone: (timer: string, runAt: Date, dueAt: Date) => Promise<unknown>;
  lockMs: number;
  /** Timers of one bucket fired at the same time. Default 48. */
  concurrency?: number;
  /** Batches slot and lane writes with the rest of the process (group commit). */
  commits?: GroupCommit;
  /** Timers due further ahead wait in far buckets. Default {@link FAR_AHEAD_MS}. */
  farAheadMs?: number;
}

/**
 * A bucket's job closes it only after it started, at the bucket's second: a bucket further
 * ahead than this (clock differences between processes included) cannot be closed yet.
 */
const CLOSED_CHECK_HORIZON_MS = 60_000;

/** Windows of a lane read together (their coverage marks in one `find`, their slots in one). */
const WINDOWS_READ_AT_ONCE = 8;

/** The bucket a timer belongs to: its due second and a shard from its key. */
export function bucketOf(timer: string, dueAt: Date): { id: string; startsAt: Date } {
  const second = Math.floor(dueAt.getTime() / 1000);
  return { id: `${second}.${shardOf(timer)}`, startsAt: new Date(second * 1000) };
}

/** Job marker of a bucket's Agenda job. */
export const bucketJobMarker = (bucket: string) => `timers:${bucket}`;
/** Written when a bucket's job has read every slot: later timers need a job of their own. */
export const bucketClosedMarker = (bucket: string) => `timers:${bucket}:closed`;

function shardOf(key: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  // FNV's low bits follow the keys' low bits (order ids differing in a digit or two landed in
  // two shards of four): mix the high bits in before taking the shard.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % BUCKET_SHARDS;
}

/**
 * Timers as Agenda jobs, one job per due second and shard instead of one per timer. Agenda's
 * due-job query scans the whole `jobs` collection on FerretDB 1.x (only `_id` is indexed), and
 * every lock, save and removal of a job runs one: with a job per timer, 10,000 pending timers
 * made each of those cost a scan of 10,000 documents and timers fired a minute late. A
 * bucket's timers are found by `_id` (lanes `<bucket>@0`, `@1`, … and their slots `#0`, `#1`,
 * …), so `jobs` holds only as many documents as there are distinct due seconds and shards.
 *
 * The job starts at the beginning of its second and fires each timer at its own due time.
 * Anything may happen twice (a crash, two processes): timers check their record before firing.
 *
 * A journey's timers are mostly days ahead (48 h to ship, a day after delivery): as a job per
 * second and shard, a shop taking an order a second would keep ~700,000 jobs for Agenda to
 * scan on every poll. Timers further ahead than {@link FAR_AHEAD_MS} are therefore only slots
 * in a far bucket per due minute, with no job; {@link promoteFar} adds them to their second's
 * bucket shortly before they are due, so `jobs` only holds the next few minutes' buckets.
 */
export class TimerBuckets {
  readonly #models: RuntimeModels;
  readonly #agenda: Agenda;
  readonly #lanes: TimerLanes;
  readonly #options: TimerBucketOptions;

  constructor(models: RuntimeModels, agenda: Agenda, options: TimerBucketOptions) {
    this.#models = models;
    this.#agenda = agenda;
    this.#lanes = new TimerLanes(models, options.commits);
    this.#options = options;
    agenda.define<{ bucket: string }>(TIMER_BUCKET_JOB, (job) => this.#fireBucket(job), {
      concurrency: 4,
      lockLimit: 4,
      lockLifetime: options.lockMs,
    });
  }

  /**
   * Puts a timer into its bucket. `again` when the timer may have been added before (its step
   * is dispatched again after a crash): then the bucket's job is made unless its marker exists.
   */
  async add(timer: string, dueAt: Date, again = false): Promise<void> {
    if (dueAt.getTime() - Date.now() > this.#farAheadMs) await this.#addFar(timer, dueAt);
    else await this.#addNear(timer, dueAt, again);
  }

  async #addNear(timer: string, dueAt: Date, again: boolean): Promise<void> {
    const bucket = bucketOf(timer, dueAt);
    const lane = await this.#writeSlot(bucket, timer, dueAt);
    // Looked at after the slot exists: if the bucket closed before, its job may not have seen
    // the slot; if it closes after, the job's last look will.
    const closable = bucket.startsAt.getTime() < Date.now() + CLOSED_CHECK_HORIZON_MS;
    if (
      closable &&
      (await this.#models.JobMarkers.exists({ _id: bucketClosedMarker(bucket.id) }))
    ) {
      await this.#options.scheduleAlone(timer, dueAt, dueAt);
      return;
    }
    const creates = lane.createsBucket;
    lane.createsBucket = false;
    if (creates || again)
      await ensureJob(this.#models, bucketJobMarker(bucket.id), creates, () =>
        this.#agenda.schedule(bucket.startsAt, TIMER_BUCKET_JOB, { bucket: bucket.id }),
      );
  }

  /** Writes a timer's slot into this process's lane of a bucket; returns the lane. */
  async #writeSlot(
    bucket: { id: string; startsAt: Date },
    timer: string,
    dueAt: Date,
  ): Promise<Lane> {
    const { lane, index } = await this.#lanes.take(bucket.id, bucket.startsAt);
    try {
      const slot = { _id: slotId(lane.id, index), timer, dueAt };
      await (this.#options.commits
        ? this.#options.commits.insert(this.#models.TimerSlots, slot, lingerFor(dueAt))
        : this.#models.TimerSlots.create(slot));
    } catch (error) {
      this.#lanes.release(lane, index);
      throw error;
    }
    await this.#lanes.written(lane, index);
    return lane;
  }

  get #farAheadMs(): number {
    return this.#options.farAheadMs ?? FAR_AHEAD_MS;
  }

  /** A timer further ahead than the horizon: a slot in its minute's far bucket, no job. */
  async #addFar(timer: string, dueAt: Date): Promise<void> {
    this.#farMarked ??= this.#markFar().catch((error: unknown) => {
      this.#farMarked = undefined;
      throw error;
    });
    await this.#farMarked;
    const bucket = farBucketOf(dueAt);
    await this.#writeSlot(bucket, timer, dueAt);
    // Promotion reaches minutes starting before its clock + the horizon. Only a minute that
    // close (a slow add, clocks up to a minute apart) can have been promoted before its slot
    // was written; its promotion reads the slots again after moving the mark, so a slot
    // written before this look is found there, and one this look finds promoted goes on now.
    if (bucket.startsAt.getTime() >= Date.now() + this.#farAheadMs + MINUTE_MS) return;
    const mark = await this.#models.TimerLanes.findById(FAR_MARK).lean();
    if (mark && mark.startsAt.getTime() > bucket.startsAt.getTime())
      await this.#addNear(timer, dueAt, true);
  }

  #farMarked: Promise<void> | undefined;

  /** The far mark exists before the first far slot: promotion starts at the current minute. */
  async #markFar(): Promise<void> {
    const startsAt = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    await this.#models.TimerLanes.create({ _id: FAR_MARK, startsAt, size: 0 }).catch(
      (error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      },
    );
  }

  /**
   * Moves the timers of every far minute that starts within the horizon into their seconds'
   * buckets, minute by minute from the mark, moving the mark after each. Run by one process
   * at a time is enough; run twice (two processes, a crash half-way), timers are added twice
   * and fire once. Returns how many timers were moved.
   */
  async promoteFar(now = Date.now()): Promise<number> {
    const mark = await this.#models.TimerLanes.findById(FAR_MARK).lean();
    if (!mark) return 0; // no timer was ever far ahead
    let moved = 0;
    const seen = new Set<string>();
    for (let start = mark.startsAt.getTime(); start < now + this.#farAheadMs; start += MINUTE_MS) {
      const bucket = `far.${start / MINUTE_MS}`;
      // Read, move the mark, read again: a far add that missed the mark wrote its slot before
      // the second read (see #addFar).
      for (const marked of [false, true]) {
        if (marked)
          await this.#models.TimerLanes.updateOne(
            { _id: FAR_MARK },
            { $max: { startsAt: new Date(start + MINUTE_MS) } },
          );
        const slots = await this.#readSlots(bucket, seen, async () => undefined);
        moved += slots.length;
        // Each second's bucket is looked up once (its job made unless it exists), then its
        // timers join it without a look.
        const buckets = new Set<string>();
        const first = new Set(
          slots.filter((slot) => {
            const id = bucketOf(slot.timer, slot.dueAt).id;
            return buckets.has(id) ? false : (buckets.add(id), true);
          }),
        );
        await Promise.all([...first].map((slot) => this.#addNear(slot.timer, slot.dueAt, true)));
        const rest = slots.filter((slot) => !first.has(slot));
        for (let i = 0; i < rest.length; i += 256)
          await Promise.all(
            rest.slice(i, i + 256).map((slot) => this.#addNear(slot.timer, slot.dueAt, false)),
          );
      }
    }
    return moved;
  }

  async #fireBucket(job: Job<{ bucket: string }>): Promise<void> {
    const bucket = job.attrs.data.bucket;
    const keepLock = this.#lockKeeper(job);
    const seen = new Set<string>();
    // Read every slot and fire them; close the bucket; look once more: a timer added while the
    // bucket was read either shows up in that last look or found the bucket closed.
    for (const closing of [false, true]) {
      if (closing) await this.#close(bucket);
      const slots = await this.#readSlots(bucket, seen, keepLock);
      await this.#fireSlots(slots, keepLock);
    }
  }

  async #readSlots(
    bucket: string,
    seen: Set<string>,
    keepLock: () => Promise<void>,
  ): Promise<TimerSlotRecord[]> {
    const slots: TimerSlotRecord[] = [];
    for (let n = 0; ; n++) {
      const lane = await this.#models.TimerLanes.findById(laneId(bucket, n)).lean();
      if (!lane) break;
      // In a covered window a slot may be missing (its add failed or is under way); past the
      // covered ones the slots still being added are almost contiguous, so reading stops after
      // the round that finds the first gap there (the slots that round read past it fire too:
      // a crashed process leaves such gaps). {@link WINDOWS_READ_AT_ONCE} windows at a time,
      // their marks in one `find` and their slots in another: one window at a time, a bucket of
      // 2,500 timers took 156 round trips one after the other before its first timer could fire.
      for (let first = 0, done = false; !done; first += WINDOWS_READ_AT_ONCE) {
        const windows = Array.from({ length: WINDOWS_READ_AT_ONCE }, (_, k) => first + k);
        const ids = windows.flatMap((window) =>
          Array.from({ length: LANE_WINDOW }, (_, i) => slotId(lane._id, window * LANE_WINDOW + i)),
        );
        const unmarked = windows.filter((window) => (window + 1) * LANE_WINDOW > lane.size);
        const [marks, stored] = await Promise.all([
          // Windows below the lane's size were marked on the lane itself by an older version.
          findByIds(
            this.#models.TimerLanes,
            unmarked.map((window) => coverageId(lane._id, window)),
            { _id: 1 },
          ),
          // The windows' slots in one `find` of their ids (the `_id` index answers it).
          findByIds<TimerSlotRecord>(
            this.#models.TimerSlots,
            ids.filter((id) => !seen.has(id)),
          ),
        ]);
        const marked = new Set(marks.map((mark) => String(mark._id)));
        const byId = new Map(stored.map((slot) => [slot._id, slot]));
        for (const window of windows) {
          const covered =
            (window + 1) * LANE_WINDOW <= lane.size || marked.has(coverageId(lane._id, window));
          for (let i = window * LANE_WINDOW; i < (window + 1) * LANE_WINDOW; i++) {
            const id = slotId(lane._id, i);
            const slot = byId.get(id);
            if (slot) {
              seen.add(id);
              slots.push(slot);
            } else if (!seen.has(id) && !covered && i >= lane.size) {
              // The end of what was added, or an add under way: no further round. The slots
              // past it that this round read are fired all the same: a process that died with
              // that add in flight left them there (their steps done), and no one else reads them.
              done = true;
            }
          }
        }
        await keepLock();
      }
    }
    return slots.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /**
   * Fires the slots (sorted by due time), none before its due time. Each worker goes on to its
   * next timer once one took effect; the fire marks (appended, group-committed) are waited for
   * together at the end — awaited one by one they were a fourth of each timer's round trips.
   */
  async #fireSlots(slots: TimerSlotRecord[], keepLock: () => Promise<void>): Promise<void> {
    let next = 0;
    const marks: Promise<unknown>[] = [];
    // One timer failing (the store briefly away) must not hold up the rest: it gets a job of
    // its own a second later (fired again, it changes nothing twice).
    const later = (slot: TimerSlotRecord) => () =>
      this.#options.scheduleAlone(slot.timer, new Date(Date.now() + 1000), slot.dueAt);
    const worker = async () => {
      while (next < slots.length) {
        const slot = slots[next++] as TimerSlotRecord;
        // Node may end a timeout a millisecond early: never fire before the due time.
        for (let wait; (wait = slot.dueAt.getTime() - Date.now()) > 0;) await sleep(wait);
        await this.#options
          .fire(slot.timer, slot.dueAt)
          .then(({ marked }) => void marks.push(marked.catch(later(slot))), later(slot));
        await keepLock();
      }
    };
    const workers = Math.min(slots.length, this.#options.concurrency ?? 48);
    await Promise.all(Array.from({ length: workers }, worker));
    await Promise.all(marks);
  }

  async #close(bucket: string): Promise<void> {
    await this.#models.JobMarkers.create({ _id: bucketClosedMarker(bucket), at: new Date() }).catch(
      (error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      },
    );
  }

  /** Renews the job's lock once a third of its lifetime has passed, so no one takes it over. */
  #lockKeeper(job: Job): () => Promise<void> {
    let touchedAt = Date.now();
    return async () => {
      if (Date.now() - touchedAt < this.#options.lockMs / 3) return;
      touchedAt = Date.now();
      await job.touch();
    };
  }
}
