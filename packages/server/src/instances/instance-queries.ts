import type { RuntimeModels } from '../model/models.ts';
import {
  outcomeOf,
  statusQuery,
  type InstanceOutcome,
  type ListStatus,
} from './instance-outcome.ts';
import { InstanceAlarms, type InstanceAlarm } from './instance-alarms.ts';
import { findByIds } from '../model/find-by-ids.ts';
import {
  instanceJson,
  stepJson,
  type InstanceRecord,
  type InstanceStatus,
  type StepRecord,
} from '../model/instance.model.ts';
import {
  effectJson,
  timerDueAt,
  timerKey,
  type DeadLetterRecord,
  type EffectRecord,
  type TimerFireRecord,
  type TimerRecord,
} from '../model/effect.model.ts';

export interface InstanceFilter {
  workflow?: string;
  version?: number;
  /** A stored status, or an outcome (`completed`, `failed`) of an ended instance. */
  status?: ListStatus;
  node?: string;
  correlation?: string;
}

export interface InstancePage {
  instances: InstanceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface InstanceSummary {
  id: string;
  workflowId: string;
  version: number;
  correlation: string;
  status: InstanceStatus;
  /** How it ended; absent while active. */
  outcome?: InstanceOutcome;
  node: string;
  revision: number;
  startedAt: Date;
  updatedAt: Date;
  /** In the list only: why its run needs a look (a failed effect, a message to nobody). */
  alarms?: InstanceAlarm[];
}

/** One entry of an instance's timeline. */
export type TimelineEntry = Omit<StepRecord, '_id' | 'instanceId' | 'snapshot' | 'created'>;

export interface InstanceDetail extends InstanceSummary {
  data: InstanceRecord['snapshot']['context']['data'];
  parked: InstanceRecord['parked'];
  timeline: TimelineEntry[];
  effects: Pick<EffectRecord, '_id' | 'effect' | 'status' | 'attempts' | 'lastError' | 'retries'>[];
  timers: Pick<TimerRecord, 'timerId' | 'dueAt' | 'status' | 'firedAt'>[];
  deadLetters: DeadLetterRecord[];
}

/** Reads instances for the API and the console; writes go through the runtime. */
export class InstanceQueries {
  readonly #models: RuntimeModels;

  readonly #maxSteps: number;
  readonly #unwritten: (id: string) => InstanceRecord | undefined;
  readonly #alarms: InstanceAlarms;

  /**
   * `maxSteps`: the history window kept per instance (older step records are pruned).
   * `unwritten`: a new instance this process stepped but has not written yet (written within
   * a moment): read from there, so a reader here never misses it.
   */
  constructor(
    models: RuntimeModels,
    maxSteps = 1000,
    unwritten: (id: string) => InstanceRecord | undefined = () => undefined,
  ) {
    this.#models = models;
    this.#maxSteps = maxSteps;
    this.#unwritten = unwritten;
    this.#alarms = new InstanceAlarms(models, maxSteps);
  }

