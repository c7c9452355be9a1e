import type { AnalyticsModels } from '../model/models.ts';
import { randomUUID } from 'node:crypto';
import type { FactPackRecord } from '../model/analytics.model.ts';
import type { AnalyticsFact } from './analytics-facts.ts';
import { dateOf, type Cancel, type Clock } from '../clock/clock.ts';
import { waitingOutcomesOf } from './flow-hours.ts';

/** How long facts wait in memory before one insert writes them all. */
const FLUSH_AFTER_MS = 250;
/** Facts in one pack (one document) at most. */
const BATCH = 500;

/**
 * Writes facts in packs: one document per quarter second instead of one per fact, off the
 * path of the step or message that caused them, and after a pack with journey steps the
 * summary of their outcomes the editor's counts read (flow-hours.ts). Facts are analytics, not
 * state: a process that dies loses at most the last quarter second of them (said in
 * docs/analytics.md).
 */
export class FactRecorder {
  readonly #models: AnalyticsModels;
  readonly #onError: (error: unknown) => void;
  #buffer: { _id: string; fact: AnalyticsFact }[] = [];
  readonly #clock: Clock;
  #timer: Cancel | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(models: AnalyticsModels, onError: (error: unknown) => void, clock: Clock) {
    this.#models = models;
    this.#onError = onError;
    this.#clock = clock;
  }

  /**
   * Notes `fact` under `id`; a second fact with the same id rolled up in the same batch is
   * ignored (the rollup reads thousands of packs a batch).
   */
  record(id: string, fact: AnalyticsFact): void {
    this.#buffer.push({ _id: id, fact });
    if (this.#buffer.length >= BATCH) void this.flush();
    else this.#timer ??= this.#clock.after(FLUSH_AFTER_MS, () => this.flush());
  }

  /** Writes what is buffered; resolves when everything recorded so far is in the store. */
  flush(): Promise<void> {
    this.#timer?.();
    this.#timer = undefined;
    const batch = this.#buffer;
    this.#buffer = [];
    this.#flushing = this.#flushing.then(async () => {
      const recordedAt = dateOf(this.#clock);
      // One document per pack of facts: the store's cost is per document far more than per byte.
      for (let i = 0; i < batch.length; i += BATCH) {
        const pack: FactPackRecord = {
          _id: `pack|${randomUUID()}`,
          facts: batch.slice(i, i + BATCH).map(({ _id, fact }) => ({ ...fact, _id })),
          recordedAt,
        };
        try {
          await this.#models.AnalyticsFacts.collection.insertOne(pack as never);
          // After the pack: a summary without its pack would be counted by the editor forever.
          const outcomes = waitingOutcomesOf(pack.facts);
          if (outcomes.length > 0)
            await this.#models.WaitingOutcomes.collection.insertOne({
              _id: pack._id,
              recordedAt,
              outcomes,
            } as never);
        } catch (error) {
          this.#onError(error);
        }
      }
    });
    return this.#flushing;
  }
}
