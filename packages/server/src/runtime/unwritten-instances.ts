import type { InstanceRecord } from '../model/instance.model.ts';

/**
 * How long an instance's steps may wait for its document to be written, at most. Under load a
 * new order's message can take over a second to go out and come back; a document written at
 * that point is updated again by the result's step, and an update costs the store ~15 inserts'
 * worth (measured at 64 clients on a loaded machine: 0.77 updates per event at 1 s).
 */
export const WRITE_WITHIN_MS = 3000;
/** After its dispatches ended, how long an instance waits for another step before it is written. */
export const LINGER_MS = 50;

interface Unwritten {
  latest: InstanceRecord;
  /** The revision its document has in the store (0: not inserted yet). */
  stored: number;
  /** Dispatches of its steps still running. */
  dispatching: number;
  /** Set once its write has started: later steps wait for it and start a new entry. */
  writing: Promise<void> | undefined;
  deadline: NodeJS.Timeout;
  linger: NodeJS.Timeout | undefined;
  /** Settles with the write: its steps' outbox notes may go only once it succeeded. */
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

/** Writes an instance's document: inserted when `stored` is 0, else updated from `stored`. */
export type InstanceWrite = (instance: InstanceRecord, stored: number) => Promise<void>;

/**
 * Instances whose document lags their steps for a moment (write-behind). A journey's steps
 * often come in a quick run (the trigger, then the result of the message it sent; a counter
 * bumped by a burst): writing the document once with the state after the run is one insert or
 * one update where each step would cost the store an update — a transaction each on FerretDB.
 * The steps themselves are committed first as always (they are the write-ahead record), and
 * their outbox notes stay until the document is written, so another process that steps the
 * instance meanwhile finds its step recorded (a duplicate record; it rolls the document forward
 * and reads again) and recovery rolls it forward from the step records after a crash. This process reads the instance from here.
 *
 * The document is written {@link LINGER_MS} after the instance's dispatches have all ended with
 * no new step, or {@link WRITE_WITHIN_MS} after its first unwritten step, whichever comes first.
 */
export class UnwrittenInstances {
  readonly #unwritten = new Map<string, Unwritten>();
  readonly #write: InstanceWrite;
  readonly #onError: (error: unknown, instance: string) => void;

  constructor(write: InstanceWrite, onError: (error: unknown, instance: string) => void) {
    this.#write = write;
    this.#onError = onError;
  }

  /**
   * An instance stepped from `stored` (its revision in the store; 0 for a new one) to `next`;
   * resolves once `next` is held for writing (after an earlier write of it under way ended).
   */
  async stepped(next: InstanceRecord, stored: number): Promise<void> {
    let entry = this.#unwritten.get(next._id);
    while (entry?.writing) {
      await entry.writing.catch(() => undefined);
      entry = this.#unwritten.get(next._id);
    }
    if (entry) {
      entry.latest = next;
      if (entry.linger) clearTimeout(entry.linger);
      entry.linger = undefined;
      return;
    }
    this.#unwritten.set(next._id, this.#entry(next, stored));
  }

  /** The instance as its steps left it, while its document lags. */
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
      if (entry.dispatching > 0 || entry.writing) return;
      if (entry.linger) clearTimeout(entry.linger);
      entry.linger = setTimeout(() => void this.#flush(instance, entry), LINGER_MS);
      entry.linger.unref();
    };
  }

  /**
   * Resolves once the instance's document shows what it holds now (at once when nothing
   * lags), rejects when that write failed.
   */
  written(instance: string): Promise<void> {
    return this.#unwritten.get(instance)?.done ?? Promise.resolve();
  }

  /** Writes the instance now if it lags (an operator's action shows at once everywhere). */
  async flush(instance: string): Promise<void> {
    const entry = this.#unwritten.get(instance);
    if (entry) await this.#flush(instance, entry);
  }

  /** Writes every lagging instance now. */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.#unwritten].map(([id, entry]) => this.#flush(id, entry).catch(() => undefined)),
    );
  }

  #entry(latest: InstanceRecord, stored: number): Unwritten {
    let settle: (error?: unknown) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    done.catch(() => undefined); // told through onError; waiters see the rejection too
    const entry: Unwritten = {
      latest,
      stored,
      dispatching: 0,
      writing: undefined,
      deadline: setTimeout(() => void this.#flush(latest._id, entry), WRITE_WITHIN_MS),
      linger: undefined,
      done,
      settle,
    };
    entry.deadline.unref();
    return entry;
  }

  #flush(instance: string, entry: Unwritten): Promise<void> {
    if (this.#unwritten.get(instance) !== entry) return entry.done;
    entry.writing ??= (async () => {
      clearTimeout(entry.deadline);
      if (entry.linger) clearTimeout(entry.linger);
      try {
        await this.#write(entry.latest, entry.stored);
        entry.settle();
      } catch (error) {
        // Its outbox notes stay: recovery rolls it forward from the step records.
        this.#onError(error, instance);
        entry.settle(error);
      } finally {
        this.#unwritten.delete(instance);
      }
    })();
    return entry.writing;
  }
}
