import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import { eventKey, type EventOutcome, type EventRecord } from '../model/event.model.ts';
import { FULL_SWEEP_EVERY } from '../model/oldest-entry.ts';
import type { EventInbox } from '../runtime/event-inbox.ts';
import type { JourneyRuntime } from '../runtime/journey-runtime.ts';
import { abandoned, abandonedBefore, type ProcessLiveness } from '../runtime/process-liveness.ts';
import type { CloudEvent } from './cloud-event.ts';
import { chatEventForbidden, chatOnlyProblems } from './chat-only-events.ts';
import { receivedOutcomeOf, type Received, type ReceivedListener } from './received-outcome.ts';

/** Events being processed in one process before intake refuses more (503, Retry-After). */
export const MAX_BACKLOG = 20_000;

/** What intake answered for one event. */
export interface IntakeResult {
  id: string;
  /** `conflict`: the id was recorded before for another type or other data (nothing taken). */
  status: 'accepted' | 'duplicate' | 'conflict';
}

/**
 * Records verified events durably, acknowledges them and hands them to the runtime. One write
 * stands before the answer: the inbox entry, which carries the event and is deleted only after
 * the event was processed, so an acknowledged event survives a crash
 * ({@link EventIntake.recover} processes what a dead process left). Then one read: the event's
 * record (`events`), kept for good, tells a delivery of an id taken before. The record of a new
 * event is written behind, with other events' records, before its inbox entry goes — so a later
 * delivery of the same id always meets the one or the other.
 */
export class EventIntake {
  readonly #inbox: EventInbox;
  readonly #runtime: JourneyRuntime;
  readonly #limit: LimitFunction;
  readonly #log: Logger;
  readonly #running = new Set<Promise<unknown>>();
  /** Keys this process is processing now; recovery leaves them alone. */
  readonly #inFlight = new Set<string>();
  readonly #listeners = new Set<ReceivedListener>();
  readonly #liveness: ProcessLiveness | undefined;
  #sweeps = 0;

  readonly #maxBacklog: number;

  /**
   * `runtime.inbox` takes the events (the runtime owns the inbox and the records).
   * `concurrency`: events recovery processes at once; `maxBacklog`: see {@link overloaded}.
   */
  constructor(
    runtime: JourneyRuntime,
    log: Logger,
    {
      concurrency = 16,
      liveness,
      maxBacklog = MAX_BACKLOG,
    }: { concurrency?: number; liveness?: ProcessLiveness; maxBacklog?: number } = {},
  ) {
    this.#maxBacklog = maxBacklog;
    this.#liveness = liveness;
    this.#inbox = runtime.inbox;
    this.#runtime = runtime;
    this.#log = log;
    this.#limit = pLimit(concurrency);
  }

