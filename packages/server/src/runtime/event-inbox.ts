import type { RuntimeModels } from '../model/models.ts';
import type { GroupCommit } from '../model/group-commit.ts';
import {
  eventJson,
  inboxEntryOf,
  recordOfInbox,
  type EventRecord,
  type InboxEntry,
} from '../model/event.model.ts';
import { mayHoldBefore } from '../model/oldest-entry.ts';

/**
 * How long an event's inbox entry stays after its record was written (ms) before it is deleted.
 * The intake reads records beside taking entries ({@link EventInbox.take}) and trusts that read
 * when both came back within half of this: a record written after the read, its entry deleted
 * before the insert, is then impossible. Longer only keeps entries a second more in the inbox.
 */
export const INBOX_RELEASE_DELAY_MS = 1000;

/** How long past the first held entry's time its timeout waits, to release those due with it (ms). */
const RELEASE_GRAIN_MS = 10;

interface HeldEntry {
  key: string;
  /** `performance.now()` from when it may be deleted. */
  due: number;
}

/** What taking a request's events found, by their index in the request. */
export interface TakenEvents {
  /** Whose inbox entry existed: another delivery of the id is in progress. */
  inProgress: Set<number>;
  /** Whose record existed: the id was taken before. */
  recorded: Set<number>;
  /** The earlier delivery of each id taken before: its record, or the event its entry carries. */
  earlier: Map<number, EventRecord>;
}

/**
 * The runtime's side of taking delivered events (`inbox` and `events`): an inbox entry per
 * event until it was processed, which carries the event, and the event's record, kept for good
 * as the proof that its id was taken. The intake takes events through it; the runtime writes
 * each record with its outcome once the event was processed, then deletes the entry
 * ({@link JourneyRuntime.processRecord}).
 */
