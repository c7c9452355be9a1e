import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';
import type { InstanceRecord } from '../model/instance.model.ts';
import type { CommittedListener } from '../runtime/step-log.ts';

/** The longest a query rests after a read (`LiveQueryOptions.restFactor`). */
const MAX_REST_MS = 60_000;

/** Hears a query's answer as JSON text, each time it changed. */
type Listener = (answerJson: string) => void;

/** One query some pages follow: its read, which steps touch it, its listeners' last answers. */
interface Followed {
  read: () => Promise<unknown>;
  touches: (instance: InstanceRecord) => boolean;
  listeners: Map<Listener, { last: string }>;
  soon: Cancel | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  /** The last answer read (JSON), told at once to a page that starts following. */
  answer: string | undefined;
  /** Until when (clock ms) the query rests after its last read (`restFactor`). */
  restsUntil: number;
  /** The read waiting for the rest to end. */
  afterRest: Cancel | undefined;
}

export interface LiveQueryOptions {
  /**
   * How long after a step its query is read again. An instance's document follows its step a
   * moment later (the group commit lingers), and steps of a burst are folded into one read.
   * Default 500 ms.
   */
  settleMs?: number;
  /**
   * How often every followed query is read while any is followed: what this process's steps do
   * not tell (another server process's steps, an effect dead-lettered after its step) shows
   * within this. Default 3 s.
   */
  sweepEveryMs?: number;
  /**
   * How long a query rests after a read, as a multiple of how long that read took. A query that
   * scans (the editor's flow counts read every running instance of the journey) would otherwise be read
   * again as soon as it ended while steps keep coming, taking a store connection for good: at
   * 4 it takes at most a fifth of one. A read of a few milliseconds rests a few more; steps
   * still fold into a read `settleMs` later. A rest lasts at most a minute (a read that waited
   * out a store's timeout does not keep its pages still for longer). Default 4.
   */
  restFactor?: number;
  clock?: Clock;
  /**
   * What a read's duration is measured with (ms): real time by default (`performance.now`), so
   * that a test moving `clock` ahead during a read does not lengthen its rest.
   */
  stopwatch?: () => number;
}

/**
 * Live answers of instance queries for the console's pages on server-sent events: an instance
 * (`InstanceFeed`), the instances list (a filter and page) and the editor's flow counts. Pages that follow the same
 * query (`key`) share one read: at once on following, `settleMs` after a step that `touches` it,
 * and at each sweep. A listener hears an answer only when it differs from the last it heard.
 * It listens to the runtime only while a page follows something.
 */
export class LiveQueries {
  readonly #onCommitted: (listener: CommittedListener) => () => void;
  readonly #followed = new Map<string, Followed>();
  readonly #clock: Clock;
  readonly #settleMs: number;
  readonly #sweepEveryMs: number;
  readonly #restFactor: number;
  readonly #stopwatch: () => number;
  #stopListening: (() => void) | undefined;
  #sweep: Cancel | undefined;
  #closed = false;

  constructor(
    /** `runtime.steps.onCommitted`: called after each committed step; returns a stop. */
    onCommitted: (listener: CommittedListener) => () => void,
    options: LiveQueryOptions = {},
  ) {
    this.#onCommitted = onCommitted;
    this.#clock = options.clock ?? systemClock;
    this.#settleMs = options.settleMs ?? 500;
    this.#sweepEveryMs = options.sweepEveryMs ?? 3000;
    this.#restFactor = options.restFactor ?? 4;
    this.#stopwatch = options.stopwatch ?? (() => performance.now());
  }

  /**
   * Follows the query `key` (answered by `read`): `listener` hears its answer now and whenever
   * it changed. `touches` says which instances' steps may change it (default: all). Returns
   * the stop.
   */
  follow(
    key: string,
    read: () => Promise<unknown>,
    listener: Listener,
    touches: (instance: InstanceRecord) => boolean = () => true,
  ): () => void {
    if (this.#closed) return () => {};
    let followed = this.#followed.get(key);
    if (!followed) {
      followed = {
        read,
        touches,
        listeners: new Map(),
        soon: undefined,
        running: undefined,
        again: false,
        answer: undefined,
        restsUntil: 0,
        afterRest: undefined,
      };
      this.#followed.set(key, followed);
    }
    // A page that joins a query others follow hears its last answer now, not after its rest.
    followed.listeners.set(listener, { last: followed.answer ?? '' });
    if (followed.answer !== undefined) listener(followed.answer);
    this.#stopListening ??= this.#onCommitted((instance) => this.#stepped(instance));
    this.#sweep ??= this.#clock.every(this.#sweepEveryMs, () => {
      for (const each of this.#followed.values()) this.#look(each);
    });
    // A read for the new page; the pages that heard this answer already hear nothing.
    this.#look(followed);
    return () => {
      const current = this.#followed.get(key);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      current.soon?.();
      current.afterRest?.();
      this.#followed.delete(key);
      if (this.#followed.size === 0) this.#stopFollowing();
    };
  }

  /** How many pages follow a query now. */
  get openStreams(): number {
    let count = 0;
    for (const followed of this.#followed.values()) count += followed.listeners.size;
    return count;
  }

  close(): void {
    this.#closed = true;
    for (const followed of this.#followed.values()) {
      followed.soon?.();
      followed.afterRest?.();
    }
    this.#followed.clear();
    this.#stopFollowing();
  }

  #stopFollowing(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#sweep?.();
    this.#sweep = undefined;
  }

  /** A step committed: each query it touches is read again after `settleMs` (once a burst). */
  #stepped(instance: InstanceRecord): void {
    for (const followed of this.#followed.values()) {
      if (followed.soon || !followed.touches(instance)) continue;
      followed.soon = this.#clock.after(this.#settleMs, () => {
        followed.soon = undefined;
        this.#look(followed);
      });
    }
  }

  /**
   * Reads the query (once more after a read that is running, or once its rest ended) and tells
   * who has not heard it.
   */
  #look(followed: Followed): void {
    if (this.#closed) return;
    if (followed.running) {
      followed.again = true;
      return;
    }
    const rest = followed.restsUntil - this.#clock.now();
    if (rest > 0) {
      followed.afterRest ??= this.#clock.after(rest, () => {
        followed.afterRest = undefined;
        this.#look(followed);
      });
      return;
    }
    // How long the read took is the stopwatch's; when it may run again is the clock's.
    const started = this.#stopwatch();
    followed.running = this.#read(followed).finally(() => {
      const took = this.#stopwatch() - started;
      followed.restsUntil = this.#clock.now() + Math.min(took * this.#restFactor, MAX_REST_MS);
      followed.running = undefined;
      if (followed.again) {
        followed.again = false;
        this.#look(followed);
      }
    });
  }

  async #read(followed: Followed): Promise<void> {
    try {
      const answer = await followed.read();
      // Nothing to show (an instance not found): the pages keep what they have.
      if (answer === null) return;
      const json = JSON.stringify(answer);
      followed.answer = json;
      for (const [listener, heard] of followed.listeners) {
        if (heard.last === json) continue;
        heard.last = json;
        listener(json);
      }
    } catch {
      // The store is unavailable for a moment: the next step or sweep reads again.
    }
  }
}
