import type { RuntimeModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import { IDS_PER_LIST } from '../model/id-lists.ts';
import { oldestTime } from '../model/oldest-entry.ts';
import { stepJson, type InstanceRecord, type StepRecord } from '../model/instance.model.ts';

/** A recorded step as the draft replay reads it (without the snapshot). */
export type ReplayedStep = Omit<StepRecord, 'snapshot' | 'created'>;

/** An instance as the draft replay lists it. */
export type ReplayedInstance = Pick<InstanceRecord, '_id' | 'correlation' | 'status' | 'revision'>;

/** The journey store's backlog the metrics report: events, steps and effects waiting. */
export interface JourneyBacklog {
  /** Events recorded but not processed yet. */
  inbox: number;
  /** Committed steps whose effects are not dispatched yet. */
  outbox: number;
  /** Effects waiting for an operator. */
  deadLetters: number;
  /** When the oldest event still in the inbox was received; absent when it is empty. */
  oldestInboxAt?: Date;
  /** When the oldest outbox note was written or last taken over; absent when it is empty. */
  oldestOutboxAt?: Date;
}

/**
 * What other domains read of the runtime's collections (the draft replay, analytics, the
 * connections page, metrics). The runtime owns events, instances, steps and effects; the others
 * ask here, never the collections.
 */
export class JourneyRecords {
  readonly #models: RuntimeModels;

  constructor(models: RuntimeModels) {
    this.#models = models;
  }

  /** The newest `limit` instances of a journey's version, newest first. */
  newestOfVersion(workflowId: string, version: number, limit: number): Promise<ReplayedInstance[]> {
    return this.#models.Instances.find({ workflowId, version })
      .select({ _id: 1, correlation: 1, status: 1, revision: 1 })
      .sort({ startedAt: -1, _id: 1 })
      .limit(limit)
      .lean<ReplayedInstance[]>();
  }

  /**
   * Each instance's steps 1..`revision` in order (without snapshots), or `history-pruned` when
   * its first step is gone, in the order of `instances`. The first steps of all are looked for
   * at once, then the histories are read a list of ids ({@link IDS_PER_LIST}) at a time, so a
   * replay of 500 instances is a few reads, not two per instance, and holds only about one
   * list's steps at a time.
   */
  async *histories<I extends Pick<InstanceRecord, '_id' | 'revision'>>(
    instances: readonly I[],
  ): AsyncGenerator<[I, ReplayedStep[] | 'history-pruned']> {
    // A pruned history lacks its first step: look for it before reading up to 1000 others.
    const firsts = instances.filter((i) => i.revision > 0).map((i) => `${i._id}#1`);
    const kept = new Set(
      (await findByIds(this.#models.Steps, firsts, { _id: 1 })).map((step) => step._id),
    );
    const pruned = (i: I) => i.revision > 0 && !kept.has(`${i._id}#1`);
    let batch: I[] = [];
    let size = 0;
    for (const instance of instances) {
      const steps = pruned(instance) ? 0 : instance.revision;
      if (size > 0 && size + steps > IDS_PER_LIST) {
        yield* this.#read(batch, pruned);
        [batch, size] = [[], 0];
      }
      batch.push(instance);
      size += steps;
    }
    if (batch.length > 0) yield* this.#read(batch, pruned);
  }

  /** The histories of `batch`, read in one list of step ids. */
  async *#read<I extends Pick<InstanceRecord, '_id' | 'revision'>>(
    batch: I[],
    pruned: (instance: I) => boolean,
  ): AsyncGenerator<[I, ReplayedStep[] | 'history-pruned']> {
    const ids = batch
      .filter((instance) => !pruned(instance))
      .flatMap((i) => Array.from({ length: i.revision }, (_, n) => `${i._id}#${n + 1}`));
    const found = stepJson.decodeAll(
      await findByIds(this.#models.Steps, ids, { snapshot: 0, created: 0 }),
    );
    const byInstance = new Map<string, ReplayedStep[]>();
    for (const step of found) {
      const steps = byInstance.get(step.instanceId);
      if (steps) steps.push(step);
      else byInstance.set(step.instanceId, [step]);
    }
    for (const instance of batch)
      yield pruned(instance)
        ? [instance, 'history-pruned']
        : [instance, (byInstance.get(instance._id) ?? []).sort((a, b) => a.revision - b.revision)];
  }

  /**
   * How many of a journey's running instances rest at each node; with `triggeredIn`, only those
   * whose trigger event's time it accepts (a funnel's period). That time is the instance's
   * `startedAt` (the runtime sets it to the trigger's time, `context.startedAt`, by which the
   * funnel's days count its steps); an instance started before that version has the time the
   * runtime took its trigger in, milliseconds later but for a backlog or a recovery.
   */
  async resting(
    workflowId: string,
    triggeredIn: (triggeredAt: Date) => boolean = () => true,
  ): Promise<Record<string, number>> {
    const active = await this.#models.Instances.find({ workflowId, status: 'active' })
      .select({ node: 1, startedAt: 1 })
      .lean<{ node: string; startedAt: Date }[]>();
    const resting: Record<string, number> = {};
    for (const { node, startedAt } of active)
      if (triggeredIn(new Date(startedAt))) resting[node] = (resting[node] ?? 0) + 1;
    return resting;
  }

  /** The newest event received from a source, or null. */
  lastEventFrom(source: string): Promise<{ type: string; receivedAt: Date } | null> {
    return this.#models.Events.findOne({ source })
      .sort({ receivedAt: -1 })
      .select({ type: 1, receivedAt: 1 })
      .lean<{ type: string; receivedAt: Date } | null>();
  }

  /**
   * The backlog's counts: the store's document counts without a filter (no scan by a field:
   * FerretDB indexes only `_id`), and how old the inbox's and outbox's oldest entries are
   * ({@link oldestTime}): work a live process holds and never finishes is taken over by no
   * sweep, and shows here as an age that keeps growing.
   */
  async backlog(): Promise<JourneyBacklog> {
    const { Inbox, Outbox, DeadLetters } = this.#models;
    const [inbox, outbox, deadLetters] = await Promise.all([
      Inbox.estimatedDocumentCount(),
      Outbox.estimatedDocumentCount(),
      DeadLetters.estimatedDocumentCount(),
    ]);
    const [oldestInboxAt, oldestOutboxAt] = await Promise.all([
      oldestTime(Inbox, 'receivedAt', inbox),
      oldestTime(Outbox, 'claimedAt', outbox),
    ]);
    return {
      inbox,
      outbox,
      deadLetters,
      ...(oldestInboxAt ? { oldestInboxAt } : {}),
      ...(oldestOutboxAt ? { oldestOutboxAt } : {}),
    };
  }
}
