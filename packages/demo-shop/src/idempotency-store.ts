/** A stored answer to an operation, replayed for a request with the same Idempotency-Key. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/**
 * Remembers the answer of every operation by its Idempotency-Key, so a retried request (same
 * key) gets the first answer and the operation runs once. Counts both for tests and demos.
 */
export class IdempotencyStore {
  readonly #answers = new Map<string, StoredAnswer>();
  readonly #inFlight = new Map<string, Promise<StoredAnswer>>();
  readonly executions = new Map<string, number>();
  replays = 0;

  async once(
    operation: string,
    key: string | undefined,
    run: () => StoredAnswer | Promise<StoredAnswer>,
  ): Promise<StoredAnswer> {
    if (!key) return this.#count(operation, await run());
    const scoped = `${operation}:${key}`;
    const known = this.#answers.get(scoped) ?? (await this.#inFlight.get(scoped));
    if (known) {
      this.replays++;
      return known;
    }
    const pending = Promise.resolve(run());
    this.#inFlight.set(scoped, pending);
    try {
      const answer = this.#count(operation, await pending);
      // Failures are not remembered: a retry of a failed request runs again.
      if (answer.status < 500) this.#answers.set(scoped, answer);
      return answer;
    } finally {
      this.#inFlight.delete(scoped);
    }
  }

  #count(operation: string, answer: StoredAnswer): StoredAnswer {
    if (answer.status < 300)
      this.executions.set(operation, (this.executions.get(operation) ?? 0) + 1);
    return answer;
  }
}
