import type { JourneyBacklog, JourneyRecords } from '../instances/journey-records.ts';
import type { Router } from '../routing/router.ts';
import type { QueueSummary } from '../routing/handoff-request.ts';

/** What the metrics read from the store at scrape time (shared by every process on it). */
export interface StoreReadings extends JourneyBacklog {
  /** Per skill group: waiting handoffs, the oldest wait, available agents. */
  queues: QueueSummary[];
  /** When these were read: the oldest entries' ages count to it. */
  readAt: Date;
}

/**
 * Reads the {@link StoreReadings}: the runtime's backlog (document counts without a filter,
 * the oldest entries' times) and routing's queue summary (the waiting handoffs). Both are small by design, and the
 * caller reuses the answer for a while.
 */
export async function readStore(journeys: JourneyRecords, router: Router): Promise<StoreReadings> {
  const [backlog, queues] = await Promise.all([journeys.backlog(), router.queues()]);
  return { ...backlog, queues, readAt: new Date() };
}
