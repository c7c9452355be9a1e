import type { Model } from 'mongoose';
import type { Clock } from '../clock/clock.ts';
import { insertNew } from './insert-new.ts';
import { idFilter } from './id-lists.ts';

/** One `updateOne` of a bulk write. */
export interface UpdateOperation {
  updateOne: { filter: Record<string, unknown>; update: Record<string, unknown>; upsert?: boolean };
}

/** How a {@link GroupCommit} gathers writes. */
export interface GroupCommitOptions {
  /**
   * Milliseconds a write waits for others before it goes, by collection name or by
   * `collection:kind` (`inbox:delete`). For bookkeeping that no caller waits on before it answers or
   * delivers: with one writer at a time in the store, a transaction costs the same for one
   * document as for fifty, so lingering writes of several events share one.
   */
  linger?: Readonly<Record<string, number>>;
  /**
   * Milliseconds a lingering batch may wait, once its linger ended, for the writes that go at
   * once to have none in flight. The store has one writer: a batch of bookkeeping written while
   * an acknowledgement's or a step's write waits holds that write up. 0 (the default): no wait.
   */
  yieldMs?: number;
  /**
   * How a lingering batch that is still small may linger on: past its linger, while it holds
   * fewer than `items`, it looks again every linger until `upToMs` from its start. Where writes
   * arrive one after another (one client), a 40 ms linger gathers fewer the slower they come;
   * under load the linger fills it anyway and nothing changes.
   */
  lingerFill?: LingerFill;
  /** The time lingers and commit windows read and wait on ({@link LaneClock}). */
  clock?: LaneClock;
}

/** See {@link GroupCommitOptions.lingerFill}. */
export interface LingerFill {
  items: number;
  upToMs: number;
}

/**
 * Which writes the store is busy with: those that go at once (an acknowledgement, a step) are
 * counted while in flight; a lingering batch yields to them ({@link GroupCommitOptions.yieldMs}).
 */
class WriteTurns {
  #urgent = 0;
  #waiting: (() => void)[] = [];

  async urgent<R>(write: () => Promise<R>): Promise<R> {
    this.#urgent++;
    try {
      return await write();
    } finally {
      if (--this.#urgent === 0) for (const wake of this.#waiting.splice(0)) wake();
    }
  }

  #lingering = 0;
  readonly #lingeringHeld: (() => void)[] = [];

  /**
   * A lingering batch's write, one at a time: the store has one writer, and when several lanes'
   * lingers (and yields) end together their transactions queued there in a row, with an
   * acknowledgement's insert behind them all. One at a time, each lets the writes that go at
   * once and arrived meanwhile reach the store before the next; the batches held grow, and a
   * transaction costs about the same for fifty documents as for one.
   */
  async lingering<R>(write: () => Promise<R>): Promise<R> {
    if (this.#lingering > 0) await new Promise<void>((go) => this.#lingeringHeld.push(go));
    else this.#lingering++;
    try {
      return await write();
    } finally {
      const next = this.#lingeringHeld.shift();
      if (next) next();
      else this.#lingering--;
    }
  }

  /** Resolves once no urgent write is in flight, or after `maxMs`. */
  quiet(maxMs: number): Promise<void> {
    if (this.#urgent === 0 || maxMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiting = this.#waiting.filter((wake) => wake !== done);
        resolve();
      }, maxMs);
      this.#waiting.push(done);
    });
  }
}

/**
 * A commit window (Kafka's `linger.ms` with `batch.size`, PostgreSQL's `commit_delay` with
 * `commit_siblings`): for writes on the way to a delivery that no caller waits on to answer — a
 * step of an event whose sender was acknowledged already. While such writes arrive steadily (at
 * least two more expected within `ms`), the first of a batch waits up to `ms` for others, and the
 * batch goes as soon as `fill` wait; when they arrive seldom, each goes at once as before, so a
 * quiet shop's deliveries wait for nothing.
 */
export interface CommitWindow {
  ms: number;
  fill: number;
}

/**
 * How a write may wait for others of its kind: milliseconds to linger (bookkeeping, which
 * yields to the writes that go at once), or a {@link CommitWindow}.
 */
export type Gathering = number | CommitWindow;