  async list(filter: InstanceFilter, page: number, pageSize: number): Promise<InstancePage> {
    const query: Record<string, unknown> = filter.status ? statusQuery(filter.status) : {};
    if (filter.workflow !== undefined) query['workflowId'] = filter.workflow;
    if (filter.version !== undefined) query['version'] = filter.version;
    if (filter.node !== undefined) query['node'] = filter.node;
    if (filter.correlation !== undefined) query['correlation'] = filter.correlation;
    const [records, total] = await Promise.all([
      this.#models.Instances.find(query)
        .select({ snapshot: 0, recentEvents: 0, parked: 0 })
        .sort({ startedAt: -1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<InstanceRecord[]>(),
      this.#models.Instances.countDocuments(query),
    ]);
    const [outcomes, alarms] = await Promise.all([
      this.#outcomesOf(records),
      this.#alarms.of(records),
    ]);
    return {
      instances: records.map((record) => {
        const found = alarms.get(record._id);
        return {
          ...summaryOf(record, outcomes.get(record._id)),
          ...(found ? { alarms: found } : {}),
        };
      }),
      total,
      page,
      pageSize,
    };
  }

  /**
   * The outcomes of the ended instances among `records`: stored on each, or read from the
   * snapshot of one that ended before outcomes were stored and is not backfilled yet.
   */
  async #outcomesOf(records: InstanceRecord[]): Promise<Map<string, InstanceOutcome>> {
    const outcomes = new Map<string, InstanceOutcome>();
    for (const record of records) if (record.outcome) outcomes.set(record._id, record.outcome);
    const ended = records.filter((r) => r.status === 'done' && !r.outcome).map((r) => r._id);
    const stored = ended.length
      ? await findByIds(this.#models.Instances, ended, { status: 1, snapshot: 1 })
      : [];
    for (const instance of instanceJson.decodeAll(stored)) {
      const outcome = outcomeOf(instance.status, instance.snapshot);
      if (outcome) outcomes.set(instance._id, outcome);
    }
    for (const record of records)
      if (record.status === 'cancelled') outcomes.set(record._id, 'cancelled');
    return outcomes;
  }

  async get(id: string): Promise<InstanceDetail | null> {
    const unwritten = this.#unwritten(id);
    const stored = unwritten ? null : await this.#models.Instances.findById(id).lean();
    if (!stored && !unwritten) return null;
    const instance = unwritten ?? instanceJson.decode(stored);
    // Step ids are known (`id#1` … `id#revision`): lookups by `_id`, no scan of all history.
    // The first step is kept past the window (history pruning spares it): it starts the timeline.
    const first = Math.max(1, instance.revision - this.#maxSteps + 1);
    const stepIds = Array.from(
      { length: instance.revision - first + 1 },
      (_, i) => `${id}#${first + i}`,
    );
    if (first > 1) stepIds.unshift(`${id}#1`);
    // In revision order: the timeline's, and the timers' in the order they were set.
    const steps = stepJson
      .decodeAll(await findByIds(this.#models.Steps, stepIds, { snapshot: 0, created: 0 }))
      .sort((a, b) => a.revision - b.revision);
    const effectIds = steps.flatMap((s) =>
      s.effects
        .map((effect, index) => ({ effect, index }))
        .filter(({ effect }) => effect.kind !== 'schedule' && effect.kind !== 'cancel')
        .map(({ index }) => `${id}:${s.revision}:${index}`),
    );
    // A timer is its step's schedule effect (its slot in a bucket is not read here), and once
    // it ended, its end beside it; timers of older versions have a record of their own too.
    const scheduled = steps.flatMap((s) =>
      s.effects.flatMap((effect) => {
        if (effect.kind !== 'schedule') return [];
        const key = timerKey(id, effect.timerId);
        return [{ key, timerId: effect.timerId, dueAt: timerDueAt(effect, key, new Date(s.at)) }];
      }),
    );
    const timerIds = scheduled.map((timer) => timer.key);
    const [effects, timers, fires, deadLetters] = await Promise.all([
      findByIds(this.#models.Effects, effectIds).then((docs) => effectJson.decodeAll(docs)),
      findByIds(this.#models.Timers, timerIds) as Promise<TimerRecord[]>,
      findByIds(this.#models.TimerFires, timerIds) as Promise<TimerFireRecord[]>,
      findByIds(this.#models.DeadLetters, effectIds) as Promise<DeadLetterRecord[]>,
    ]);
    const endOf = new Map(fires.map((end) => [end._id, end]));
    const recordOf = new Map(timers.map((record) => [record._id, record]));
    return {
      ...summaryOf(instance, instance.outcome ?? outcomeOf(instance.status, instance.snapshot)),
      data: instance.snapshot.context.data,
      parked: instance.parked,
      timeline: steps.map(
        ({ _id: _i, instanceId: _n, snapshot: _s, created: _c, ...entry }) => entry,
      ),
      effects: effects
        .sort((a, b) => a.revision - b.revision || a.index - b.index)
        .map(({ _id, effect, status, attempts, lastError, retries }) => ({
          _id,
          effect,
          status,
          attempts,
          retries,
          ...(lastError ? { lastError } : {}),
        })),
      timers: scheduled.map(({ key, timerId, dueAt }) => {
        // Fired or cancelled is appended beside it (older versions updated the record).
        const end = endOf.get(key);
        const record = recordOf.get(key);
        const firedAt = end?.firedAt ?? record?.firedAt;
        return {
          timerId,
          dueAt: record?.dueAt ?? dueAt,
          status: firedAt
            ? ('fired' as const)
            : end?.cancelledAt
              ? ('cancelled' as const)
              : (record?.status ?? ('scheduled' as const)),
          ...(firedAt ? { firedAt } : {}),
        };
      }),
      deadLetters,
    };
  }

  /** Active instances per workflow id (one scan of the active instances). */
  async runningByWorkflow(): Promise<Record<string, number>> {
    const active = await this.#models.Instances.find({ status: 'active' })
      .select({ workflowId: 1 })
      .lean<{ workflowId: string }[]>();
    const counts: Record<string, number> = {};
    for (const { workflowId } of active) counts[workflowId] = (counts[workflowId] ?? 0) + 1;
    return counts;
  }

  async deadLetters(limit = 500): Promise<DeadLetterRecord[]> {
    return this.#models.DeadLetters.find().sort({ at: -1 }).limit(limit).lean<DeadLetterRecord[]>();
  }
}

function summaryOf(
  instance: InstanceRecord,
  outcome: InstanceOutcome | undefined,
): InstanceSummary {
  return {
    id: instance._id,
    workflowId: instance.workflowId,
    version: instance.version,
    correlation: instance.correlation,
    status: instance.status,
    ...(outcome ? { outcome } : {}),
    node: instance.node,
    revision: instance.revision,
    startedAt: instance.startedAt,
    updatedAt: instance.updatedAt,
  };
}
