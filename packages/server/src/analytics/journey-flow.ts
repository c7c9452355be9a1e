import type { AnalyticsModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import {
  RECENT_BATCHES,
  type JourneyHourRecord,
  type RecentBatchesRecord,
  type WaitingOutcomesRecord,
} from '../model/analytics.model.ts';
import { addHourSince, addWaitingSince, flowHourId, flowHourIds } from './flow-hours.ts';

/** The editor's longest window of counts, in days. */
export const FLOW_MAX_DAYS = 31;
/** How long the journey hours are kept: the longest window and a day. */
export const FLOW_HOURS_KEPT_DAYS = FLOW_MAX_DAYS + 1;

/** Reads of a window that saw too many batches begin, before the last is taken as it is. */
const READS = 3;

/**
 * A journey's steps per outcome (`node/outcome`) since a time, for the editor's counts: the
 * rolled-up hours of the window, read by `_id` (flow-hours.ts), and the summaries of the packs
 * of facts not rolled up yet (about a minute's; `WaitingOutcomes`, one small document a pack).
 * The rollup moves packs into the hours while a read goes on: it notes each batch among the
 * recent ones (which packs it took) before writing any hour, notes the batch on each hour it
 * writes, and deletes the packs' summaries last. So the summaries are read first, the hours
 * next, the recent batches last: a waiting pack's steps whose hour notes the pack's batch are
 * counted there, any other where they wait. A batch begun after the summaries were read is
 * among the recent ones unless more than {@link RECENT_BATCHES} began during one read (then it
 * reads again).
 */
export class JourneyFlow {
  readonly #models: AnalyticsModels;

  constructor(models: AnalyticsModels) {
    this.#models = models;
  }

  async outcomesSince(
    workflowId: string,
    since: Date,
    until: Date,
  ): Promise<Record<string, number>> {
    let counts: Record<string, number> = {};
    for (let read = 0; read < READS; read++) {
      const before = (await this.#recent())?.begun ?? 0;
      const waiting = await this.#models.WaitingOutcomes.find({
        'outcomes.workflowId': workflowId,
      }).lean<WaitingOutcomesRecord[]>();
      const hours = new Map(
        (
          await findByIds<JourneyHourRecord>(
            this.#models.JourneyHours,
            flowHourIds(workflowId, since, until),
          )
        ).map((hour) => [hour._id, hour]),
      );
      const recent = await this.#recent();
      const batchOf = new Map<string, string>();
      for (const batch of recent?.batches ?? [])
        for (const id of batch.factIds) batchOf.set(id, batch.id);
      counts = {};
      for (const hour of hours.values()) addHourSince(counts, hour, since);
      for (const pack of waiting) {
        const batch = batchOf.get(pack._id);
        for (const outcome of pack.outcomes) {
          if (outcome.workflowId !== workflowId) continue;
          const hour = hours.get(flowHourId(workflowId, new Date(outcome.minute)));
          if (batch !== undefined && hour?.batches.includes(batch)) continue;
          addWaitingSince(counts, outcome, since);
        }
      }
      if ((recent?.begun ?? 0) - before < RECENT_BATCHES) break;
    }
    return counts;
  }

  async #recent(): Promise<RecentBatchesRecord | null> {
    return (await this.#models.RollupControl.collection.findOne({
      _id: 'recent',
    } as never)) as unknown as RecentBatchesRecord | null;
  }
}