/**
 * The time lanes read and wait on: by default `performance.now()` and (referenced) timers; a
 * test passes a clock it moves ahead (`TestClock`).
 */
export type LaneClock = Pick<Clock, 'now' | 'after'>;

const realTime: LaneClock = {
  now: () => performance.now(),
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};

/** Weight of the newest gap in a lane's running mean of the time between its writes. */
const GAP_WEIGHT = 0.2;

/** The store's answer for one inserted document whose `_id` existed already. */
export class DuplicateKeyError extends Error {
  readonly code = 11000;
  constructor(id: unknown) {
    super(`E11000 duplicate key: _id ${String(id)}`);
  }
}

const done = { value: undefined } as const;

/** Batches on their way at once in a lane that does not linger (updates: one, in order). */
const URGENT_IN_FLIGHT = 2;

type Waiter<R> = { resolve: (value: R) => void; reject: (error: unknown) => void };

/** What one item of a batch came to: its error, or its value. */
type Outcome<R> = { error: unknown } | { value: R };

/** One kind of write (or read) to one collection, gathered and sent as one command. */
class Lane<T, R = void> {
  #queued: { item: T; waiter: Waiter<R> }[] = [];
  /** A batch gathers: for a tick, or for a linger and its turn. */
  #gathering = false;
  /** Batches sent and not answered yet. */
  #writing = 0;
  /** The linger (or commit window) under way; `cancelled` once the batch went before it ended. */
  #linger: { cancel?: () => void; cancelled: boolean } | undefined;
  /** When the last write arrived (by the lane's clock), and the running mean of the gaps. */
  #lastArrival: number | undefined;
  #meanGap = Infinity;
  readonly maxBatch: number;
  readonly write: (items: T[]) => Promise<Outcome<R>[]>;
  readonly lingerMs: number;
  readonly yieldTurn: () => Promise<void>;
  readonly maxInFlight: number;
  readonly window: CommitWindow | undefined;
  readonly lingerFill: LingerFill | undefined;
  readonly clock: LaneClock;

  constructor(options: {
    maxBatch: number;
    write: (items: T[]) => Promise<Outcome<R>[]>;
    lingerMs?: number;
    /** Waited for once a linger ended, before the batch is written ({@link WriteTurns}). */
    yieldTurn?: () => Promise<void>;
    /**
     * How many batches may be on their way at once. One for a lane whose writes must reach the
     * store in the order they were made (updates); two for claims and reads, so that what
     * arrives while a batch is out goes at once instead of waiting a round trip for it.
     */
    maxInFlight?: number;
    /** For writes that go at once: the {@link CommitWindow} they may wait in. */
    window?: CommitWindow | undefined;
    /** For a lane that lingers: how a small batch lingers on ({@link GroupCommitOptions.lingerFill}). */
    lingerFill?: LingerFill | undefined;
    clock: LaneClock;
  }) {
    this.maxBatch = options.maxBatch;
    this.write = options.write;
    this.lingerMs = options.lingerMs ?? 0;
    this.yieldTurn = options.yieldTurn ?? (() => Promise.resolve());
    this.maxInFlight = options.maxInFlight ?? 1;
    this.window = options.window;
    this.lingerFill = options.lingerFill;
    this.clock = options.clock;
  }

  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#arrived();
      this.#queued.push({ item, waiter: { resolve, reject } });
      if (this.#gathering) {
        if (this.#queued.length >= (this.#windowOpen() ? this.#fill : this.maxBatch))
          this.#writeNow();
        return;
      }
      // Every batch that may go is out: the first to come back takes what waits.
      if (this.#writing >= this.maxInFlight) return;
      this.#gathering = true;
      if (this.lingerMs > 0) this.#lingerThenWrite();
      else if (this.#expectsCompany()) this.#openWindow();
      // Gather what the same tick adds (siblings of one request or step), then write.
      else setImmediate(() => this.#writeNow());
    });
  }

  #arrived(): void {
    if (!this.window) return;
    const now = this.clock.now();
    if (this.#lastArrival !== undefined) {
      const gap = now - this.#lastArrival;
      this.#meanGap =
        this.#meanGap === Infinity ? gap : this.#meanGap + GAP_WEIGHT * (gap - this.#meanGap);
    }
    this.#lastArrival = now;
  }

