import type { AnalyticsModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import {
  RECENT_BATCHES,
  type JourneyHourRecord,
  type RecentBatchesRecord,
  type StoredFacts,
} from '../model/analytics.model.ts';
import type { AnalyticsFact } from './analytics-facts.ts';
import { addFactSince, addHourSince, flowHourId, flowHourIds } from './flow-hours.ts';

/** The editor's longest window of counts, in days (the journey hours are kept a day more). */
export const FLOW_MAX_DAYS = 31;

/** Reads of a window that saw too many batches begin, before the last is taken as it is. */
const READS = 3;

/**
 * A journey's steps per outcome (`node/outcome`) since a time, for the editor's counts: the
 * rolled-up hours of the window, read by `_id` (flow-hours.ts), and the facts not rolled up
 * yet, at most about a minute's. The rollup moves facts from the second into the first while a
 * read goes on: it notes each batch among the recent ones (which fact documents it took) before
 * writing any hour, notes the batch on each hour it writes, and deletes the facts last. So the
 * waiting facts are read first, the hours next, the recent batches last: a waiting fact whose
 * batch its hour notes is counted there, any other where it waits. A batch begun after the
 * waiting facts were read is among the recent ones unless more than
 * {@link RECENT_BATCHES} began during one read (then it reads again).
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
      const waiting = await this.#models.AnalyticsFacts.find({}).lean<StoredFacts[]>();
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
      const seen = new Set<string>();
      for (const document of waiting) {
        const batch = batchOf.get(document._id);
        for (const fact of factsIn(document)) {
          if (fact.kind !== 'step' || fact.workflowId !== workflowId || seen.has(fact._id))
            continue;
          seen.add(fact._id);
          const hour = hours.get(flowHourId(workflowId, new Date(fact.at)));
          if (batch !== undefined && hour?.batches.includes(batch)) continue;
          addFactSince(counts, fact, since);
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

/** The facts of a stored document: a pack's, or the single fact it is. */
function factsIn(document: StoredFacts): (AnalyticsFact & { _id: string })[] {
  return 'facts' in document && Array.isArray(document.facts)
    ? document.facts
    : [document as AnalyticsFact & { _id: string }];
}
