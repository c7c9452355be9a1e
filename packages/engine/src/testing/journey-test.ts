import type { JsonObject, WorkflowDocument } from '../workflow/workflow.types.ts';
import { compile, journeyOf, type JourneyMachine, type JourneyOutput } from '../runtime/compile.ts';
import {
  start,
  step,
  type JourneySnapshot,
  type PathStep,
  type StepResult,
} from '../runtime/step.ts';
import { ENGINE_EVENTS, type JourneyEvent } from '../runtime/journey-context.ts';
import type {
  CallEffect,
  Effect,
  EmitEffect,
  ScheduleEffect,
  SendEffect,
} from '../runtime/effect.types.ts';
import { EventNotAcceptedError } from '../errors.ts';
import { VirtualClock } from './virtual-clock.ts';

export interface JourneyTestOptions {
  /** Where the virtual clock starts. Default: Monday 2026-01-05 10:00 in Shanghai. */
  startAt?: string;
  /**
   * Confirm every message that waits for delivery at once (`send.succeeded`), or fail it
   * (`send.failed`, `no-recipient`) when it has no recipient, as channels do. Default true.
   */
  autoConfirmSends?: boolean;
}

/** One entry of the test's timeline: an event, where it moved the journey, what it produced. */
export interface TimelineEntry {
  at: string;
  event: JourneyEvent;
  from: string;
  to: string;
  path: PathStep[];
  effects: Effect[];
  /** Journey data after the event. */
  data: JsonObject;
  /** True when the journey did not accept the event (a stale timer, for instance). */
  ignored?: boolean;
}

/** Thrown by the `expect*` helpers; the message says what was expected and what was there. */
export class JourneyAssertionError extends Error {
  override name = 'JourneyAssertionError';
}

/**
 * Drives one journey on a virtual clock, the way the server would, and records everything.
 * Snapshots go through JSON between steps, as they would through the database.
 *
 * @example
 * const t = journeyTest(orderLifecycle);
 * t.trigger({ orderId: 'A1', customer });
 * t.advance('48h');
 * t.expectNode('apologize');
 */
export class JourneyTest {
  readonly machine: JourneyMachine;
  readonly workflow: WorkflowDocument;
  readonly clock: VirtualClock;
  readonly timeline: TimelineEntry[] = [];
  readonly #autoConfirm: boolean;
  #snapshot: JourneySnapshot | null = null;
  #timers = new Map<string, ScheduleEffect>();
  #answered = new Set<string>();

  constructor(workflow: WorkflowDocument, options: JourneyTestOptions = {}) {
    this.machine = compile(workflow);
    this.workflow = journeyOf(this.machine).workflow;
    this.clock = new VirtualClock(options.startAt ?? '2026-01-05T10:00:00+08:00');
    this.#autoConfirm = options.autoConfirmSends ?? true;
  }

