import type { Effect, JourneySnapshot, PathStep } from '@xiaoer/engine';
import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import { GroupCommit, type Gathering } from '../model/group-commit.ts';
import { FULL_SWEEP_EVERY, mayHoldBefore } from '../model/oldest-entry.ts';
import {
  instanceJson,
  stepJson,
  stepKey,
  type InstanceEvent,
  type InstanceIdentity,
  type InstanceRecord,
  type InstanceStatus,
  type OutboxEntry,
  type StepRecord,
} from '../model/instance.model.ts';
import { dataChanges } from './data-changes.ts';
import { UnwrittenInstances } from './unwritten-instances.ts';
import { abandoned, abandonedBefore, type ProcessLiveness } from './process-liveness.ts';
import { outcomeOf } from '../model/instance-outcome.ts';
import { findByIds } from '../model/find-by-ids.ts';
import { deleteByIds } from '../model/delete-by-ids.ts';
import { claimedBy, OutboxNotes, stepsOf } from './outbox-notes.ts';

/** What a step changes: computed by the engine (or by an operator action such as cancel). */
export interface Transition {
  snapshot: JourneySnapshot;
  node: string;
  status: InstanceStatus;
  path: PathStep[];
  effects: Effect[];
  parked: InstanceEvent[];
  recentEvents: string[];
}

/** Performs the effects of a committed step: idempotent, it may run twice after a crash. */
export interface EffectSink {
  /**
   * `recovered`: the step is dispatched again (its first dispatch may have done some or all of
   * it), not by the process that just committed it.
   */
  dispatch(
    instance: InstanceRecord,
    step: StepRecord,
    options?: { recovered?: boolean },
  ): Promise<void>;
}

/**
 * Told of every step this process committed or finished for a crashed one (metrics,
 * analytics), with the time of the instance's previous step when known (it entered the node it
 * left then; unknown for the first step and for steps finished by recovery).
 */
export type CommittedListener = (
  instance: InstanceRecord,
  step: StepRecord,
  previousAt?: Date,
) => void;

/** Before its first step an instance is only its identity, at revision 0. */
export type NewInstance = InstanceIdentity & { revision: 0 };
type Stepping = InstanceRecord | NewInstance;

/**
 * Commits steps so that no update is lost even when processes race or crash, on a store whose
 * only atomic operation is inserting a unique `_id` (FerretDB 1.x):
 *
 * 1. note the step's key `instance#revision` in the outbox: one note for the steps this
 *    process records together ({@link OutboxNotes});
 * 2. insert the step record naming that note — the claim: a duplicate means someone else
 *    made this step, so the caller reloads and tries again;
 * 3. roll the instance document forward to that record;
 * 4. dispatch the effects; 5. the note goes once all of its steps were dispatched.
 *
 * A crash after 1 leaves a note that {@link StepLog.recover} finishes once it is older than
 * `staleAfterMs` (or its process stopped beating): each step it names whose record names it.
 */
export class StepLog {
  readonly #models: RuntimeModels;
  readonly #sink: EffectSink;
  readonly #staleAfterMs: number;
  readonly #onError: (error: unknown, step: string) => void;
  readonly #afterStep: (instance: string, revision: number) => Promise<void>;
  readonly #dispatching = new Set<Promise<unknown>>();
  readonly #inFlight = new Set<string>();
  readonly #notes: OutboxNotes;
  readonly #listeners = new Set<CommittedListener>();
  readonly #commits: GroupCommit;
  readonly #unwritten: UnwrittenInstances;
  readonly #liveness: ProcessLiveness | undefined;
  #sweeps = 0;

