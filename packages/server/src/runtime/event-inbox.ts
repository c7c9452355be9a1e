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

  constructor(models: Pick<RuntimeModels, 'Events' | 'Inbox'>, commits: GroupCommit) {
    this.#models = models;
    this.#commits = commits;
  }

  /**
   * Takes events: inserts their inbox entries (one `insertMany` with concurrent requests'),
   * then reads their records (one `find`). Read after the entries were taken, a record written
   * before another delivery's entry went is always seen.
   */
  async take(records: EventRecord[], process?: string): Promise<TakenEvents> {
    const inProgress = await this.#commits.insertAll(
      this.#models.Inbox,
      records.map((record) => inboxEntryOf(record, process) as unknown as Record<string, unknown>),
    );
    const found = await Promise.all(
      records.map((record) => this.#commits.read(this.#models.Events, record._id)),
    );
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