  /** Starts the journey with its trigger event carrying `data`. */
  trigger(data: JsonObject = {}, type = journeyOf(this.machine).trigger.config.event): StepResult {
    if (this.#snapshot) throw new Error('The journey has already started');
    const event: JourneyEvent = { type, at: this.clock.now, data };
    const result = start(this.machine, event);
    this.#record(event, journeyOf(this.machine).trigger.id, result);
    return result;
  }

  /** Sends an event of any type (domain events such as `order.shipped`). */
  send(type: string, data?: JsonObject, extra: Partial<JourneyEvent> = {}): StepResult {
    return this.dispatch({ type, at: this.clock.now, ...(data ? { data } : {}), ...extra });
  }

  /** Applies a fully formed event; the clock's time is used when `at` is missing. */
  dispatch(event: Omit<JourneyEvent, 'at'> & { at?: string }): StepResult {
    const full: JourneyEvent = { ...event, at: event.at ?? this.clock.now };
    const before = this.node;
    const result = step(this.machine, this.#current(), full);
    this.#record(full, before, result);
    return result;
  }

  /** The customer answers: an option id or number, or free text. */
  reply(answer: string): StepResult {
    const isOption = this.#openAsk()?.options?.some((o) => o.id === answer);
    return this.send(
      ENGINE_EVENTS.customerReplied,
      isOption ? { option: answer, text: answer } : { text: answer },
    );
  }

  /** The order system answers the open call of `operation` with success. */
  succeedCall(operation: string, result: JsonObject = {}): StepResult {
    const call = this.#openCall(operation);
    this.#answered.add(call.id);
    return this.send(ENGINE_EVENTS.callSucceeded, result, { effectId: call.id });
  }

  /** The order system answers the open call of `operation` with a failure. */
  failCall(
    operation: string,
    error = { code: 'unavailable', message: 'order system unavailable' },
    retryable = true,
  ): StepResult {
    const call = this.#openCall(operation);
    this.#answered.add(call.id);
    return this.send(ENGINE_EVENTS.callFailed, undefined, { effectId: call.id, error, retryable });
  }

  /** The channel confirms delivery of the last message waiting for it (without autoConfirmSends). */
  confirmSend(): StepResult {
    const send = this.#openSend();
    return this.send(ENGINE_EVENTS.sendSucceeded, undefined, { effectId: send.id });
  }

  /** The channel reports that the last message waiting for delivery failed. */
  failSend(error = { code: 'undeliverable', message: 'recipient unreachable' }): StepResult {
    const send = this.#openSend();
    return this.send(ENGINE_EVENTS.sendFailed, undefined, { effectId: send.id, error });
  }

  /**
   * Moves the clock forward, firing every timer that falls due on the way, in order, each at
   * its own due time. Returns the results of the fired timers.
   */
  advance(duration: string): StepResult[] {
    const target = new VirtualClock(this.clock.now);
    return this.advanceTo(target.advance(duration));
  }

  /** Moves the clock to `time` (ISO 8601), firing the timers due on the way, like `advance`. */
  advanceTo(time: string): StepResult[] {
    const target = new VirtualClock(this.clock.now);
    target.set(time);
    const results: StepResult[] = [];
    for (let due = this.nextTimer; due && target.reached(due.dueAt); due = this.nextTimer) {
      if (this.status !== 'active') break;
      const result = this.#fireAtDueTime(due);
      if (result) results.push(result);
    }
    this.clock.set(target.now);
    return results;
  }

  /** The timer that falls due first, if any is pending. */
  get nextTimer(): ScheduleEffect | undefined {
    return [...this.#timers.values()].sort(
      (a, b) => VirtualClock.millis(a.dueAt) - VirtualClock.millis(b.dueAt),
    )[0];
  }

  /** True when the call or message with this effect id has had its result. */
  answered(effectId: string): boolean {
    return this.#answered.has(effectId);
  }

  /** Moves the clock to the first pending timer and fires it; null when none is pending. */
  fireNextTimer(): StepResult | null {
    const due = this.nextTimer;
    if (!due || this.status !== 'active') return null;
    return this.#fireAtDueTime(due);
  }

  /** Fires a pending timer with the clock at its due time (never moving the clock back). */
  #fireAtDueTime(timer: ScheduleEffect): StepResult | null {
    this.#timers.delete(timer.timerId);
    if (VirtualClock.millis(timer.dueAt) > VirtualClock.millis(this.clock.now)) {
      this.clock.set(timer.dueAt);
    }
    return this.#fire(timer);
  }

  get snapshot(): JourneySnapshot {
    return this.#current();
  }
  get node(): string {
    return String(this.#current().value);
  }
  get data(): JsonObject {
    return this.#current().context.data;
  }
  get status(): JourneySnapshot['status'] {
    return this.#current().status;
  }
  get output(): JourneyOutput | undefined {
    return this.#current().output;
  }
  /** Every effect produced so far, in order. */
  get effects(): Effect[] {
    return this.timeline.flatMap((t) => t.effects);
  }
  get messages(): SendEffect[] {
    return this.effects.filter((e): e is SendEffect => e.kind === 'send');
  }
  get calls(): CallEffect[] {
    return this.effects.filter((e): e is CallEffect => e.kind === 'call');
  }
  get emitted(): EmitEffect[] {
    return this.effects.filter((e): e is EmitEffect => e.kind === 'emit');
  }
  /** Timers scheduled and neither fired nor cancelled. */
  get timers(): ScheduleEffect[] {
    return [...this.#timers.values()];
  }
  /** The outcomes taken since the trigger. */
  get path(): PathStep[] {
    return this.timeline.flatMap((t) => t.path);
  }
  /** The nodes visited, in order, starting with the trigger. */
  get visited(): string[] {
    const path = this.path;
    return path.length ? [path[0]?.nodeId as string, ...path.map((p) => p.target)] : [this.node];
  }

  expectNode(nodeId: string): void {
    if (this.node !== nodeId) {
      throw new JourneyAssertionError(
        `Expected the journey at node "${nodeId}", but it is at "${this.node}" (visited: ${this.visited.join(' → ')})`,
      );
    }
  }

  expectEnded(status: JourneyOutput['status']): void {
    if (this.status !== 'done' || this.output?.status !== status) {
      throw new JourneyAssertionError(
        `Expected the journey to end ${status}, but it is ${this.status} at "${this.node}" (${JSON.stringify(this.output ?? null)})`,
      );
    }
  }

  #current(): JourneySnapshot {
    if (!this.#snapshot) throw new Error('The journey has not started: call trigger() first');
    return this.#snapshot;
  }

  #fire(timer: ScheduleEffect): StepResult | null {
    const event: JourneyEvent = {
      type: ENGINE_EVENTS.timerFired,
      at: this.clock.now,
      timerId: timer.timerId,
    };
    const before = this.node;
    try {
      const result = step(this.machine, this.#current(), event);
      this.#record(event, before, result);
      return result;
    } catch (error) {
      // A host ignores a timer its journey no longer waits for; so does the test.
      if (!(error instanceof EventNotAcceptedError)) throw error;
      this.timeline.push({
        at: event.at,
        event,
        from: before,
        to: before,
        path: [],
        effects: [],
        data: this.data,
        ignored: true,
      });
      return null;
    }
  }

  #record(event: JourneyEvent, from: string, result: StepResult): void {
    // Through JSON, as through the database: a snapshot that does not survive this is a bug.
    this.#snapshot = JSON.parse(JSON.stringify(result.snapshot)) as JourneySnapshot;
    this.timeline.push({
      at: event.at,
      event,
      from,
      to: result.node,
      path: result.path,
      effects: result.effects,
      data: this.#snapshot.context.data,
    });
    for (const effect of result.effects) {
      if (effect.kind === 'schedule') this.#timers.set(effect.timerId, effect);
      if (effect.kind === 'cancel') this.#timers.delete(effect.timerId);
    }
    if (result.status !== 'active') this.#timers.clear();
    if (!this.#autoConfirm) return;
    const pending = result.effects.find(
      (e): e is SendEffect => e.kind === 'send' && e.expectsResult && !this.#answered.has(e.id),
    );
    if (pending && result.status === 'active') {
      this.#answered.add(pending.id);
      // As every channel does: a message with no recipient fails, it never "succeeds".
      if (pending.to.trim() === '')
        this.send(ENGINE_EVENTS.sendFailed, undefined, {
          effectId: pending.id,
          error: { code: 'no-recipient', message: 'the message has no recipient' },
        });
      else this.send(ENGINE_EVENTS.sendSucceeded, undefined, { effectId: pending.id });
    }
  }

  #openCall(operation: string): CallEffect {
    const call = [...this.calls]
      .reverse()
      .find((c) => c.operation === operation && !this.#answered.has(c.id));
    if (!call) {
      throw new JourneyAssertionError(
        `No open "${operation}" call; calls so far: ${this.calls.map((c) => c.operation).join(', ') || 'none'}`,
      );
    }
    return call;
  }

  #openSend(): SendEffect {
    const send = [...this.effects]
      .reverse()
      .find(
        (e): e is SendEffect => e.kind === 'send' && e.expectsResult && !this.#answered.has(e.id),
      );
    if (!send) throw new JourneyAssertionError('No message is waiting for a delivery result');
    this.#answered.add(send.id);
    return send;
  }

  #openAsk(): SendEffect | undefined {
    return [...this.messages].reverse().find((m) => m.nodeId === this.node && !m.expectsResult);
  }
}

/** Creates a journey test for a workflow document. */
export function journeyTest(workflow: WorkflowDocument, options?: JourneyTestOptions): JourneyTest {
  return new JourneyTest(workflow, options);
}
