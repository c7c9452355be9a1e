import { setTimeout as sleep } from 'node:timers/promises';
import {
  acceptedEvents,
  ENGINE_EVENTS,
  EventNotAcceptedError,
  InvalidEventError,
  readPath,
  start,
  step,
  TriggerMismatchError,
  type JourneyMachine,
  type JsonObject,
  type LocalizedText,
  type StepResult,
} from '@xiaoer/engine';
import { GroupCommit, type CommitWindow } from '../model/group-commit.ts';
import {
  eventJson,
  outcomeOf,
  recordOfInbox,
  type EventOutcome,
  type EventOutcomeRecord,
  type EventRecord,
  type InboxEntry,
} from '../model/event.model.ts';
import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import {
  correlationKeyOf,
  instanceJson,
  instanceId,
  journeyEventOf,
  type InstanceEvent,
  type InstanceRecord,
  type InstanceStatus,
} from '../model/instance.model.ts';
import type { RoutableWorkflow, WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import { eventProblemsOf } from '../errors/event-problems.ts';
import { KeyedQueue } from './keyed-queue.ts';
import type { ProcessLiveness } from './process-liveness.ts';
import { EarlyEvents, mayKeepEarlyEvents } from './early-events.ts';
import { EventInbox } from './event-inbox.ts';
import { lingerForStep } from './quiet-steps.ts';
import { ANSWERED_STEP_WINDOW } from './answered-steps.ts';
import { ignoredReasonText } from './ignored-reasons.ts';
import { BOOKKEEPING_LINGER_MS } from './bookkeeping-writes.ts';
import { ActiveInstances } from './active-instances.ts';
import { RECENT_EVENTS, StepLog, type EffectSink, type Transition } from './step-log.ts';

/** What applying one event to one instance did. */
export type ApplyResult =
  | { kind: 'applied'; instance: InstanceRecord }
  | { kind: 'parked'; instance: InstanceRecord }
  | { kind: 'duplicate'; instance: InstanceRecord }
  | { kind: 'ignored'; instance: InstanceRecord; reason: string; text: LocalizedText };

type RouteResult =
  | ApplyResult
  | { kind: 'started'; instance: InstanceRecord; early?: InstanceEvent[] }
  | { kind: 'none' }
  | { kind: 'early' }
  | {
      kind: 'not-started';
      reason: string;
      text: LocalizedText;
      problems?: { pointer: string; message: string }[];
    };

export interface RuntimeOptions {
  /** Claims older than this are finished or dropped by recovery (a crashed process). */
  staleAfterMs?: number;
  /** How many events an instance keeps parked while waiting for them. */
  maxParked?: number;
  /** Told about dispatches that failed (their steps are retried by recovery). */
  onError?: (error: unknown, step: string) => void;
  /** Told when an event's inbox entry could not be deleted (recovery deletes it later). */
  onInboxError?: (error: unknown, event: string) => void;
  /** Called after each step is written (history pruning). */
  afterStep?: (instance: string, revision: number) => Promise<void>;
  /** Batches the runtime's writes with those of the rest of the process (group commit). */
  commits?: GroupCommit;
  /** Names this process on its claims, so others take them over soon after it dies. */
  liveness?: ProcessLiveness;
  /** How long an order event that came before its order's journey is kept for it. */
  earlyRetentionMs?: number;
  /**
   * The commit window of the steps of events whose sender has its answer already
   * ({@link ANSWERED_STEP_WINDOW} by default; `ms: 0` sends them at once).
   */
  commitWindow?: CommitWindow;
}

/** Events the host produces (timers, effect results); stale ones are ignored, never parked. */
const HOST_EVENTS = new Set<string>(
  Object.values(ENGINE_EVENTS).filter((type) => type !== ENGINE_EVENTS.customerReplied),
);
const CONTENTION_RETRIES = 50;

/**
 * Runs journeys durably: routes received events to new or waiting instances, applies each
 * event as one committed step ({@link StepLog}) and hands the effects to the sink. Steps of
 * one workflow and correlation value run one at a time in this process; across processes the
 * step claims keep them apart.
 */
export class JourneyRuntime {
  readonly steps: StepLog;
  readonly #models: RuntimeModels;
  readonly #catalog: WorkflowCatalog;
  readonly #queue = new KeyedQueue();
  readonly #maxParked: number;
  readonly #commits: GroupCommit;
  readonly #active = new ActiveInstances();
  readonly early: EarlyEvents;
  /** Where the intake takes delivered events (their inbox entries and records). */
  readonly inbox: EventInbox;
  /** Correlations whose hint said early events wait for them (read with the hint). */
  readonly #earlyHints = new Set<string>();
  readonly #answeredWindow: CommitWindow | undefined;

  constructor(
    models: RuntimeModels,
    catalog: WorkflowCatalog,
    sink: EffectSink,
    options: RuntimeOptions = {},
  ) {
    this.#models = models;
    this.#catalog = catalog;
    this.#maxParked = options.maxParked ?? 20;
    const window = options.commitWindow ?? ANSWERED_STEP_WINDOW;
    this.#answeredWindow = window.ms > 0 ? window : undefined;
    this.#commits = options.commits ?? new GroupCommit();
    this.early = new EarlyEvents(models, this.#commits, options.earlyRetentionMs);
    this.inbox = new EventInbox(models, this.#commits, {
      onReleaseFailed: (error, key) => options.onInboxError?.(error, key),
    });
    this.steps = new StepLog(
      models,
      sink,
      options.staleAfterMs ?? 30_000,
      options.onError ?? (() => undefined),
      options.afterStep,
      this.#commits,
      options.liveness,
    );
    // What this process committed is what it reads next (guarded by the step claim).
    this.steps.onCommitted((instance) => this.#active.remember(queueKeyOf(instance._id), instance));
  }

  /**
   * Routes an event taken before, read by its key (recovery, or a redelivery of one still in
   * progress), and records the outcome; safe to call twice. An event's record is written once it
   * was processed, with its outcome, so a record not written yet is read from the inbox entry
   * (which carries the event) and processed.
   */
  processEvent(key: string): Promise<EventOutcome | null> {
    return this.#processEvent(key, false);
  }

  async #processEvent(key: string, lookedTwice: boolean): Promise<EventOutcome | null> {
    const stored = await this.#commits.read(this.#models.Events, key);
    let record = stored ? eventJson.decode(stored) : null;
    if (!record) {
      const entry = (await this.#commits.read(this.#models.Inbox, key)) as InboxEntry | null;
      // Neither record nor entry: processed in between (the record is written before the entry
      // goes), so look once more; or never taken.
      if (!entry && !lookedTwice) return this.#processEvent(key, true);
      record = entry ? recordOfInbox(entry) : null;
      if (record) return this.processRecord(record);
      this.inbox.release(key);
      return null;
    }
    // Older versions wrote the record first and appended its outcome apart.
    const outcome = record.outcome ?? (await this.#appendedOutcome(key));
    if (!outcome) return this.processRecord(record);
    this.inbox.release(key);
    return outcome;
  }

  async #appendedOutcome(key: string): Promise<EventOutcome | undefined> {
    const appended = (await this.#commits.read(
      this.#models.EventOutcomes,
      key,
    )) as EventOutcomeRecord | null;
    return appended ? outcomeOf(appended) : undefined;
  }

  /**
   * Writes an event's record with its outcome (`events`, the lasting proof that its id was
   * taken and what became of it), once: the first outcome stands. It lingers a moment to share
   * the write with other events' (`events:insert`, bookkeeping-writes.ts). A record an older
   * version wrote without its outcome gets the outcome appended beside it (`eventOutcomes`).
   */
  async #writeRecord(record: EventRecord, outcome: EventOutcome): Promise<void> {
    const ignoreDuplicate = (error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
      return false;
    };
    const written = await this.#commits
      .insert(this.#models.Events, eventJson.encode({ ...record, outcome }))
      .then(() => true, ignoreDuplicate);
    if (written) return;
    const stored = await this.#commits.read(this.#models.Events, record._id);
    if (stored && !(stored as { outcome?: unknown }).outcome)
      await this.#commits
        .insert(this.#models.EventOutcomes, { _id: record._id, ...outcome })
        .catch(ignoreDuplicate);
  }

  /**
   * Routes a taken event and records the outcome. Events of one correlation value are applied
   * in the order of the calls (call it synchronously in arrival order). `routed` hears the
   * outcome as soon as the event's steps are stored, before the event's record (which waits a
   * few milliseconds to share a write with others') and the inbox entry's removal. The record
   * is written before the entry goes, so that a later delivery of the same id, which takes its
   * entry first and reads the record second, always finds one or the other.
   */
  async processRecord(
    record: EventRecord,
    routed?: (outcome: EventOutcome) => void,
    { answered = false }: { answered?: boolean } = {},
  ): Promise<EventOutcome> {
    const outcome = await this.#route(record, answered ? this.#answeredWindow : undefined);
    // What the event did is known (its steps are stored); what follows is bookkeeping.
    routed?.(outcome);
    // Record first, inbox entry second (a second later, event-inbox.ts): a crash in between
    // only routes the event again (and its record is then already there: the first outcome
    // stands).
    await this.#writeRecord(record, outcome);
    this.inbox.release(record._id);
    return outcome;
  }

  /**
   * Whether any published journey could take an event of this type with this data: one that
   * starts on the type or waits for it, and correlates on a value the data has. When none can,
   * recording the event would only note it unmatched (the chat asks before it records each
   * customer message as journey events).
   */
  async mayRoute(type: string, data: JsonObject): Promise<boolean> {
    const workflows = await this.#catalog.routable();
    return workflows.some(
      (w) => takes(w, type) && correlationValue(data, w.trigger.correlationKey) !== undefined,
    );
  }

  /** Applies an event to one instance (timers, effect results, operators). */
  apply(instance: string, event: InstanceEvent): Promise<ApplyResult> {
    return this.#queue.run(queueKeyOf(instance), async () => {
      for (let attempt = 0; attempt < CONTENTION_RETRIES; attempt++) {
        const current = await this.#load(instance, attempt > 0);
        const result = await this.#applyHeld(current, event);
        if (result) return result;
        this.#active.forget(queueKeyOf(instance), instance);
        await sleep(backoff(attempt));
      }
      throw new Error(`Instance ${instance} stayed contended`);
    });
  }

  /** Ends an instance by hand; its timers then fire into nothing. */
  cancel(instance: string, actor: string, key: string): Promise<InstanceRecord> {
    return this.#queue.run(queueKeyOf(instance), async () => {
      for (let attempt = 0; attempt < CONTENTION_RETRIES; attempt++) {
        const current = await this.#load(instance, attempt > 0);
        if (current.status !== 'active') return current;
        const next = await this.steps.commit(
          current,
          { key, type: 'instance.cancelled', at: new Date().toISOString(), actor },
          {
            snapshot: current.snapshot,
            node: current.node,
            status: 'cancelled',
            path: [],
            effects: [],
            parked: current.parked,
            recentEvents: remember(current.recentEvents, key),
          },
          new Date(),
        );
        if (next) {
          // An operator's action shows at once in every list, not a moment later.
          await this.steps.flush(instance);
          return next;
        }
        this.#active.forget(queueKeyOf(instance), instance);
        await sleep(backoff(attempt));
      }
      throw new Error(`Instance ${instance} stayed contended`);
    });
  }

  /** Resolves once every step queued in this process has finished and been dispatched. */
  async idle(): Promise<void> {
    await this.#queue.idle();
    await this.steps.idle();
    await this.inbox.idle();
  }

  /** The instance as this process last committed it, or (`fresh`, or unknown here) as stored. */
  async #load(id: string, fresh = false): Promise<InstanceRecord> {
    // Written behind its steps, this process's copy is the newest (its claims keep others off).
    const known = this.steps.unwritten(id) ?? (fresh ? undefined : this.#active.get(id));
    if (known) return known;
    // Read with other loads (a bucket of timers firing): one `find` for all of them.
    const instance = await this.#commits.read(this.#models.Instances, id);
    if (!instance) throw new UnknownInstanceError(id);
    return instanceJson.decode(instance);
  }

  /** `window`: the commit window of the event's steps, when nobody waits on them to answer. */
  async #route(record: EventRecord, window?: CommitWindow): Promise<EventOutcome> {
    const event: InstanceEvent = {
      key: record._id,
      type: record.type,
      at: record.receivedAt.toISOString(),
      data: record.data,
    };
    // Decide the targets in arrival order, then wait for the per-correlation queues.
    const tasks = await this.#queue.run('routing', async () => {
      const workflows = await this.#catalog.routable();
      return workflows.flatMap((workflow) => {
        // Offered only to workflows that start on it or have a node that waits for it: an
        // event no node could ever take is not parked in every instance it correlates with.
        if (!takes(workflow, record.type)) return [];
        const correlation = correlationValue(record.data, workflow.trigger.correlationKey);
        if (correlation === undefined) return [];
        return [
          this.#queue
            .run(correlationKeyOf(workflow.workflowId, correlation), () =>
              this.#routeTo(workflow, correlation, event, window),
            )
            .then((result) => ({ workflow, result })),
        ];
      });
    });
    const outcome: EventOutcome = {
      started: [],
      routed: [],
      parked: [],
      unmatched: false,
      ignored: [],
      processedAt: new Date(),
    };
    for (const { workflow, result } of await Promise.all(tasks)) {
      if (result.kind === 'started') {
        outcome.started.push(result.instance._id);
        for (const { key, type } of result.early ?? [])
          (outcome.appliedEarly ??= []).push({ key, type, instanceId: result.instance._id });
      } else if (result.kind === 'applied' || result.kind === 'duplicate')
        outcome.routed.push(result.instance._id);
      else if (result.kind === 'early') (outcome.early ??= []).push(workflow.workflowId);
      else if (result.kind === 'parked') {
        outcome.parked.push(result.instance._id);
        // For the events page: which node the instance was waiting at (hook, issue 19).
        (outcome.waiting ??= []).push({
          instanceId: result.instance._id,
          node: result.instance.node,
        });
      } else if (result.kind === 'ignored')
        outcome.ignored.push({
          instanceId: result.instance._id,
          workflowId: workflow.workflowId,
          reason: result.reason,
          text: result.text,
        });
      else if (result.kind === 'not-started')
        outcome.ignored.push({
          workflowId: workflow.workflowId,
          reason: result.reason,
          text: result.text,
          ...(result.problems?.length ? { problems: result.problems } : {}),
        });
    }
    outcome.unmatched =
      outcome.started.length +
        outcome.routed.length +
        outcome.parked.length +
        (outcome.early?.length ?? 0) ===
      0;
    return outcome;
  }

  async #routeTo(
    workflow: RoutableWorkflow,
    correlation: string,
    event: InstanceEvent,
    window?: CommitWindow,
  ): Promise<RouteResult> {
    // A trigger for a value this process knows nothing of most likely starts the first
    // instance (a new order): start it without reading. Step 1 of generation 1 is a unique
    // insert kept for good (history pruning spares it), so if that instance existed the commit
    // fails and the next attempt reads.
    let optimistic =
      !workflow.archived &&
      workflow.trigger.event === event.type &&
      !this.#active.newest(`${workflow.workflowId}:${correlation}`);
    // The correlation hint says whether early events wait for this value (only a journey that
    // waits for order events has them kept): read by its key beside the optimistic commit, and
    // lingering like bookkeeping to share one `find` of an `_id` list with the other starts'
    // reads (served by the index: the embedded store is patched for it, docs/store.md). Nothing
    // waits on it but this instance's queue: the start's effects go as soon as it is committed.
    const earlyHint: Promise<{ early?: boolean } | null> =
      optimistic && mayKeepEarlyEvents(workflow.awaits)
        ? (
            this.#commits.read(
              this.#models.Correlations,
              correlationKeyOf(workflow.workflowId, correlation),
              BOOKKEEPING_LINGER_MS,
            ) as Promise<{ early?: boolean } | null>
          ).catch(() => null)
        : Promise.resolve(null);
    for (let attempt = 0; attempt < CONTENTION_RETRIES; attempt++) {
      const latest = optimistic
        ? null
        : await this.#latestInstance(workflow.workflowId, correlation, attempt > 0);
      if (latest?.recentEvents.includes(event.key)) return { kind: 'duplicate', instance: latest };
      if (latest?.status === 'active') {
        const result = await this.#applyHeld(latest, event, false, window);
        if (result) return result;
      } else {
        const machine = await this.#catalog.machine(workflow.workflowId, workflow.latestVersion);
        if (workflow.archived || workflow.trigger.event !== event.type) {
          // Before its order's journey ever started: kept for it (issue 19).
          const key = correlationKeyOf(workflow.workflowId, correlation);
          if (!latest && !workflow.archived && (await this.early.keep(machine, key, event)))
            return { kind: 'early' };
          return { kind: 'none' };
        }
        let result: StepResult;
        try {
          result = start(machine, journeyEventOf(event));
        } catch (error) {
          if (error instanceof TriggerMismatchError || error instanceof InvalidEventError)
            return {
              kind: 'not-started',
              reason: error.message,
              text: ignoredReasonText(error),
              problems: eventProblemsOf(error),
            };
          throw error;
        }
        const generation = (latest?.generation ?? 0) + 1;
        const id = instanceId(workflow.workflowId, correlation, generation);
        const started = await this.steps.commit(
          {
            _id: id,
            workflowId: workflow.workflowId,
            version: workflow.latestVersion,
            correlationKey: workflow.trigger.correlationKey,
            correlation,
            generation,
            // The trigger event's time, as the journey's context has it (the time analytics
            // counts its steps by): an event taken in at 23:59 and started after midnight (a
            // backlog, recovery) is the evening's everywhere.
            startedAt: startedAtOf(result),
            revision: 0,
          },
          event,
          transitionOf(result, [], [event.key]),
          new Date(),
          window,
        );
        if (started) {
          if (generation > 1) await this.#noteLatest(workflow.workflowId, correlation, generation);
          // Early events wait for it when the hint says so (read alongside an optimistic start).
          if ((await earlyHint)?.early)
            this.#earlyHints.add(correlationKeyOf(workflow.workflowId, correlation));
          const { instance, early } = await this.#applyEarly(started);
          return { kind: 'started', instance: await this.#drainParked(instance, machine), early };
        }
      }
      if (optimistic) {
        optimistic = false; // it existed: read it now, no need to wait
        continue;
      }
      await sleep(backoff(attempt));
    }
    throw new Error(`Correlation ${workflow.workflowId}:${correlation} stayed contended`);
  }

  /**
   * Notes the newest generation (2 and later) for the next event's look-up: an insert for the
   * second, `$max` for later ones. Only a hint: without one, generations are probed from 1.
   */
  async #noteLatest(workflowId: string, correlation: string, generation: number): Promise<void> {
    const _id = correlationKeyOf(workflowId, correlation);
    const raise = () =>
      this.#commits.update(this.#models.Correlations, {
        updateOne: { filter: { _id }, update: { $max: { latest: generation } }, upsert: true },
      });
    await (
      generation === 2
        ? this.#commits.insert(this.#models.Correlations, { _id, latest: 2 }).catch(raise)
        : raise()
    ).catch(() => undefined);
  }

  /** The newest instance of a workflow for a correlation value: a hint plus `_id` probes. */
  async #latestInstance(
    workflowId: string,
    correlation: string,
    fresh: boolean,
  ): Promise<InstanceRecord | null> {
    // An active instance this process stepped: no newer one can have started meanwhile.
    const known = fresh ? undefined : this.#active.newest(`${workflowId}:${correlation}`);
    if (known) return known;
    const find = async (n: number) => {
      const id = instanceId(workflowId, correlation, n);
      const unwritten = this.steps.unwritten(id);
      if (unwritten) return unwritten;
      const stored = await this.#commits.read(this.#models.Instances, id);
      return stored ? instanceJson.decode(stored) : null;
    };
    // The hint and the first generation are read together: most correlation values (an order)
    // only ever have one instance, so that is one round trip instead of two.
    const [hint, first] = await Promise.all([
      this.#commits.read(
        this.#models.Correlations,
        correlationKeyOf(workflowId, correlation),
      ) as Promise<{ latest: number; early?: boolean } | null>,
      find(1),
    ]);
    if (hint?.early) this.#earlyHints.add(correlationKeyOf(workflowId, correlation));
    let generation = hint?.latest ?? 0;
    let found = generation > 1 ? await find(generation) : generation === 1 ? first : null;
    if (generation === 0) {
      // Generations start at 1 and each needs the one before: none at 1, none at all.
      if (!first) return null;
      found = first;
      generation = 1;
    }
    // While the newest instance is active no newer one can start (one active instance per
    // workflow and correlation value), so there is nothing to probe.
    if (found?.status === 'active') return found;
    for (;;) {
      const next = await find(generation + 1);
      if (!next) return found;
      found = next;
      generation++;
    }
  }

  /**
   * Applies one event with the instance's queue held. Null when another process won. `window`:
   * the step's commit window when nobody waits on it to answer (a quiet step lingers instead).
   */
  async #applyHeld(
    instance: InstanceRecord,
    event: InstanceEvent,
    unparking = false,
    window?: CommitWindow,
  ): Promise<ApplyResult | null> {
    if (!unparking && instance.recentEvents.includes(event.key))
      return { kind: 'duplicate', instance };
    if (instance.status !== 'active')
      return { kind: 'ignored', instance, reason: 'ended', text: ignoredReasonText('ended') };
    const machine = await this.#catalog.machine(instance.workflowId, instance.version);
    const parked = unparking ? instance.parked.filter((p) => p.key !== event.key) : instance.parked;
    const recentEvents = remember(instance.recentEvents, event.key);
    if (!acceptedEvents(machine, instance.snapshot).includes(event.type)) {
      if (HOST_EVENTS.has(event.type))
        return { kind: 'ignored', instance, reason: 'stale', text: ignoredReasonText('stale') };
      const next = await this.steps.commit(
        instance,
        { ...event, parked: true } as InstanceEvent,
        {
          snapshot: instance.snapshot,
          node: instance.node,
          status: instance.status,
          path: [],
          effects: [],
          parked: [...parked, event].slice(-this.#maxParked),
          recentEvents,
        },
        new Date(),
        window,
      );
      return next ? { kind: 'parked', instance: next } : null;
    }
    let result: StepResult;
    try {
      result = step(machine, instance.snapshot, journeyEventOf(event));
    } catch (error) {
      if (error instanceof EventNotAcceptedError || error instanceof InvalidEventError)
        return { kind: 'ignored', instance, reason: error.message, text: ignoredReasonText(error) };
      throw error;
    }
    const next = await this.steps.commit(
      instance,
      event,
      transitionOf(result, parked, recentEvents),
      new Date(),
      lingerForStep(event.type, result.effects) ?? window,
    );
    if (!next) return null;
    return { kind: 'applied', instance: await this.#drainParked(next, machine) };
  }

  /**
   * Applies the order events that came before this instance started (the hint said so), in
   * arrival order: each moves the journey on or is parked until it waits for it.
   */
  async #applyEarly(
    instance: InstanceRecord,
  ): Promise<{ instance: InstanceRecord; early: InstanceEvent[] }> {
    const key = correlationKeyOf(instance.workflowId, instance.correlation);
    if (!this.#earlyHints.delete(key)) return { instance, early: [] };
    const { events, clear } = await this.early.take(key);
    let current = instance;
    const applied: InstanceEvent[] = [];
    for (const event of events) {
      const result = await this.#applyHeld(current, event);
      if (!result) return { instance: current, early: applied }; // another process took over
      applied.push(event);
      current = result.instance;
      if (current.status !== 'active') break;
    }
    await clear();
    return { instance: current, early: applied };
  }

  /** Applies parked events the journey now waits for, oldest first. */
  async #drainParked(instance: InstanceRecord, known?: JourneyMachine): Promise<InstanceRecord> {
    let current = instance;
    const machine = known ?? (await this.#catalog.machine(instance.workflowId, instance.version));
    for (;;) {
      if (current.status !== 'active') return current;
      const accepted = acceptedEvents(machine, current.snapshot);
      const next = current.parked.find((p) => accepted.includes(p.type));
      if (!next) return current;
      const result = await this.#applyHeld(current, next, true);
      if (!result) return current; // another process took over; it drains
      if (result.kind === 'ignored') {
        // Accepted type, but the node refused it (a guard): drop it from the parked list.
        const dropped = await this.steps.commit(
          current,
          { ...next, key: `${next.key}:dropped` },
          {
            snapshot: current.snapshot,
            node: current.node,
            status: current.status,
            path: [],
            effects: [],
            parked: current.parked.filter((p) => p.key !== next.key),
            recentEvents: current.recentEvents,
          },
          new Date(),
        );
        if (!dropped) return current;
        current = dropped;
      } else {
        current = result.instance;
      }
    }
  }
}

/** No instance has this id. */
export class UnknownInstanceError extends Error {
  readonly instanceId: string;
  constructor(id: string) {
    super(`No instance with id ${id}`);
    this.instanceId = id;
  }
}

function transitionOf(
  result: StepResult,
  parked: InstanceEvent[],
  recentEvents: string[],
): Transition {
  return {
    snapshot: result.snapshot,
    node: result.node,
    status: statusOf(result.status),
    path: result.path,
    effects: result.effects,
    parked,
    recentEvents,
  };
}

function statusOf(status: StepResult['status']): InstanceStatus {
  return status === 'active' ? 'active' : 'done';
}

function remember(keys: string[], key: string): string[] {
  return [...keys.filter((k) => k !== key), key].slice(-RECENT_EVENTS);
}

/** When a started journey's trigger happened (its context's `startedAt`), else now. */
function startedAtOf(result: StepResult): Date {
  const at = new Date(result.snapshot.context.startedAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** `order-lifecycle:O-1:2` → `order-lifecycle:O-1`: one queue per workflow and correlation. */
function queueKeyOf(instance: string): string {
  return instance.slice(0, instance.lastIndexOf(':'));
}

/** Whether a workflow starts on events of this type or has a node that waits for them. */
function takes(workflow: RoutableWorkflow, type: string): boolean {
  return workflow.trigger.event === type || workflow.awaitedByAnyVersion.has(type);
}

function correlationValue(data: JsonObject, path: string): string | undefined {
  const value = readPath(data, path);
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function backoff(attempt: number): number {
  return Math.min(5 + attempt * 10, 200) + Math.random() * 10;
}
