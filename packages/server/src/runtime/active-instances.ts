import type { InstanceRecord } from '../model/instance.model.ts';

/**
 * The active instances this process stepped last, kept in memory so that the next event for
 * them (an effect's result, a customer's reply) needs no read. A copy can be stale when another
 * process stepped the instance since: the step claim then fails (its step record exists), and
 * the runtime reads the store and tries again. Bounded: the oldest entries go first.
 */
export class ActiveInstances {
  readonly #byId = new Map<string, InstanceRecord>();
  /** Workflow and correlation value → the id of its newest instance known here. */
  readonly #newest = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = 20_000) {
    this.#capacity = capacity;
  }

  get(id: string): InstanceRecord | undefined {
    return this.#byId.get(id);
  }

  /** The newest instance of a workflow and correlation value, when this process knows it. */
  newest(correlationKey: string): InstanceRecord | undefined {
    const id = this.#newest.get(correlationKey);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** Remembers an instance after a step; an ended one is forgotten. */
  remember(correlationKey: string, instance: InstanceRecord): void {
    this.#byId.delete(instance._id);
    if (instance.status !== 'active') {
      this.forget(correlationKey, instance._id);
      return;
    }
    this.#byId.set(instance._id, instance);
    this.#newest.set(correlationKey, instance._id);
    while (this.#byId.size > this.#capacity) {
      const oldest = this.#byId.keys().next().value as string;
      this.#byId.delete(oldest);
    }
    if (this.#newest.size > this.#capacity * 2) this.#newest.clear();
  }

  /** Drops what may be stale (another process won a claim on it). */
  forget(correlationKey: string, id: string): void {
    this.#byId.delete(id);
    if (this.#newest.get(correlationKey) === id) this.#newest.delete(correlationKey);
  }
}
