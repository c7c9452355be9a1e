import { backoffStrategies, type Agenda, type Job } from 'agenda';
import type { Effect, ScheduleEffect } from '@xiaoer/engine';
import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import { GroupCommit } from '../model/group-commit.ts';
import {
  effectJson,
  effectKey,
  timerDueAt,
  timerKey,
  timerOfKey,
  type EffectRecord,
  type TimerRecord,
} from '../model/effect.model.ts';
import { stepKey, type InstanceRecord, type StepRecord } from '../model/instance.model.ts';
import type { EffectSink } from './step-log.ts';
import { RetryLater, type EffectExecutor } from './effect-executor.ts';
import type { JourneyRuntime } from './journey-runtime.ts';
import { UnknownInstanceError } from './journey-runtime.ts';
import { TimerBuckets } from './timer-buckets.ts';
import { ensureJob } from './job-markers.ts';

export const TIMER_JOB = 'xiaoer.timer';

/**
 * How long after its due time a timer whose instance is not in the store yet (its first step
 * is) is tried again: far longer than an instance's document may lag its steps, and than
 * recovery takes to roll a dead process's instances forward — also on a starved machine, where
 * a restarted server took over a minute to (a CI run at a tenth of a core: with 60 s here the
 * timers fired into nothing and their journeys waited for good).
 */
export const UNWRITTEN_INSTANCE_GRACE_MS = 10 * 60_000;

/**
 * When such a timer is tried again, by how late it is: a second at first, a quarter of its
 * lateness later on, at most 30 s (a few dozen tries in {@link UNWRITTEN_INSTANCE_GRACE_MS}).
 */
export function unwrittenInstanceRetryMs(lateMs: number): number {
  return Math.min(30_000, Math.max(1000, Math.round(lateMs / 4)));
}

/** How a timer's own job that failed (the store away, an instance long contended) is retried. */
const TIMER_JOB_RETRIES = { delay: 1000, factor: 2, maxDelay: 60_000, maxRetries: 10, jitter: 0.2 };
export const EFFECT_JOB = 'xiaoer.effect';

export interface DispatcherOptions {
  /** Attempts of a message or published event before it is dead-lettered. Default 5. */
  maxAttempts?: number;
  /** First retry delay; each next one doubles, with ±20 % jitter. Default 1 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  timerLockMs: number;
  effectLockMs: number;
  /**
   * Called when a timer fired, with how late it was (ms after its due time); not for a repeat
   * (its job ran twice) that the journey had applied already.
   */
  onTimerFired?: (latenessMs: number) => void;
  /** Batches writes with the rest of the process (group commit). */
  commits?: GroupCommit;
}

/**
 * Turns committed steps' effects into Agenda jobs: timers at their due time, the rest at once.
 * Every job may run twice (a crash, two processes): timers check their record and the
 * instance's applied-event keys, effects claim each attempt by a unique insert.
 */
export class EffectDispatcher implements EffectSink {
  readonly #models: RuntimeModels;
  readonly #agenda: Agenda;
  readonly #executor: EffectExecutor;
  readonly #options: DispatcherOptions;
  readonly #timers: TimerBuckets;
  readonly #commits: GroupCommit;
  readonly #maxAttempts: number;
  #runtime: JourneyRuntime | undefined;