  /**
   * Calls `listener` for every event a request delivers once its outcome is known, and again
   * (`recovered`) when recovery processes an event a crashed or failed attempt left: the events
   * page records its outcome; the metrics count only requests' deliveries. Returns a function
   * that stops it.
   */
  onReceived(listener: ReceivedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * True while this process has as many events in progress as its backlog allows
   * (`intake.maxBacklog`, default {@link MAX_BACKLOG}): the routes then answer
   * 503 with Retry-After instead of queueing without bound (the sender retries; nothing taken
   * is lost, nothing more is taken).
   */
  overloaded(): boolean {
    return this.#running.size >= this.#maxBacklog;
  }

  /**
   * Stores the events of one request (all verified and valid) and schedules their processing.
   * Events only the chat may send (`conversation.*`, a customer's answer naming a conversation)
   * are refused whole with `chat-event-forbidden`, nothing recorded.
   * An id recorded before with another type or other data is a `conflict` — unless the ids are
   * Xiaoer's own, derived from a platform's payload (`derivedIds`): a Shopify parcel announced by
   * `fulfillments/create` and again by `orders/fulfilled` is the same parcel in other words.
   */
  async record(
    source: string,
    events: CloudEvent[],
    receivedAt = new Date(),
    { derivedIds = false }: { derivedIds?: boolean } = {},
  ): Promise<IntakeResult[]> {
    // Only the chat speaks for a conversation ({@link submit}); whoever else records events
    // (a request, a platform webhook, a journey's published event) may not.
    const chatOnly = chatOnlyProblems(events, events.length > 1);
    if (chatOnly.length > 0) throw chatEventForbidden(chatOnly);
    return (await this.#record(source, events, receivedAt, { derivedIds, answered: true })).results;
  }

  /**
   * Records one event like {@link record} and waits until it was routed: what it started or
   * moved on (the chat asks whether a journey took the customer's message). A duplicate
   * returns the outcome recorded the first time, or null while that is still running; null
   * too, without recording it, when no published journey could take it (none starts on or
   * waits for its type with a correlation value in its data).
   */
  async submit(source: string, event: CloudEvent): Promise<EventOutcome | null> {
    // No published journey takes its type and correlates on anything in it: nothing to record.
    if (!(await this.#runtime.mayRoute(event.type, event.data ?? {}))) return null;
    const { results, works } = await this.#record(source, [event], new Date(), {
      derivedIds: false,
      answered: false,
    });
    if (results[0]?.status === 'duplicate')
      return this.#runtime.processEvent(eventKey(source, event.id));
    return (await works[0]) ?? null;
  }

  async #record(
    source: string,
    events: CloudEvent[],
    receivedAt: Date,
    how: {
      /** The ids are Xiaoer's own, derived from a platform's payload ({@link record}). */
      derivedIds: boolean;
      /** The sender has its answer once the events are taken: nobody waits on their steps. */
      answered: boolean;
    },
  ): Promise<{ results: IntakeResult[]; works: Promise<EventOutcome | null>[] }> {
    const keys = events.map((event) => eventKey(source, event.id));
    const records = events.map((event, index): EventRecord => ({
      _id: keys[index] as string,
      source,
      eventId: event.id,
      type: event.type,
      time: event.time ?? receivedAt.toISOString(),
      data: event.data ?? {},
      receivedAt,
    }));
    // Group commit: the inbox entries of concurrent requests go together, and so do the reads
    // of their records. An event whose inbox entry exists is someone else's to route (a
    // concurrent redelivery, or still in progress); one whose record exists was recorded
    // before.
    const {
      inProgress: inboxed,
      recorded: stored,
      earlier,
    } = await this.#inbox.take(records, this.#liveness?.id);
    const conflicts = how.derivedIds ? new Set<number>() : conflictsOf(records, earlier);
    const accepted = new Set([...records.keys()].filter((i) => !inboxed.has(i) && !stored.has(i)));
    // Route in arrival order (synchronously, so the runtime's queues keep that order); a
    // redelivery of an already recorded event only cleans its inbox entry.
    const works = records.flatMap((record, index) => {
      if (inboxed.has(index)) return [];
      if (stored.has(index)) {
        const work = this.#runtime.processEvent(record._id);
        this.#track(work, record._id);
        return [work];
      }
      const { work, routed } = this.#routeNew(source, record, how.answered);
      this.#track(work, record._id);
      return [routed];
    });
    for (const index of events.keys())
      if (!accepted.has(index))
        this.#tell({ source, outcome: 'duplicate', record: records[index] as EventRecord });
    return {
      results: events.map((event, index) => ({
        id: event.id,
        status: conflicts.has(index) ? 'conflict' : accepted.has(index) ? 'accepted' : 'duplicate',
      })),
      works,
    };
  }

  /**
   * Routes a newly recorded event and tells the listeners what became of it. `routed` settles
   * once the event's steps are stored; `work` once its outcome is recorded too.
   */
  #routeNew(
    source: string,
    record: EventRecord,
    answered: boolean,
  ): { work: Promise<EventOutcome>; routed: Promise<EventOutcome> } {
    let heard: (outcome: EventOutcome) => void = () => undefined;
    const routed = new Promise<EventOutcome>((resolve) => (heard = resolve));
    let told = false;
    const work = this.#runtime.processRecord(
      record,
      (routing) => {
        told = true;
        heard(routing);
        this.#tell({ source, outcome: receivedOutcomeOf(routing), record, routing });
      },
      { answered },
    );
    // Routing failed (the event stays in the inbox for recovery); a failure of the bookkeeping
    // after it was told leaves what it did as told.
    void work.catch(() => {
      if (!told) this.#tell({ source, outcome: 'failed', record });
    });
    return { work, routed: Promise.race([routed, work]) };
  }

  /**
   * Tells the listeners of a delivery that made no event: a platform topic Xiaoer does not use
   * (answered 200) or a body that does not fit its topic (answered 400 with `problems`).
   */
  refused(
    source: string,
    outcome: 'invalid' | 'topic-ignored',
    refused: NonNullable<Received['refused']>,
  ): void {
    this.#tell({ source, outcome, refused });
  }

  #tell(received: Received): void {
    for (const listener of this.#listeners)
      try {
        listener(received);
      } catch (error) {
        this.#log.error({ err: error }, 'an intake listener failed');
      }
  }

  /** Processes one recorded event by its key (recovery), a few at a time. */
  process(key: string): Promise<void> {
    return this.#limit(() => this.#track(this.#recover(key), key));
  }

  /**
   * Processes an event recovery found and tells the listeners its outcome, like a first
   * attempt's (one read of the record: recovery is rare, not the intake's hot path).
   */
  async #recover(key: string): Promise<EventOutcome | null> {
    const routing = await this.#runtime.processEvent(key);
    if (!routing) return routing;
    const record = await this.#inbox.record(key);
    if (record) {
      const outcome = receivedOutcomeOf(routing);
      this.#tell({ source: record.source, outcome, record, routing, recovered: true });
    }
    return routing;
  }

  #track(work: Promise<unknown>, key: string): Promise<void> {
    this.#running.add(work);
    this.#inFlight.add(key);
    return work
      .then(
        () => undefined,
        (error: unknown) =>
          this.#log.error(
            { err: error, event: key },
            'processing an event failed; it stays in the inbox',
          ),
      )
      .finally(() => {
        this.#running.delete(work);
        this.#inFlight.delete(key);
      });
  }

  /** Processes inbox entries older than `olderThanMs` (left by a crashed or busy process). */
  async recover(olderThanMs: number, now = Date.now()): Promise<number> {
    const before = abandonedBefore(olderThanMs, this.#liveness, now);
    // Most sweeps find nothing old: one document tells. Every fifth reads everything anyway
    // (on PostgreSQL, storage order is not insertion order).
    const full = ++this.#sweeps % FULL_SWEEP_EVERY === 0;
    const entries = await abandoned(
      await this.#inbox.takenBefore(before, full),
      (entry) => entry.receivedAt,
      olderThanMs,
      this.#liveness,
      now,
    );
    const orphans = entries.filter(
      (entry) => !this.#inFlight.has(entry._id) && !this.#inbox.releasing(entry._id),
    );
    await Promise.all(orphans.map((entry) => this.process(entry._id)));
    return orphans.length;
  }

  /** Resolves once every queued event has been processed and its inbox entry deleted. */
  async idle(): Promise<void> {
    while (this.#running.size + this.#limit.activeCount + this.#limit.pendingCount > 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await this.#inbox.idle();
  }
}

/**
 * The deliveries whose type or data differ from the earlier one of their id: an id reused for
 * another event is a sender's bug, answered 409, never silently taken as a redelivery.
 */
function conflictsOf(records: EventRecord[], earlier: Map<number, EventRecord>): Set<number> {
  const conflicts = new Set<number>();
  for (const [index, before] of earlier) {
    const record = records[index] as EventRecord;
    if (before.type !== record.type || canonical(before.data) !== canonical(record.data))
      conflicts.add(index);
  }
  return conflicts;
}

/** JSON with object keys sorted, so that the same data in another key order compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