  constructor(
    models: RuntimeModels,
    sink: EffectSink,
    staleAfterMs: number,
    onError: (error: unknown, step: string) => void,
    afterStep: (instance: string, revision: number) => Promise<void> = async () => undefined,
    commits = new GroupCommit(),
    liveness?: ProcessLiveness,
  ) {
    this.#liveness = liveness;
    this.#commits = commits;
    this.#notes = new OutboxNotes(models, commits, liveness?.id);
    this.#afterStep = afterStep;
    this.#models = models;
    this.#sink = sink;
    this.#staleAfterMs = staleAfterMs;
    this.#onError = onError;
    this.#unwritten = new UnwrittenInstances(
      async (instance, stored) => {
        // Written by recovery meanwhile (this process was slow), or an instance of this
        // generation existed: the steps' outbox notes stay, recovery reconciles.
        if (!(await this.#writeInstance(instance, stored)))
          throw new Error(`Instance ${instance._id} existed before its first write`);
      },
      (error, instance) => this.#onError(error, instance),
    );
  }

  /**
   * Calls `listener` (synchronously; it must not throw) after each step is written, before its
   * effects are dispatched. Returns a function that stops it.
   */
  onCommitted(listener: CommittedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Commits a step on `instance` (or creates it: pass `revision: 0`). Null when contended.
   * `gathering`: for a step nothing outside waits on ({@link isQuietStep}), its note and its
   * record may each linger that long to share a write with other such steps'; for one whose
   * event's sender has its answer already, its note waits in a commit window
   * (runtime/answered-steps.ts) and the records of the steps it gathered go together.
   */
  async commit(
    instance: Stepping,
    event: InstanceEvent,
    transition: Transition,
    at: Date,
    gathering?: Gathering,
  ): Promise<InstanceRecord | null> {
    const revision = instance.revision + 1;
    const key = stepKey(instance._id, revision);
    // Noted before it is recorded: a record whose note is in the store is never lost.
    const note = await this.#notes.note(key, gathering);
    const record: StepRecord = {
      _id: key,
      instanceId: instance._id,
      revision,
      at,
      event,
      from: 'node' in instance ? instance.node : null,
      to: transition.node,
      path: transition.path,
      dataChanges: dataChanges(
        'snapshot' in instance ? instance.snapshot.context.data : {},
        transition.snapshot.context.data,
      ),
      effects: transition.effects,
      status: transition.status,
      snapshot: transition.snapshot,
      ...(instance.revision === 0 ? { created: identityOf(instance) } : {}),
      note,
    };
    try {
      // The steps a commit window gathered come back from their note together and their
      // records go together at once; a quiet step's record lingers like its note.
      await this.#commits.insert(
        this.#models.Steps,
        stepJson.encode(record),
        typeof gathering === 'number' ? gathering : undefined,
      );
    } catch (error) {
      if (!isDuplicateKey(error)) {
        // Perhaps written all the same (the answer was lost): recovery looks once it is stale.
        this.#notes.abandon(key);
        throw error;
      }
      // Another process made this step (ours was computed on a stale copy): its record names
      // its own note, so ours has nothing to recover for this key.
      await this.#notes.release(key);
      // The stored document may lag the steps (written behind them, or a late write of a
      // stalled process): roll it forward, so that the caller's next read is current.
      await this.#catchUp(instance._id);
      return null;
    }
    const next = await this.#stepForward(instance, record, transition);
    const previousAt = 'updatedAt' in instance ? instance.updatedAt : undefined;
    for (const listener of this.#listeners) listener(next, record, previousAt);
    this.#dispatch(next, record);
    await this.#afterStep(instance._id, revision);
    return next;
  }

  /**
   * Dispatches a committed step's effects without holding up the caller: an effect may run at
   * once and report back to this same instance, whose queue the caller still holds. The
   * step's note stays until dispatch finished, so a crash or an error leaves it to recovery.
   */
  #dispatch(instance: InstanceRecord, record: StepRecord): void {
    this.#inFlight.add(record._id);
    const ended = this.#unwritten.dispatching(instance._id);
    const work = this.#sink
      .dispatch(instance, record)
      .finally(ended)
      // The note goes once the effects are out and the instance's document shows it.
      .then(() => this.#unwritten.written(instance._id))
      .then(
        () => this.#notes.release(record._id),
        (error: unknown) => {
          this.#notes.abandon(record._id);
          throw error;
        },
      )
      .catch((error: unknown) => this.#onError(error, record._id))
      .finally(() => {
        this.#dispatching.delete(work);
        this.#inFlight.delete(record._id);
      });
    this.#dispatching.add(work);
  }

  /** A new instance this process stepped whose document is not written yet (for a moment). */
  unwritten(id: string): InstanceRecord | undefined {
    return this.#unwritten.get(id);
  }

  /** Writes the instance's document now if it lags its steps. */
  async flush(id: string): Promise<void> {
    await this.#unwritten.flush(id);
  }

  /** Resolves when every dispatch started so far has finished. */
  async idle(): Promise<void> {
    while (this.#dispatching.size > 0) {
      await Promise.all(this.#dispatching);
      await this.#unwritten.flushAll();
    }
    await this.#unwritten.flushAll();
  }

  /**
   * Finishes the steps of outbox notes older than `olderThanMs` (default: stale), or whose
   * process stopped beating, left by crashed processes; returns how many steps they named. At
   * start-up pass 0: no note in the store then belongs to a live step here.
   */
  async recover(olderThanMs = this.#staleAfterMs, now = Date.now()): Promise<number> {
    // Stale by age, or held by a process that stopped beating (gone within seconds).
    const before = abandonedBefore(olderThanMs, this.#liveness, now);
    // Most sweeps find nothing old: one document tells. Every fifth reads everything anyway
    // (on PostgreSQL, storage order is not insertion order).
    if (++this.#sweeps % FULL_SWEEP_EVERY !== 0)
      if (!(await mayHoldBefore(this.#models.Outbox, 'claimedAt', before))) return 0;
    const notes = (
      await abandoned(
        await this.#models.Outbox.find({ claimedAt: { $lt: before } }).lean<OutboxEntry[]>(),
        (entry) => entry.claimedAt,
        olderThanMs,
        this.#liveness,
        now,
      )
    ).filter((note) => !this.#notes.owns(note._id)); // this process is still on those
    if (notes.length === 0) return 0;
    const keys = notes.flatMap(stepsOf);
    const records = new Map(
      (await findByIds(this.#models.Steps, keys)).map((stored) => {
        const record = stepJson.decode(stored);
        return [record._id, record] as const;
      }),
    );
    // Steps of one instance together and in order: a crash may leave several (a new instance
    // is written after its first steps), and each rolls the instance forward from the one
    // before. A step never recorded, or recorded by someone else under a note of theirs, is
    // not this note's to finish. One instance that cannot be recovered now does not hold up
    // the others; its notes stay for the next sweep.
    const byInstance = new Map<string, { record: StepRecord; note: string }[]>();
    const kept = new Set<string>();
    for (const note of notes)
      for (const key of stepsOf(note)) {
        if (this.#inFlight.has(key)) {
          kept.add(note._id); // slow, not lost: this process is on it
          continue;
        }
        const record = records.get(key);
        if (!record || !claimedBy(note, record)) continue;
        const steps = byInstance.get(record.instanceId);
        if (steps) steps.push({ record, note: note._id });
        else byInstance.set(record.instanceId, [{ record, note: note._id }]);
      }
    for (const [instanceId, steps] of byInstance)
      await this.#recoverInstance(
        instanceId,
        steps.map((step) => step.record).sort((a, b) => a.revision - b.revision),
      ).catch((error: unknown) => {
        for (const step of steps) kept.add(step.note);
        this.#onError(error, steps[0]?.record._id ?? instanceId);
      });
    await deleteByIds(
      this.#models.Outbox,
      notes.filter((note) => !kept.has(note._id)).map((note) => note._id),
    );
    return keys.length;
  }

  /**
   * Finishes the abandoned steps of one instance: rolls the document forward through every
   * recorded step, then dispatches each step's effects again in order. Rolled forward first,
   * so that an earlier step's effect reporting its result meets the instance as its last
   * recorded step left it: taken one step at a time, that report contended forever with the
   * dead process's claim on the next revision, which recovery would only have reached after it.
   */
  async #recoverInstance(instanceId: string, recorded: StepRecord[]): Promise<void> {
    if (recorded.length === 0) return;
    const stored = await this.#models.Instances.findById(instanceId).lean();
    let current = stored ? instanceJson.decode(stored) : null;
    const redo: StepRecord[] = [];
    for (const record of recorded) {
      if (!current || current.revision < record.revision) {
        const next = await this.#rollForwardFromRecord(current, record);
        if (next) for (const listener of this.#listeners) listener(next, record);
        current = next ?? current;
        // A step the document cannot reach (a gap) is not dispatched.
        if (next) redo.push(record);
      } else redo.push(record);
    }
    for (const record of redo)
      if (current) await this.#sink.dispatch(current, record, { recovered: true });
  }

  /**
   * The instance after a step this process just committed, its document written behind the
   * step ({@link UnwrittenInstances}): once for a quick run of steps.
   */
  async #stepForward(
    instance: Stepping,
    record: StepRecord,
    transition: Transition,
  ): Promise<InstanceRecord> {
    const next = nextInstance(instance, record, transition);
    await this.#unwritten.stepped(next, instance.revision);
    return next;
  }

  /**
   * Writes an instance's document: inserts a new one (`stored` 0), rolls a stored one forward
   * from revision `stored`. False when the new one existed already.
   */
  async #writeInstance(instance: InstanceRecord, stored: number): Promise<boolean> {
    const document = instanceJson.encode(instance);
    if (stored > 0) {
      const { _id, ...fields } = document;
      // Forward only: over an older revision, never over a newer one (FerretDB finds the
      // document by its `_id`, docs/store.md, then applies the rest of the filter). A document
      // a late write of a stalled process left behind is mended by the next step (#catchUp).
      await this.#commits.update(this.#models.Instances, {
        updateOne: {
          filter: { _id, revision: { $lt: instance.revision } },
          update: { $set: fields },
        },
      });
      return true;
    }
    try {
      await this.#commits.insert(this.#models.Instances, document);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }

  /** Rolls the stored instance forward through the steps recorded after its revision. */
  async #catchUp(id: string): Promise<void> {
    const stored = await this.#models.Instances.findById(id).lean();
    let current = stored ? instanceJson.decode(stored) : null;
    while (current) {
      const step = await this.#models.Steps.findById(stepKey(id, current.revision + 1)).lean();
      if (!step) return;
      current = await this.#rollForwardFromRecord(current, stepJson.decode(step));
    }
  }

  /** Recovery: rolls the stored instance forward to a step (an existing creation is kept). */
  async #rollForward(
    instance: Stepping,
    record: StepRecord,
    transition: Transition,
  ): Promise<InstanceRecord> {
    const next = nextInstance(instance, record, transition);
    await this.#writeInstance(next, instance.revision);
    return next;
  }

  async #rollForwardFromRecord(
    instance: InstanceRecord | null,
    record: StepRecord,
  ): Promise<InstanceRecord | null> {
    if (instance && instance.revision !== record.revision - 1) return null;
    const base: Stepping | undefined =
      instance ?? (record.created ? { ...record.created, revision: 0 } : undefined);
    if (!base) return null;
    return this.#rollForward(base, record, {
      snapshot: record.snapshot,
      node: record.to,
      status: record.status,
      path: record.path,
      effects: record.effects,
      parked: instance?.parked ?? [],
      recentEvents: [...(instance?.recentEvents ?? []), record.event.key].slice(-RECENT_EVENTS),
    });
  }
}

/** The instance as a step leaves it. */
function nextInstance(
  instance: Stepping,
  record: StepRecord,
  transition: Transition,
): InstanceRecord {
  return { ...instance, ...stepFields(record, transition) };
}

/** What a step changes in the instance's document. */
function stepFields(record: StepRecord, transition: Transition) {
  const outcome = outcomeOf(transition.status, transition.snapshot);
  return {
    snapshot: transition.snapshot,
    node: transition.node,
    status: transition.status,
    ...(outcome ? { outcome } : {}),
    revision: record.revision,
    pendingEffects: pendingKeys(record),
    recentEvents: transition.recentEvents,
    parked: transition.parked,
    updatedAt: record.at,
  };
}

/** How many applied event keys an instance remembers for deduplication. */
export const RECENT_EVENTS = 100;

/** Effect keys of a step that need work outside the instance (not timers). */
function pendingKeys(record: StepRecord): string[] {
  return record.effects
    .map((effect, index) => ({ effect, index }))
    .filter(({ effect }) => effect.kind !== 'schedule' && effect.kind !== 'cancel')
    .map(({ index }) => `${record.instanceId}:${record.revision}:${index}`);
}

function identityOf(instance: Stepping): InstanceIdentity {
  return {
    _id: instance._id,
    workflowId: instance.workflowId,
    version: instance.version,
    correlationKey: instance.correlationKey,
    correlation: instance.correlation,
    generation: instance.generation,
    startedAt: instance.startedAt,
  };
}