  get #fill(): number {
    return Math.min(this.window?.fill ?? this.maxBatch, this.maxBatch);
  }

  /** True when a commit window is worth its wait: two more writes expected within it. */
  #expectsCompany(): boolean {
    return this.window !== undefined && this.#meanGap * 2 <= this.window.ms;
  }

  #windowOpen(): boolean {
    return this.window !== undefined && this.#linger !== undefined;
  }

  /** Waits up to the window's `ms` for its `fill` (then the batch goes as a write that goes at once). */
  #openWindow(): void {
    const linger: { cancel?: () => void; cancelled: boolean } = { cancelled: false };
    this.#linger = linger;
    linger.cancel = this.clock.after(this.window?.ms ?? 0, () => {
      if (!linger.cancelled) this.#writeNow();
    });
  }

  /**
   * Bookkeeping that nothing waits for: gathers what the next few milliseconds add, then lets
   * the writes that go at once go first.
   */
  #lingerThenWrite(): void {
    const linger: { cancel?: () => void; cancelled: boolean } = { cancelled: false };
    this.#linger = linger;
    const started = this.clock.now();
    const ended = () => {
      if (linger.cancelled) return;
      const waited = this.clock.now() - started;
      const fill = this.lingerFill;
      if (fill && this.#queued.length < fill.items && waited < fill.upToMs) {
        linger.cancel = this.clock.after(Math.min(this.lingerMs, fill.upToMs - waited), ended);
        return;
      }
      void this.yieldTurn().then(() => {
        if (!linger.cancelled) this.#writeNow();
      });
    };
    linger.cancel = this.clock.after(this.lingerMs, ended);
  }

  /** True while nothing is queued or being written. */
  get idle(): boolean {
    return !this.#gathering && this.#writing === 0 && this.#queued.length === 0;
  }

  /** Writes what waits now (the store is closing, or a test reads it). */
  settle(): void {
    this.#writeNow();
  }

  #writeNow(): void {
    if (!this.#gathering) return;
    if (this.#linger) {
      this.#linger.cancelled = true;
      this.#linger.cancel?.();
      this.#linger = undefined;
    }
    this.#gathering = false;
    this.#writing++;
    void this.#flush();
  }

  async #flush(): Promise<void> {
    let first = true;
    while (this.#queued.length > 0) {
      if (!first && (this.#lingersAgain() || this.#waitsInWindow())) break;
      first = false;
      const batch = this.#queued.splice(0, this.maxBatch);
      try {
        const outcomes = await this.write(batch.map((entry) => entry.item));
        batch.forEach(({ waiter }, index) => {
          const outcome = outcomes[index];
          if (!outcome) waiter.reject(new Error('no outcome for a batched item'));
          else if ('error' in outcome) waiter.reject(outcome.error);
          else waiter.resolve(outcome.value);
        });
      } catch (error) {
        for (const { waiter } of batch) waiter.reject(error);
      }
    }
    this.#writing--;
  }

  /**
   * In a lane with a commit window, what arrived while the last batch was written waits in a
   * window of its own (unless its fill is there, or writes now arrive seldom), or in the one
   * already open: written at once, a batch of one or two would cost a command of its own.
   * True when it now waits.
   */
  #waitsInWindow(): boolean {
    if (!this.window || this.#queued.length >= this.#fill) return false;
    if (this.#windowOpen()) return true;
    if (this.#gathering || !this.#expectsCompany()) return false;
    this.#gathering = true;
    this.#openWindow();
    return true;
  }

  /**
   * In a lane that lingers, what arrived while the last batch was written lingers in its turn
   * (a batch short of full): written at once, it would cost a command of its own for what the
   * next few milliseconds would have shared. True when it now lingers.
   */
  #lingersAgain(): boolean {
    if (this.lingerMs <= 0 || this.#gathering || this.#queued.length >= this.maxBatch) return false;
    this.#gathering = true;
    this.#lingerThenWrite();
    return true;
  }
}

/**
 * Group commit: writes that arrive while the previous write to the same collection is under
 * way wait for it and then go together, as one `insertMany` or one `bulkWrite` (reads by `_id`
 * likewise, as one `find`). Alone, a write goes at once (no added latency when idle); under load, many
 * writers share each round trip — the store takes ~1,000 single inserts a second but ~35,000
 * documents a second in batches. Each caller still learns its own outcome: an insert whose
 * `_id` exists rejects with a {@link DuplicateKeyError} (code 11000), as `Model.create` would,
 * so claims by insert work unchanged.
 */
export class GroupCommit {
  readonly #lanes = new Map<string, Lane<unknown, unknown>>();
  readonly #maxBatch: {
    insert: number;
    update: number;
    delete: number;
    read: number;
    gather: number;
  };
  readonly #linger: Readonly<Record<string, number>>;
  readonly #yieldMs: number;
  readonly #lingerFill: LingerFill | undefined;
  readonly #clock: LaneClock;
  readonly #turns = new WriteTurns();

  /**
   * Batches hold at most `maxBatch` documents: 500 inserts (and gathered items), 200 reads and 200 deletes, but 20 updates —
   * FerretDB 1.x applies an update statement by statement (a few ms each), and an `update`
   * command of 100 statements did not come back at all in a test here.
   */
  constructor(
    maxBatch: Partial<{
      insert: number;
      update: number;
      delete: number;
      read: number;
      gather: number;
    }> = {},
    { linger = {}, yieldMs = 0, lingerFill, clock = realTime }: GroupCommitOptions = {},
  ) {
    this.#maxBatch = { insert: 500, update: 20, delete: 200, read: 200, gather: 500, ...maxBatch };
    this.#linger = linger;
    this.#yieldMs = yieldMs;
    this.#lingerFill = lingerFill;
    this.#clock = clock;
  }

  /** Writes every lingering batch now (before the store closes, or a test reads it). */
  settle(): void {
    for (const lane of this.#lanes.values()) lane.settle();
  }

  /** Resolves once every queued write was written (lingering ones are written at once). */
  async idle(): Promise<void> {
    for (;;) {
      this.settle();
      if ([...this.#lanes.values()].every((lane) => lane.idle)) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /**
   * Inserts one document (already in its stored form). `gathering`: milliseconds the insert may
   * linger for others of its kind (its own lane, `collection:insert+ms`), for a write nothing
   * waits on soon — a timer due hours ahead — where the collection's other inserts go at once;
   * or a {@link CommitWindow} (its own lane too) for a write on the way to a delivery that no
   * caller waits on to answer.
   */
  insert<T>(
    model: Model<T>,
    document: Record<string, unknown>,
    gathering?: Gathering,
  ): Promise<void> {
    return this.#lane(
      model,
      'insert',
      async (documents: Record<string, unknown>[]) => {
        const duplicates = await insertNew(model, documents);
        return documents.map((d, index) =>
          duplicates.has(index) ? { error: new DuplicateKeyError(d['_id']) } : done,
        );
      },
      gathering,
    ).push(document);
  }

  /** Applies one `updateOne` (the filter should name the `_id`: the store scans otherwise). */
  update<T>(model: Model<T>, operation: UpdateOperation): Promise<void> {
    return this.#lane(model, 'update', async (operations: UpdateOperation[]) => {
      await model.bulkWrite(operations as never[], { ordered: false });
      return operations.map(() => done);
    }).push(operation);
  }

  /**
   * Deletes one document by `_id`. A batch is one `delete` of an `_id` list, which the embedded
   * store (patched, docs/store.md), PostgreSQL's and MongoDB's `_id` index answer without a scan.
   * Measured on the embedded store with 2,000 entries: 25 ids 4–7 ms as a list against 17–35 ms
   * as a statement per id (FerretDB runs each statement as a transaction of its own), 200 ids
   * 15–22 against 194–434 ms.
   */
  delete<T>(model: Model<T>, id: string): Promise<void> {
    return this.#lane(model, 'delete', async (ids: string[]) => {
      await model.collection.deleteMany(idFilter(ids) as never);
      return ids.map(() => done);
    }).push(id);
  }

  /**
   * Reads one document by `_id` as stored (like `findById(id).lean()`), or null. Reads of one
   * collection that arrive together go as one `find` of an `_id` list, which the embedded store
   * (patched, docs/store.md), PostgreSQL's and MongoDB's `_id` index answer without a scan.
   * `lingerMs`: the read may wait that long for others of its kind (its own lane), for an answer
   * no customer or order system waits on; a read does not wait for the store's writer, so a
   * lingering read neither yields to writes nor takes a writing turn.
   */
  read<T>(model: Model<T>, id: string, lingerMs?: number): Promise<T | null> {
    return this.#lane(
      model,
      'read',
      async (ids: string[]) => {
        const found = await model.collection.find(idFilter(ids) as never).toArray();
        const byId = new Map(found.map((doc) => [String(doc['_id']), doc as T]));
        return ids.map((one) => ({ value: byId.get(one) ?? null }));
      },
      lingerMs,
    ).push(id);
  }

  /**
   * Adds `item` to one document written for everything of its kind that arrives together:
   * `combine` builds that document (with a new `_id`) from the gathered items, and each caller
   * learns its `_id` once it is stored. One document for a batch of steps where one each would
   * cost the store a document each (the outbox's notes, runtime/outbox-notes.ts). A lane is one
   * per collection (and `gathering`), and it keeps the `combine` of its first call: one kind of
   * gathered document per collection. `gathering` as for {@link insert}.
   */
  gather<T, I>(
    model: Model<T>,
    item: I,
    combine: (items: I[]) => { _id: string },
    gathering?: Gathering,
  ): Promise<string> {
    return this.#lane(
      model,
      'gather',
      async (items: I[]) => {
        const document = combine(items);
        await model.collection.insertOne(document as never);
        return items.map(() => ({ value: document._id }));
      },
      gathering,
    ).push(item);
  }

  /** Inserts documents like `insertNew`: the indexes of those whose `_id` existed already. */
  async insertAll<T>(model: Model<T>, documents: Record<string, unknown>[]): Promise<Set<number>> {
    const settled = await Promise.allSettled(documents.map((d) => this.insert(model, d)));
    const duplicates = new Set<number>();
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      if (!(result.reason instanceof DuplicateKeyError)) throw result.reason;
      duplicates.add(index);
    });
    return duplicates;
  }

  #lane<I, R = void>(
    model: { collection: { collectionName: string } },
    kind: 'insert' | 'update' | 'delete' | 'read' | 'gather',
    write: (items: I[]) => Promise<Outcome<R>[]>,
    gathering?: Gathering,
  ): Lane<I, R> {
    const base = `${model.collection.collectionName}:${kind}`;
    const window = typeof gathering === 'object' ? gathering : undefined;
    const lingerMs = typeof gathering === 'number' ? gathering : undefined;
    const key = window
      ? `${base}~${window.ms}/${window.fill}`
      : lingerMs === undefined
        ? base
        : `${base}+${lingerMs}`;
    let lane = this.#lanes.get(key) as Lane<I, R> | undefined;
    if (!lane) {
      const collection = model.collection.collectionName;
      const linger = window ? 0 : (lingerMs ?? this.#linger[key] ?? this.#linger[collection] ?? 0);
      // Writes that go at once are counted while in flight; lingering ones yield to them.
      const clock = this.#clock;
      const maxBatch = this.#maxBatch[kind];
      lane =
        linger > 0 && kind === 'read'
          ? new Lane<I, R>({
              maxBatch,
              write,
              lingerMs: linger,
              lingerFill: this.#lingerFill,
              clock,
            })
          : linger > 0
            ? new Lane<I, R>({
                maxBatch,
                write: (items) => this.#turns.lingering(() => write(items)),
                lingerMs: linger,
                yieldTurn: () => this.#turns.quiet(this.#yieldMs),
                lingerFill: this.#lingerFill,
                clock,
              })
            : new Lane<I, R>({
                maxBatch,
                write: kind === 'read' ? write : (items) => this.#turns.urgent(() => write(items)),
                maxInFlight: kind === 'update' ? 1 : URGENT_IN_FLIGHT,
                window,
                clock,
              });
      this.#lanes.set(key, lane as Lane<unknown, unknown>);
    }
    return lane;
  }
}
