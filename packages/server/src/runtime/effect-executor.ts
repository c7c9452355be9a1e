import pLimit, { type LimitFunction } from 'p-limit';
import { hostname } from 'node:os';
import type { CallEffect, EmitEffect, SendEffect } from '@xiaoer/engine';
import { isDuplicateKey, type RuntimeModels } from '../model/models.ts';
import { GroupCommit } from '../model/group-commit.ts';
import { effectJson, type EffectAttemptRecord, type EffectRecord } from '../model/effect.model.ts';
import type { InstanceEvent } from '../model/instance.model.ts';
import { DeliveryError, type Connectors } from '../connectors/connector.types.ts';
import { redactSecrets } from '../connectors/redact.ts';
import type { JourneyRuntime } from './journey-runtime.ts';
import type { ProcessLiveness } from './process-liveness.ts';

/**
 * How one attempt at an effect ended: `done`; `retried` (a message or published event failed
 * and the host tries again later); `failed` (a call failed and went back to the journey, whose
 * retry policy decides); `dead` (failed for good and dead-lettered). Each attempt ends in
 * exactly one of them.
 */
export type AttemptOutcome = 'done' | 'retried' | 'failed' | 'dead';

/** Told how each attempt this process ran ended (metrics); it must not throw. */
export type AttemptListener = (attempt: {
  kind: EffectRecord['effect']['kind'];
  outcome: AttemptOutcome;
}) => void;

/** Thrown to make Agenda retry the job later (with backoff and jitter). */
export class RetryLater extends Error {}

/** Messages and calls one process has out at once, by default. */
export const OUTGOING_CONCURRENCY = 64;

/**
 * Executes one attempt of one effect through the connectors and reports the result to the
 * journey. An attempt runs only after its claim (`effectKey#retries.attempt`) was inserted, so
 * two processes holding the same job execute it once; a claim left by a process that stopped
 * beating is taken over at once, one that names no process (or this one) once it is older
 * than the effect jobs' lock lifetime. A process that still beats keeps its claims however old:
 * an attempt may wait long for its turn among the calls out. The exception is the first
 * attempt run straight from the step that made the effect, in the process that committed it:
 * the step's outbox note is its claim.
 */
export class EffectExecutor {
  readonly #models: RuntimeModels;
  readonly #connectors: Connectors;
  readonly #staleAfterMs: number;
  readonly #process: string;
  readonly #liveness: ProcessLiveness | undefined;
  readonly #listeners = new Set<AttemptListener>();
  readonly #commits: GroupCommit;
  /**
   * Records of first attempts that are not in the store yet: the attempt's outcome is their
   * first write, one insert instead of an insert before and an update after.
   */
  readonly #unstored = new WeakSet<EffectRecord>();
  /**
   * Messages and order-system calls out at once from this process. Only the call itself holds
   * a place: the claim before it and the step and record after it are the store's to batch
   * (holding a place through them capped a process near 180 effects a second).
   */
  readonly #outgoing: LimitFunction;

  constructor(
    models: RuntimeModels,
    connectors: Connectors,
    staleAfterMs = 30_000,
    commits = new GroupCommit(),
    liveness?: ProcessLiveness,
    outgoingConcurrency = OUTGOING_CONCURRENCY,
  ) {
    this.#outgoing = pLimit(outgoingConcurrency);
    this.#liveness = liveness;
    this.#process = liveness?.id ?? `${hostname()}:${process.pid}`;
    this.#commits = commits;
    this.#models = models;
    this.#connectors = connectors;
    this.#staleAfterMs = staleAfterMs;
  }

