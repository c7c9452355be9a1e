import { setTimeout as sleep } from 'node:timers/promises';
import type { Agenda, Job } from 'agenda';
import { isDuplicateKey, type Models } from '../model/models.ts';
import type { TimerSlotRecord } from '../model/timer-slot.model.ts';
import { ensureJob } from './job-markers.ts';
import type { GroupCommit } from '../model/group-commit.ts';
import { coverageId, LANE_WINDOW, laneId, slotId, TimerLanes } from './timer-lanes.ts';

export const TIMER_BUCKET_JOB = 'xiaoer.timers';

/** Buckets per second: timers due in one second are spread over this many jobs. */
export const BUCKET_SHARDS = 4;

export interface TimerBucketOptions {
  /** Fires one timer by its key; must tolerate being called twice for one timer. */
  fire: (timer: string) => Promise<void>;
  /** Gives a timer a job of its own (used when its bucket has fired already). */
  scheduleAlone: (timer: string, dueAt: Date) => Promise<unknown>;
  lockMs: number;
  /** Timers of one bucket fired at the same time. Default 16. */
  concurrency?: number;
  /** Batches slot and lane writes with the rest of the process (group commit). */
  commits?: GroupCommit;
}

/**
 * A bucket's job closes it only after it started, at the bucket's second: a bucket further
 * ahead than this (clock differences between processes included) cannot be closed yet.
 */
const CLOSED_CHECK_HORIZON_MS = 60_000;

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
 */
export class TimerBuckets {
  readonly #models: Models;
  readonly #agenda: Agenda;
  readonly #lanes: TimerLanes;
  readonly #options: TimerBucketOptions;

  constructor(models: Models, agenda: Agenda, options: TimerBucketOptions) {
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
    const bucket = bucketOf(timer, dueAt);
    const { lane, index } = await this.#lanes.take(bucket.id, bucket.startsAt);
    try {
      const slot = { _id: slotId(lane.id, index), timer, dueAt };
      await (this.#options.commits
        ? this.#options.commits.insert(this.#models.TimerSlots, slot)
        : this.#models.TimerSlots.create(slot));
    } catch (error) {
      this.#lanes.release(lane, index);
      throw error;
    }
    await this.#lanes.written(lane, index);
    // Looked at after the slot exists: if the bucket closed before, its job may not have seen
    // the slot; if it closes after, the job's last look will.
    const closable = bucket.startsAt.getTime() < Date.now() + CLOSED_CHECK_HORIZON_MS;
    if (
      closable &&
      (await this.#models.JobMarkers.exists({ _id: bucketClosedMarker(bucket.id) }))
    ) {
      await this.#options.scheduleAlone(timer, dueAt);
      return;
    }
    const creates = lane.createsBucket;
    lane.createsBucket = false;
    if (creates || again)
      await ensureJob(this.#models, bucketJobMarker(bucket.id), creates, () =>
        this.#agenda.schedule(bucket.startsAt, TIMER_BUCKET_JOB, { bucket: bucket.id }),
      );
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
      // covered ones the slots still being added are contiguous, so reading stops at the first
      // gap there. A window at a time: one by one, a bucket of thousands took seconds to read.
      for (let window = 0, done = false; !done; window++) {
        const from = window * LANE_WINDOW;
        const ids = Array.from({ length: LANE_WINDOW }, (_, i) => slotId(lane._id, from + i));
        const [mark, ...found] = await Promise.all([
          from + LANE_WINDOW <= lane.size
            ? true // marked on the lane itself by an older version
            : this.#models.TimerLanes.exists({ _id: coverageId(lane._id, window) }),
          ...ids.map((id) => (seen.has(id) ? null : this.#models.TimerSlots.findById(id).lean())),
        ]);
        for (const [i, slot] of found.entries()) {
          const id = ids[i] as string;
          if (slot) {
            seen.add(id);
            slots.push(slot);
          } else if (!seen.has(id) && !mark && from + i >= lane.size) {
            done = true;
            break;
          }
        }
        await keepLock();
      }
    }
    return slots.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /** Fires the slots (sorted by due time), none before its due time. */
  async #fireSlots(slots: TimerSlotRecord[], keepLock: () => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < slots.length) {
        const slot = slots[next++] as TimerSlotRecord;
        // Node may end a timeout a millisecond early: never fire before the due time.
        for (let wait; (wait = slot.dueAt.getTime() - Date.now()) > 0;) await sleep(wait);
        // One timer failing (the store briefly away) must not hold up the rest: it gets a
        // job of its own a second later.
        await this.#options
          .fire(slot.timer)
          .catch(() => this.#options.scheduleAlone(slot.timer, new Date(Date.now() + 1000)));
        await keepLock();
      }
    };
    const workers = Math.min(slots.length, this.#options.concurrency ?? 16);
    await Promise.all(Array.from({ length: workers }, worker));
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
