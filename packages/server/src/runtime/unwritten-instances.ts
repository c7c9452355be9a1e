import type { InstanceRecord } from '../model/instance.model.ts';

/** How long a new instance's first write waits for its first steps at most. */
export const FIRST_WRITE_WITHIN_MS = 250;

interface Unwritten {
  latest: InstanceRecord;
  /** Dispatches of its steps still running. */
  dispatching: number;
  /** Set once its insert has started: later steps update the stored document. */
  writing: Promise<void> | undefined;
  timer: NodeJS.Timeout;
  /** Settles with the write: its steps' outbox entries may go only once it succeeded. */
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

/**
 * New instances whose document is not written yet. A journey's first steps usually come in a
 * quick run (the trigger, then the result of the message it sent); writing the document once
 * with the state after them is one insert where each step would cost the store an update (one
 * transaction each on FerretDB). The steps themselves are committed before anything else
 * happens (they are the write-ahead record) and their outbox entries stay until the document
 * is written, so another process cannot step the instance meanwhile and recovery finishes it
 * after a crash.
 *
 * The document is written when the instance's dispatches have all finished, or
 * {@link FIRST_WRITE_WITHIN_MS} after its creation, whichever comes first.
 */
export class UnwrittenInstances {
  readonly #unwritten = new Map<string, Unwritten>();
  readonly #write: (instance: InstanceRecord) => Promise<void>;
  readonly #onError: (error: unknown, instance: string) => void;

  constructor(
    write: (instance: InstanceRecord) => Promise<void>,
    onError: (error: unknown, instance: string) => void,
  ) {
    this.#write = write;
    this.#onError = onError;
  }

  /** A new instance, written later. */
  created(instance: InstanceRecord): void {
    const timer = setTimeout(() => void this.#flush(instance._id), FIRST_WRITE_WITHIN_MS);
    timer.unref();
    let settle: (error?: unknown) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    done.catch(() => undefined); // told through onError; waiters see the rejection too
    this.#unwritten.set(instance._id, {
      latest: instance,
      dispatching: 0,
      writing: undefined,
      timer,
      done,
      settle,
    });
  }

  /**
   * A later step of an instance: true when it is still unwritten (its document will carry this
   * step); when its write is under way, resolves once it is done (then update it as usual).
   */
  async stepped(instance: InstanceRecord): Promise<boolean> {
    const entry = this.#unwritten.get(instance._id);
    if (!entry) return false;
    if (entry.writing) {
      await entry.writing;
      return false;
    }
    entry.latest = instance;
    return true;
  }

  /** The instance as its steps left it, while its document is not written yet. */
  get(instance: string): InstanceRecord | undefined {
    return this.#unwritten.get(instance)?.latest;
  }

  /** A dispatch of one of its steps starts; the returned function says it ended. */
  dispatching(instance: string): () => void {
    const entry = this.#unwritten.get(instance);
    if (!entry) return () => undefined;
    entry.dispatching++;
    return () => {
      entry.dispatching--;
      if (entry.dispatching === 0) setImmediate(() => void this.#flush(instance));
    };
  }

  /**
   * Resolves once the instance's document is written (at once when it is), rejects when that
   * write failed.
   */
  written(instance: string): Promise<void> {
    return this.#unwritten.get(instance)?.done ?? Promise.resolve();
  }

  /** Writes every unwritten instance now. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.#unwritten.keys()].map((id) => this.#flush(id)));
  }

  #flush(instance: string): Promise<void> {
    const entry = this.#unwritten.get(instance);
    if (!entry) return Promise.resolve();
    entry.writing ??= (async () => {
      clearTimeout(entry.timer);
      try {
        await this.#write(entry.latest);
        entry.settle();
      } catch (error) {
        // Its outbox entries stay: recovery writes it from the step records.
        this.#onError(error, instance);
        entry.settle(error);
      } finally {
        this.#unwritten.delete(instance);
      }
    })();
    return entry.writing;
  }
}