  /** Calls `listener` as each attempt ends. Returns a function that stops it. */
  onAttempt(listener: AttemptListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Runs one attempt. Returns `{ busyUntil, claim }` when another job holds a fresh claim on
   * it, or another process that still beats holds an old one: the caller checks again then
   * (the holder finished, or its claim went stale), one look-again per `claim`.
   */
  async run(
    runtime: JourneyRuntime,
    record: EffectRecord,
    attempt: number,
    maxAttempts: number,
    { stored = true }: { stored?: boolean } = {},
  ): Promise<{ busyUntil: Date; claim: string } | void> {
    // The first attempt of an effect dispatched by the process that just committed its step is
    // claimed by the step's outbox note: it names this process and stays until the dispatch
    // ended, and recovery takes it over only once this process is gone or the entry is stale,
    // and then runs the attempt under a claim of its own. One insert less per effect.
    if (stored || attempt > 1) {
      const busy = await this.#claim(record, attempt);
      if (busy) return busy;
    } else this.#unstored.add(record);
    const effect = record.effect;
    if (effect.kind === 'call') return this.#call(runtime, record, effect, attempt);
    if (effect.kind !== 'send' && effect.kind !== 'emit') return; // timers never come here
    try {
      await this.#outgoing(() => this.#deliver(record, effect));
    } catch (error) {
      const failure = describe(error);
      const permanent = error instanceof DeliveryError && !error.retryable;
      if (!permanent && attempt < maxAttempts) {
        await this.#mark(record, { attempts: attempt, lastError: failure });
        this.#tell(record, 'retried');
        throw new RetryLater(failure.message);
      }
      // The journey hears of the outcome before the effect is marked final: a crash in
      // between repeats the attempt (deduplicated by its key), never loses the outcome.
      if (effect.kind === 'send' && effect.expectsResult)
        await this.#report(runtime, record, {
          type: 'send.failed',
          effectId: effect.id,
          error: failure,
        });
      await this.#deadLetter(record, failure, attempt);
      this.#tell(record, 'dead');
      return;
    }
    if (effect.kind === 'send' && effect.expectsResult)
      await this.#report(runtime, record, { type: 'send.succeeded', effectId: effect.id });
    await this.#mark(record, { status: 'done', attempts: attempt });
    this.#tell(record, 'done');
  }

  async #deliver(record: EffectRecord, effect: SendEffect | EmitEffect): Promise<void> {
    if (effect.kind === 'emit') {
      await this.#connectors.publisher.publish({
        idempotencyKey: record._id,
        event: effect.event,
        instanceId: record.instanceId,
        data: effect.data,
      });
      return;
    }
    const channel = this.#connectors.channels[effect.channel] ?? this.#connectors.fallback;
    await channel.send({
      idempotencyKey: record._id,
      channel: effect.channel,
      to: effect.to,
      locale: effect.locale,
      format: effect.format,
      text: effect.text,
      ...(effect.options ? { options: effect.options } : {}),
    });
  }

  /**
   * One call attempt. The journey owns the retry policy (its node's `retry`), so a failure
   * goes back to it as `call.failed`; when the journey then leaves the node, the call is
   * dead-lettered. The idempotency key is the same for every attempt of the call.
   */
  async #call(
    runtime: JourneyRuntime,
    record: EffectRecord,
    effect: CallEffect,
    attempt: number,
  ): Promise<void> {
    const outcome = await this.#outgoing(() =>
      this.#connectors.orderSystem.call(effect.operation, effect.args, {
        idempotencyKey: `${record.instanceId}/${effect.idempotencyKey}`,
        ...(effect.timeoutMs ? { timeoutMs: effect.timeoutMs } : {}),
      }),
    ).catch((error: unknown) => ({ ok: false as const, retryable: true, error: describe(error) }));
    if (outcome.ok) {
      await this.#report(runtime, record, {
        type: 'call.succeeded',
        effectId: effect.id,
        data: outcome.data,
      });
      await this.#mark(record, { status: 'done', attempts: attempt, result: outcome.data });
      this.#tell(record, 'done');
      return;
    }
    const result = await this.#report(runtime, record, {
      type: 'call.failed',
      effectId: effect.id,
      retryable: outcome.retryable,
      error: outcome.error,
    });
    await this.#mark(record, { status: 'failed', attempts: attempt, lastError: outcome.error });
    const instance = result?.instance;
    // The journey left the node: its retry policy is spent. Count the journey's attempts.
    if (instance && (instance.status !== 'active' || instance.node !== effect.nodeId)) {
      await this.#deadLetter(record, outcome.error, effect.attempt);
      this.#tell(record, 'dead');
    } else this.#tell(record, 'failed');
  }

  #tell(record: EffectRecord, outcome: AttemptOutcome): void {
    for (const listener of this.#listeners) listener({ kind: record.effect.kind, outcome });
  }

  async #report(
    runtime: JourneyRuntime,
    record: EffectRecord,
    event: Omit<InstanceEvent, 'key' | 'at'>,
  ) {
    return runtime.apply(record.instanceId, {
      ...event,
      key: `effect:${record._id}:${record.retries}`,
      at: new Date().toISOString(),
    });
  }

  /** Claims the attempt; when another process holds a fresh claim, returns when it goes stale. */
  async #claim(
    record: EffectRecord,
    attempt: number,
  ): Promise<{ busyUntil: Date; claim: string } | null> {
    const base = `${record._id}#${record.retries}.${attempt}`;
    for (let takeover = 0; takeover < 5; takeover++) {
      const id = takeover === 0 ? base : `${base}~${takeover}`;
      try {
        await this.#commits.insert(this.#models.EffectAttempts, {
          _id: id,
          effectKey: record._id,
          attempt,
          startedAt: new Date(),
          process: this.#process,
        });
        return null;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const claim = await this.#models.EffectAttempts.findById(id).lean<EffectAttemptRecord>();
        const started = claim ? new Date(claim.startedAt).getTime() : Date.now();
        // Held by another process that is beating, or by one for less than the stale time: it
        // is on it. A dead holder's attempt (it stopped beating) is taken over at once: it may
        // have been delivered.
        if (
          !(await this.#liveness?.gone(claim?.process)) &&
          (Date.now() - started < this.#staleAfterMs ||
            (await this.#liveness?.alive(claim?.process)))
        ) {
          // Looked at again once stale. A live holder past that (its attempt waits its turn
          // among the calls out, or it left the claim and will take it over itself) is looked
          // at again every stale time: one look-again job per claim and period.
          const stale = started + this.#staleAfterMs + 100;
          if (stale > Date.now()) return { busyUntil: new Date(stale), claim: id };
          const period = Math.floor(Date.now() / this.#staleAfterMs);
          return {
            busyUntil: new Date(Date.now() + this.#staleAfterMs),
            claim: `${id}@${period}`,
          };
        }
      }
    }
    return { busyUntil: new Date(Date.now() + this.#staleAfterMs), claim: `${base}~5` };
  }

  async #mark(record: EffectRecord, fields: Partial<EffectRecord>): Promise<void> {
    if (this.#unstored.delete(record)) {
      try {
        const first = { ...record, ...fields, updatedAt: new Date() };
        await this.#commits.insert(this.#models.Effects, effectJson.encode(first));
        return;
      } catch (error) {
        // Recovery recorded it meanwhile (this process was slow): update that record instead.
        if (!isDuplicateKey(error)) throw error;
      }
    }
    await this.#commits.update(this.#models.Effects, {
      updateOne: {
        filter: { _id: record._id },
        update: { $set: effectJson.encode({ ...fields, updatedAt: new Date() }) },
      },
    });
  }

  async #deadLetter(
    record: EffectRecord,
    error: { code: string; message: string },
    attempts: number,
  ): Promise<void> {
    await this.#mark(record, { status: 'dead', attempts, lastError: error });
    await this.#models.DeadLetters.create({
      _id: record._id,
      instanceId: record.instanceId,
      kind: record.effect.kind,
      nodeId: record.effect.nodeId,
      error,
      attempts,
      at: new Date(),
    }).catch((failure: unknown) => {
      if (!isDuplicateKey(failure)) throw failure;
    });
  }
}

/** What is stored about a failure: secrets in URLs and messages hidden (connectors/redact.ts). */
function describe(error: unknown): { code: string; message: string } {
  if (error instanceof DeliveryError) return { code: error.code, message: error.message };
  return { code: 'error', message: redactSecrets((error as Error)?.message ?? String(error)) };
}