  constructor(
    models: RuntimeModels,
    agenda: Agenda,
    executor: EffectExecutor,
    options: DispatcherOptions,
  ) {
    this.#models = models;
    this.#agenda = agenda;
    this.#executor = executor;
    this.#options = options;
    this.#commits = options.commits ?? new GroupCommit();
    const maxAttempts = options.maxAttempts ?? 5;
    this.#maxAttempts = maxAttempts;
    // lockLimit: a process locks at most this many due jobs ahead, so one process does not
    // hoard a backlog that others could run, and filling the queue stays short.
    // Timers normally fire from their bucket's job; a timer added to a bucket that has fired
    // already (due now or in the past) gets a job of its own.
    agenda.define<{ timer: string; dueAt?: string }>(
      TIMER_JOB,
      (job) => this.#fireTimer(job.attrs.data.timer, job.attrs.data.dueAt),
      {
        concurrency: 32,
        lockLimit: 64,
        lockLifetime: options.timerLockMs,
        // A timer is never dropped for a failure that passes: fired again, it changes nothing twice.
        backoff: backoffStrategies.exponential(TIMER_JOB_RETRIES),
      },
    );
    this.#timers = new TimerBuckets(models, agenda, {
      fire: (timer, dueAt) => this.#fire(timer, dueAt),
      scheduleAlone: (timer, runAt, dueAt) => this.#scheduleAlone(timer, runAt, dueAt),
      lockMs: options.timerLockMs,
      commits: this.#commits,
    });
    agenda.define<{ effect: string; attempt?: number }>(
      EFFECT_JOB,
      (job) => this.#runEffect(job, maxAttempts),
      {
        concurrency: 32,
        lockLimit: 64,
        lockLifetime: options.effectLockMs,
        backoff: backoffStrategies.exponential({
          delay: options.retryDelayMs ?? 1000,
          factor: 2,
          maxDelay: options.maxRetryDelayMs ?? 60_000,
          maxRetries: maxAttempts - 1,
          jitter: 0.2,
        }),
      },
    );
  }

  /**
   * Moves timers due within the next few minutes out of their far buckets (run every
   * `FAR_PROMOTE_EVERY_MS`, and at start to catch up after a stop).
   */
  promoteFarTimers(now?: number): Promise<number> {
    return this.#timers.promoteFar(now);
  }

  /** The runtime that effect results and fired timers go back to. */
  attach(runtime: JourneyRuntime): void {
    this.#runtime = runtime;
  }

  async dispatch(
    instance: InstanceRecord,
    step: StepRecord,
    { recovered = false }: { recovered?: boolean } = {},
  ): Promise<void> {
    for (const [index, effect] of step.effects.entries()) {
      const key = effectKey(instance._id, step.revision, index);
      if (effect.kind === 'schedule') await this.#schedule(instance._id, step, effect, recovered);
      else if (effect.kind === 'cancel') await this.#cancel(instance._id, effect.timerId);
      else if (!recovered) {
        // Dispatched by the process that just committed the step: the effect is new. Its
        // record is written once, with the first attempt's outcome, and the step's outbox
        // note (held until this dispatch ends) is the attempt's claim: recovery leaves it
        // alone while this process lives and the note is not stale.
        await this.#runNow(effectRecord(instance._id, step.revision, index, key, effect), false);
      } else {
        const { state, record } = await this.#record(
          instance._id,
          step.revision,
          index,
          key,
          effect,
        );
        // A new effect runs here and now, straight from its step; Agenda only sees retries
        // and what a crashed process left (re-dispatched by the step log's recovery).
        if (state === 'new') await this.#runNow(record, true);
        else if (state === 'pending')
          await ensureJob(this.#models, `effect:${key}`, false, () =>
            this.#agenda.now(EFFECT_JOB, { effect: key }),
          );
      }
    }
  }

  /**
   * The first attempt of a new effect, in this process. A retry goes to Agenda with the next
   * attempt's number after the backoff; the dispatch (and so the step's outbox note) waits for
   * the attempt, so a crash before it ended leaves the step to recovery.
   */
  async #runNow(record: EffectRecord, stored: boolean): Promise<void> {
    try {
      const busy = await this.#executor.run(this.#requireRuntime(), record, 1, this.#maxAttempts, {
        stored,
      });
      // Another process holds the first attempt (it recovered this step while this one was
      // slow): the job looks again once that claim would be stale.
      if (busy)
        await ensureJob(this.#models, `effect:${record._id}:after:${busy.claim}`, false, () =>
          this.#agenda.schedule(busy.busyUntil, EFFECT_JOB, { effect: record._id }),
        );
    } catch (error) {
      if (!(error instanceof RetryLater)) throw error;
      const delay = retryDelay(this.#options, 1);
      await this.#agenda.schedule(new Date(Date.now() + delay), EFFECT_JOB, {
        effect: record._id,
        attempt: 2,
      });
    }
  }

  /**
   * Puts a dead-lettered effect back to work; the caller records who asked. Null for an
   * unknown key; `retried: false` when the effect is not dead-lettered.
   */
  async retry(key: string): Promise<{ record: EffectRecord; retried: boolean } | null> {
    const stored = await this.#models.Effects.findById(key).lean();
    if (!stored) return null;
    const record = effectJson.decode(stored);
    if (record.status !== 'dead') return { record, retried: false };
    await this.#models.Effects.updateOne(
      { _id: key },
      { $set: { status: 'pending', updatedAt: new Date() }, $inc: { retries: 1 } },
    );
    await this.#models.DeadLetters.deleteOne({ _id: key });
    await this.#agenda.now(EFFECT_JOB, { effect: key });
    return { record: { ...record, status: 'pending', retries: record.retries + 1 }, retried: true };
  }

  /**
   * Puts a timer into its bucket: its slot is the timer (no record of its own). A step
   * dispatched again after a crash (`recovered`) puts it there again, at the same due time: a
   * timer in two slots still fires once, and one that ended meanwhile finds its end.
   */
  async #schedule(
    instance: string,
    step: StepRecord,
    effect: ScheduleEffect,
    recovered: boolean,
  ): Promise<void> {
    const key = timerKey(instance, effect.timerId);
    await this.#timers.add(key, timerDueAt(effect, key, new Date(step.at)), recovered);
  }

  /** A timer's job of its own, run at `runAt`; it carries the timer's due time. */
  #scheduleAlone(timer: string, runAt: Date, dueAt: Date): Promise<unknown> {
    return this.#agenda.schedule(runAt, TIMER_JOB, { timer, dueAt: dueAt.toISOString() });
  }

  /**
   * Cancels a timer by appending its end (an insert, group-committed: no update on the path of
   * the event that made the journey leave its node). One that fired first keeps its mark.
   */
  async #cancel(instance: string, timerId: string): Promise<void> {
    const key = timerKey(instance, timerId);
    await this.#commits
      .insert(this.#models.TimerFires, { _id: key, cancelledAt: new Date() })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
  }

  /**
   * Records the effect: `new`, or it existed and is still `pending`, or is `final`; with the
   * record as this dispatch made it.
   */
  async #record(
    instance: string,
    revision: number,
    index: number,
    key: string,
    effect: Effect,
  ): Promise<{ state: 'new' | 'pending' | 'final'; record: EffectRecord }> {
    const record = effectRecord(instance, revision, index, key, effect);
    try {
      await this.#commits.insert(this.#models.Effects, effectJson.encode(record));
      return { state: 'new', record };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.#models.Effects.findById(key).select({ status: 1 }).lean();
      return { state: existing?.status === 'pending' ? 'pending' : 'final', record };
    }
  }

  /** Fires a timer unless it was cancelled or has fired (its job may run twice). */
  async #fireTimer(key: string, dueAt: string | undefined): Promise<void> {
    await (
      await this.#fire(key, dueAt === undefined ? undefined : new Date(dueAt))
    ).marked;
  }

  /**
   * The timer to fire: from its key and its due time (its slot's, or its job's), once no end
   * was recorded for it (one read). A job an older version made carries no due time: the
   * timer's record tells it (and a cancellation stored on it).
   */
  async #timerToFire(
    key: string,
    dueAt: Date | undefined,
  ): Promise<Pick<TimerRecord, 'instanceId' | 'timerId' | 'dueAt'> | null> {
    const [ended, stored] = await Promise.all([
      this.#commits.read(this.#models.TimerFires, key),
      dueAt
        ? undefined
        : (this.#commits.read(this.#models.Timers, key) as Promise<TimerRecord | null>),
    ]);
    if (ended) return null;
    if (dueAt) return { ...timerOfKey(key), dueAt };
    return stored?.status === 'scheduled' ? stored : null;
  }

  /**
   * Fires a timer unless it was cancelled or has fired; resolves once it took effect, with
   * `marked`, which settles once its fire mark is stored.
   */
  async #fire(key: string, dueAt?: Date): Promise<{ marked: Promise<void> }> {
    const unmarked = { marked: Promise.resolve() };
    const runtime = this.#requireRuntime();
    // Read with the other timers of its bucket firing now: one `find` for all of them.
    const timer = await this.#timerToFire(key, dueAt);
    if (!timer) return unmarked;
    const firedAt = new Date();
    let repeat = false;
    try {
      const applied = await runtime.apply(timer.instanceId, {
        key: `timer:${key}`,
        type: 'timer.fired',
        timerId: timer.timerId,
        at: firedAt.toISOString(),
      });
      repeat = applied.kind === 'duplicate';
    } catch (error) {
      if (!(error instanceof UnknownInstanceError)) throw error;
      // Its document may not be in the store yet: another process writes it behind the steps
      // it committed (up to WRITE_WITHIN_MS), or recovery rolls it forward after that process
      // died. If its first step is recorded, look again later while the timer is young (a
      // second, then longer: unwrittenInstanceRetryMs). A timer of no instance, or of one still
      // unknown long after (removed by retention), fires into nothing.
      const lateMs = Date.now() - new Date(timer.dueAt).getTime();
      if (
        lateMs < UNWRITTEN_INSTANCE_GRACE_MS &&
        (await this.#commits.read(this.#models.Steps, stepKey(timer.instanceId, 1)))
      ) {
        await this.#scheduleAlone(
          key,
          new Date(Date.now() + unwrittenInstanceRetryMs(lateMs)),
          new Date(timer.dueAt),
        );
        return unmarked;
      }
    }
    if (!repeat) this.#options.onTimerFired?.(firedAt.getTime() - new Date(timer.dueAt).getTime());
    // Appended, batched with other timers' marks: a crash before it only fires the timer
    // again, which the instance then ignores (it remembers the `timer:` event's key).
    const marked = this.#commits
      .insert(this.#models.TimerFires, { _id: key, firedAt })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
    return { marked };
  }

  async #runEffect(
    job: Job<{ effect: string; attempt?: number }>,
    maxAttempts: number,
  ): Promise<void> {
    const stored = await this.#commits.read(this.#models.Effects, job.attrs.data.effect);
    if (!stored || stored.status !== 'pending') return;
    const record = effectJson.decode(stored);
    // A job made after an in-process attempt starts at that attempt's successor.
    const attempt = (job.attrs.data.attempt ?? 1) + (job.attrs.failCount ?? 0);
    const busy = await this.#executor.run(this.#requireRuntime(), record, attempt, maxAttempts);
    // Another process holds this attempt: look again once its claim would be stale.
    // One look-again job per claim, however many jobs found it busy: a job created twice (a
    // re-dispatch racing the first) must not snowball into a job per check.
    if (busy)
      await ensureJob(this.#models, `effect:${record._id}:after:${busy.claim}`, false, () =>
        this.#agenda.schedule(busy.busyUntil, EFFECT_JOB, { effect: record._id }),
      );
  }

  #requireRuntime(): JourneyRuntime {
    if (!this.#runtime) throw new Error('EffectDispatcher used before attach(runtime)');
    return this.#runtime;
  }
}

/** The delay before attempt `after + 1`, as Agenda's backoff would choose it (±20 % jitter). */
function retryDelay(options: DispatcherOptions, after: number): number {
  const base = Math.min(
    (options.retryDelayMs ?? 1000) * 2 ** (after - 1),
    options.maxRetryDelayMs ?? 60_000,
  );
  return base * (0.8 + Math.random() * 0.4);
}

/** A new effect's record, pending and not attempted yet. */
export function effectRecord(
  instance: string,
  revision: number,
  index: number,
  key: string,
  effect: Effect,
): EffectRecord {
  const now = new Date();
  return {
    _id: key,
    instanceId: instance,
    revision,
    index,
    effect,
    status: 'pending',
    attempts: 0,
    retries: 0,
    createdAt: now,
    updatedAt: now,
  };
}
