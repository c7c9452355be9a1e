import type { ConversationDay } from './rollup-documents.ts';

/** Day documents kept per process: a year of ten channels. */
export const PAST_DAYS_KEPT = 4000;

/**
 * Conversation days that have passed, kept in memory (the day documents reports read most).
 * A past day changes only when a fact about it is rolled up late (a backlog, a process that
 * flushed its facts after midnight); the rollup then counts up `revision` in the progress
 * document, and a different revision here forgets everything kept. The oldest read day goes
 * first once `capacity` are kept; a day without a document is kept as `null`.
 */
export class PastDays {
  readonly #capacity: number;
  readonly #days = new Map<string, ConversationDay | null>();
  #revision = 0;

  constructor(capacity = PAST_DAYS_KEPT) {
    this.#capacity = capacity;
  }

  /** Forgets what was kept if the past was revised since (`revision` from the progress). */
  revised(revision: number): void {
    if (revision === this.#revision) return;
    this.#days.clear();
    this.#revision = revision;
  }

  /** The day kept under `id` (null: it has no document), or undefined when not kept. */
  get(id: string): ConversationDay | null | undefined {
    const day = this.#days.get(id);
    if (day === undefined) return undefined;
    this.#days.delete(id);
    this.#days.set(id, day);
    return day;
  }

  /** Keeps a day read under `revision` (not when the past was revised since). */
  keep(id: string, day: ConversationDay | null, revision: number): void {
    if (this.#capacity <= 0 || revision !== this.#revision) return;
    this.#days.delete(id);
    this.#days.set(id, day);
    if (this.#days.size > this.#capacity) {
      const oldest = this.#days.keys().next().value;
      if (oldest !== undefined) this.#days.delete(oldest);
    }
  }

  get size(): number {
    return this.#days.size;
  }
}
