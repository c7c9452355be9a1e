import type { IntakeModels } from '../../model/models.ts';
import { deleteOlderThan } from '../../model/delete-older.ts';
import { DuplicateKeyError, type GroupCommit } from '../../model/group-commit.ts';
import {
  receivedEventJson,
  type ReceivedEventEntry,
  type ReceivedEventOutcome,
} from '../../model/received-event.model.ts';
import type { Received } from '../received-outcome.ts';
import { receivedEntriesOf } from './received-entry.ts';

/** What the events page may filter on; every filter narrows. */
export interface ReceivedEventFilter {
  source?: string;
  type?: string;
  outcome?: ReceivedEventOutcome;
  /** An order id, order number or correlation value. */
  order?: string;
  from?: Date;
  to?: Date;
}

/** One page, newest first; `next` is the cursor of the following page (null at the end). */
export interface ReceivedEventPage {
  events: ReceivedEventEntry[];
  next: string | null;
}

/**
 * Every delivery the intake received and what became of it, for operators (the events page,
 * `GET /api/events`). Each is appended once, through the process's group commit, when its
 * outcome is known: under load many share one insert, and nothing is updated per event.
 * An event that recovery processes after a crash or a failed attempt gets the entry of its
 * outcome then (`recovered`), beside a `failed` one; one noted already keeps its entry.
 */
export class ReceivedEventLog {
  readonly #models: IntakeModels;
  readonly #commits: GroupCommit;
  readonly #onError: (error: unknown) => void;

  constructor(models: IntakeModels, commits: GroupCommit, onError: (error: unknown) => void) {
    this.#models = models;
    this.#commits = commits;
    this.#onError = onError;
  }

  /** Appends the entry of one delivery (in the background; a failure is only reported). */
  async note(received: Received): Promise<void> {
    await Promise.all(
      receivedEntriesOf(received).map((entry) =>
        this.#commits
          .insert(this.#models.ReceivedEvents, receivedEventJson.encode(entry))
          .catch((error: unknown) => {
            // The same delivery told twice (a routed event, processed again) keeps its entry.
            if (!(error instanceof DuplicateKeyError)) this.#onError(error);
          }),
      ),
    );
  }

  /** A page of entries matching `filter`, newest first, after `cursor` (an entry's `_id`). */
  async list(
    filter: ReceivedEventFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<ReceivedEventPage> {
    const query: Record<string, unknown> = {};
    if (filter.source) query['source'] = filter.source;
    if (filter.type) query['type'] = filter.type;
    if (filter.outcome) query['outcome'] = filter.outcome;
    if (filter.order) query['refs'] = filter.order;
    if (filter.from || filter.to)
      query['at'] = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    if (cursor) query['_id'] = { $lt: cursor };
    const found = await this.#models.ReceivedEvents.find(query)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean();
    const events = receivedEventJson.decodeAll(found.slice(0, limit));
    return {
      events,
      next: found.length > limit ? (events[events.length - 1]?._id ?? null) : null,
    };
  }

  /** Deletes entries received before `cutoff` (history retention); returns how many went. */
  prune(cutoff: Date): Promise<number> {
    return deleteOlderThan(this.#models.ReceivedEvents, 'at', cutoff);
  }
}
