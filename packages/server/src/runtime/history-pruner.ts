import type { Model } from 'mongoose';
import type { RuntimeModels } from '../model/models.ts';
import { FAR_MARK } from './timer-buckets.ts';

export interface HistoryOptions {
  /** Steps kept per instance; older ones are deleted as new ones are written. Default 1000. */
  maxStepsPerInstance?: number;
  /** History, events and finished effect bookkeeping older than this are deleted. Default 90. */
  retentionDays?: number;
  /** How often the background pruning runs. Default hourly. */
  pruneEveryMs?: number;
}

const BATCH = 500;

/**
 * Keeps execution history bounded (its unbounded growth is a top complaint about workflow
 * tools). Each step deletes the one step record that fell out of its instance's window (an
 * `_id` delete); a background pass deletes what is older than the retention period, in small
 * batches so steps of running journeys are never held up for long.
 */
export class HistoryPruner {
  readonly #models: RuntimeModels;
  readonly maxStepsPerInstance: number;
  readonly retentionMs: number;

  constructor(models: RuntimeModels, options: HistoryOptions = {}) {
    this.#models = models;
    this.maxStepsPerInstance = options.maxStepsPerInstance ?? 1000;
    this.retentionMs = (options.retentionDays ?? 90) * 86_400_000;
  }

  /** Called after step `revision` of `instance` was written. */
  async afterStep(instance: string, revision: number): Promise<void> {
    const expired = revision - this.maxStepsPerInstance;
    // Step 1 stays: its unique `_id` is what a new instance of the generation claims.
    if (expired >= 2) await this.#models.Steps.deleteOne({ _id: `${instance}#${expired}` });
  }

  /** Deletes history older than the retention period; returns how many documents went. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionMs);
    const m = this.#models;
    return (
      // Step 1 of each instance stays (one small record an instance, like the instance
      // itself): starting a journey claims it, so it must not come free again.
      (await this.#deleteBatches(m.Steps, { at: { $lt: cutoff }, revision: { $ne: 1 } })) +
      (await this.#deleteBatches(m.EventOutcomes, { processedAt: { $lt: cutoff } })) +
      // An event still in the inbox is waiting to be processed: never pruned.
      (await this.#deleteBatches(m.Events, {
        receivedAt: { $lt: cutoff },
        _id: { $nin: await this.#inboxKeys() },
      })) +
      (await this.#deleteBatches(m.Effects, {
        updatedAt: { $lt: cutoff },
        status: { $in: ['done', 'failed', 'cancelled'] },
      })) +
      (await this.#deleteBatches(m.EffectAttempts, { startedAt: { $lt: cutoff } })) +
      (await this.#deleteBatches(m.JobMarkers, { at: { $lt: cutoff } })) +
      // Due before the cutoff: fired, cancelled, or past firing (their buckets go below).
      (await this.#deleteBatches(m.Timers, { dueAt: { $lt: cutoff } })) +
      (await this.#deleteBatches(m.TimerFires, {
        $or: [{ firedAt: { $lt: cutoff } }, { cancelledAt: { $lt: cutoff } }],
      })) +
      // Buckets long past have fired (a timer added late got a job of its own).
      (await this.#deleteBatches(m.TimerSlots, { dueAt: { $lt: cutoff } })) +
      // The far buckets' mark stays: far timers added later are promoted from it.
      (await this.#deleteBatches(m.TimerLanes, {
        startsAt: { $lt: cutoff },
        _id: { $ne: FAR_MARK },
      }))
    );
  }

  async #inboxKeys(): Promise<string[]> {
    return (await this.#models.Inbox.find().select({ _id: 1 }).lean<{ _id: string }[]>()).map(
      (entry) => entry._id,
    );
  }

  async #deleteBatches<T>(model: Model<T>, filter: Record<string, unknown>): Promise<number> {
    let deleted = 0;
    for (;;) {
      const ids = (
        await model.find(filter).select({ _id: 1 }).limit(BATCH).lean<{ _id: string }[]>()
      ).map((d) => d._id);
      if (ids.length === 0) return deleted;
      // One by `_id`, one at a time: `$in` would scan the collection again (FerretDB 1.x), and
      // small deletes let steps of running journeys through between them.
      for (const _id of ids) deleted += (await model.deleteOne({ _id })).deletedCount;
      if (ids.length < BATCH) return deleted;
    }
  }
}