export class EventInbox {
  readonly #models: Pick<RuntimeModels, 'Events' | 'Inbox'>;
  readonly #commits: GroupCommit;
  readonly #releaseDelayMs: number;
  readonly #onReleaseFailed: (error: unknown, key: string) => void;
  /** Entries to delete, in release order, each with when it may go. */
  readonly #held: HeldEntry[] = [];
  /** How many releases of each key are held or under way. */
  readonly #holding = new Map<string, number>();
  readonly #deleting = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    models: Pick<RuntimeModels, 'Events' | 'Inbox'>,
    commits: GroupCommit,
    {
      releaseDelayMs = INBOX_RELEASE_DELAY_MS,
      onReleaseFailed = () => undefined,
    }: {
      /** {@link INBOX_RELEASE_DELAY_MS}; tests shorten it. */
      releaseDelayMs?: number;
      /** Told when an entry could not be deleted (recovery deletes it later). */
      onReleaseFailed?: (error: unknown, key: string) => void;
    } = {},
  ) {
    this.#models = models;
    this.#commits = commits;
    this.#releaseDelayMs = releaseDelayMs;
    this.#onReleaseFailed = onReleaseFailed;
  }

  /**
   * Takes events: inserts their inbox entries (one `insertMany` with concurrent requests') and,
   * at the same time, reads their records (one `find`): one round trip before the answer, not
   * two. A record is always seen by a read made after the entries were taken; made beside them,
   * the read can miss only a record written, and its entry deleted, between the read and the
   * insert — and entries are deleted no sooner than {@link INBOX_RELEASE_DELAY_MS} after their
   * record was written ({@link release}). So when both came back within half that delay, the
   * read stands; otherwise (a store that answered slowly) the records are read once more.
   */
  async take(records: EventRecord[], process?: string): Promise<TakenEvents> {
    const started = performance.now();
    const [inserted, read] = await Promise.allSettled([
      this.#commits.insertAll(
        this.#models.Inbox,
        records.map(
          (record) => inboxEntryOf(record, process) as unknown as Record<string, unknown>,
        ),
      ),
      this.#readRecords(records),
    ]);
    if (inserted.status === 'rejected') throw inserted.reason;
    const inProgress = inserted.value;
    const found =
      read.status === 'fulfilled' && performance.now() - started < this.#releaseDelayMs / 2
        ? read.value
        : await this.#readRecords(records);
    const recorded = new Set([...found.keys()].filter((index) => found[index]));
    const earlier = new Map<number, EventRecord>();
    for (const index of recorded) earlier.set(index, eventJson.decode(found[index]));
    // An id in progress, its record not written yet: the event its entry carries.
    await Promise.all(
      [...inProgress]
        .filter((index) => !recorded.has(index))
        .map(async (index) => {
          const key = (records[index] as EventRecord)._id;
          const entry = await this.#commits.read(this.#models.Inbox, key);
          const carried = entry ? recordOfInbox(entry) : null;
          if (carried) earlier.set(index, carried);
        }),
    );
    return { inProgress, recorded, earlier };
  }

  #readRecords(records: EventRecord[]) {
    return Promise.all(
      records.map((record) => this.#commits.read(this.#models.Events, record._id)),
    );
  }

  /**
   * Deletes an event's inbox entry once its record was written (or found written): no sooner
   * than {@link INBOX_RELEASE_DELAY_MS} from now, which is what lets {@link take} read records
   * beside taking entries. Nothing waits for it; a delete that fails leaves the entry, which
   * recovery finds with its record and releases again.
   */
  release(key: string): void {
    this.#holding.set(key, (this.#holding.get(key) ?? 0) + 1);
    this.#held.push({ key, due: performance.now() + this.#releaseDelayMs });
    this.#releaseLater();
  }

  /** True while this process holds the entry to delete it ({@link release}). */
  releasing(key: string): boolean {
    return this.#holding.has(key);
  }

  /** Deletes every held entry now (the process stops, or a test reads the store). */
  settle(): void {
    this.#releaseDue(Infinity);
  }

  /** Resolves once every released entry was deleted (held ones are deleted at once). */
  async idle(): Promise<void> {
    this.settle();
    while (this.#deleting.size > 0) await Promise.all(this.#deleting);
  }

  #releaseLater(): void {
    const first = this.#held[0];
    if (!first || this.#timer) return;
    // One timeout for what falls due within RELEASE_GRAIN_MS of the first (not one per entry);
    // a timeout may end a millisecond early: what is not due yet waits for another one.
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#releaseDue(performance.now());
        this.#releaseLater();
      },
      Math.max(1, Math.ceil(first.due - performance.now()) + RELEASE_GRAIN_MS),
    );
  }

  /** Deletes the held entries due by `now` (in release order: the oldest are due first). */
  #releaseDue(now: number): void {
    let due = 0;
    while (due < this.#held.length && (this.#held[due] as HeldEntry).due <= now) due++;
    for (const { key } of this.#held.splice(0, due)) {
      const deleting: Promise<void> = this.#commits
        .delete(this.#models.Inbox, key)
        .catch((error: unknown) => this.#onReleaseFailed(error, key))
        .finally(() => {
          this.#deleting.delete(deleting);
          const left = (this.#holding.get(key) ?? 1) - 1;
          if (left > 0) this.#holding.set(key, left);
          else this.#holding.delete(key);
        });
      this.#deleting.add(deleting);
    }
    if (this.#held.length === 0 && this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /**
   * Inbox entries taken before `before` (left by a crashed or busy process), oldest first, at
   * most `limit`. Unless `full`, first looks at the oldest entry alone and stops there when it
   * is younger (see model/oldest-entry.ts).
   */
  async takenBefore(before: Date, full: boolean, limit = 1000): Promise<InboxEntry[]> {
    if (!full && !(await mayHoldBefore(this.#models.Inbox, 'receivedAt', before))) return [];
    return this.#models.Inbox.find({ receivedAt: { $lt: before } })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .lean<InboxEntry[]>();
  }

  /** An event's record by its key, or null (not taken, or still being written behind). */
  async record(key: string): Promise<EventRecord | null> {
    const stored = await this.#commits.read(this.#models.Events, key);
    return stored ? eventJson.decode(stored) : null;
  }
}
