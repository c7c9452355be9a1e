import type { Models } from '../model/models.ts';
import type { Router } from '../routing/router.ts';
import type { QueueSummary } from '../routing/handoff-request.ts';

/** What the metrics read from the store at scrape time (shared by every process on it). */
export interface StoreReadings {
  /** Events recorded but not processed yet. */
  inbox: number;
  /** Committed steps whose effects are not dispatched yet. */
  outbox: number;
  /** Effects waiting for an operator. */
  deadLetters: number;
  /** Per skill group: waiting handoffs, the oldest wait, available agents. */
  queues: QueueSummary[];
}

/**
 * Reads the {@link StoreReadings}. The three counts are the store's document counts without a
 * filter (no scan by a field: FerretDB indexes only `_id`); the queue summary reads the
 * waiting handoffs. Both are small by design, and the caller reuses the answer for a while.
 */
export async function readStore(models: Models, router: Router): Promise<StoreReadings> {
  const [inbox, outbox, deadLetters, queues] = await Promise.all([
    models.Inbox.estimatedDocumentCount(),
    models.Outbox.estimatedDocumentCount(),
    models.DeadLetters.estimatedDocumentCount(),
    router.queues(),
  ]);
  return { inbox, outbox, deadLetters, queues };
}
