import type { JsonObject, WorkflowDocument } from '../workflow/workflow.types.ts';
import { compile, journeyOf, type JourneyMachine, type JourneyOutput } from '../runtime/compile.ts';
import {
  acceptedEvents,
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
import { EventNotAcceptedError, InvalidEventError } from '../errors.ts';
import { VirtualClock } from './virtual-clock.ts';
import {
  isHostEvent,
  ParkedEvents,
  type DroppedEvent,
  type DropReason,
  type EarlyEventMode,
} from './parked-events.ts';
import { awaitedAnywhere, EarlyEvents } from './early-events.ts';

/**
 * What a method that delivers an event returns: the step it made; with `early: 'park'` null
 * when the event did not move the journey (parked, kept or let go).
 */
export type Moved<Mode extends EarlyEventMode> = Mode extends 'park'
  ? StepResult | null
  : StepResult;

export interface JourneyTestOptions<Mode extends EarlyEventMode = EarlyEventMode> {
  /** Where the virtual clock starts. Default: Monday 2026-01-05 10:00 in Shanghai. */
  startAt?: string;
  /**
   * Confirm every message that waits for delivery at once (`send.succeeded`), or fail it
   * (`send.failed`, `no-recipient`) when it has no recipient, as channels do. Default true.
   */
  autoConfirmSends?: boolean;
  /**
   * An event the journey's node does not wait for: `'throw'` (default) throws
   * `EventNotAcceptedError`; `'park'` keeps it and offers it again each time the journey moves,
   * with the server's rules (docs/testing-journeys.md, "Events that come early").
   */
  early?: Mode;
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
  /** True when the journey did not take the event and let it go (a stale timer, for instance). */
  ignored?: boolean;
  /** True when the event was parked (`early: 'park'`): the node did not wait for it yet. */
  parked?: boolean;
  /**
   * True when the event was offered from where it was kept (parked, or kept before the start):
   * `at` is when it was offered, the event keeps its own time.
   */
  unparked?: boolean;
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
export class JourneyTest<Mode extends EarlyEventMode = 'throw'> {
  readonly machine: JourneyMachine;
  readonly workflow: WorkflowDocument;
  readonly clock: VirtualClock;
  readonly timeline: TimelineEntry[] = [];
  readonly #autoConfirm: boolean;
  readonly #early: EarlyEventMode;
  #snapshot: JourneySnapshot | null = null;
  #timers = new Map<string, ScheduleEffect>();
  #answered = new Set<string>();
  /** Messages waiting for their automatic delivery result, oldest first. */
  #toConfirm: SendEffect[] = [];
  readonly #parked = new ParkedEvents();
  readonly #kept = new EarlyEvents();
  readonly #dropped: DroppedEvent[] = [];

  constructor(workflow: WorkflowDocument, options: JourneyTestOptions<Mode> = {}) {
    this.machine = compile(workflow);
    this.workflow = journeyOf(this.machine).workflow;
    this.clock = new VirtualClock(options.startAt ?? '2026-01-05T10:00:00+08:00');
    this.#autoConfirm = options.autoConfirmSends ?? true;
    this.#early = options.early ?? 'throw';
  }

  /**
   * Starts the journey with its trigger event carrying `data`. With `early: 'park'`, the order
   * events sent before are then applied in the order they came, as the server applies them.
   */
  trigger(data: JsonObject = {}, type = journeyOf(this.machine).trigger.config.event): StepResult {
    if (this.#snapshot) throw new Error('The journey has already started');
    const event: JourneyEvent = { type, at: this.clock.now, data };
    const result = start(this.machine, event);
    this.#record(event, journeyOf(this.machine).trigger.id, result);
    this.#applyKept();
    this.#settle();
    return result;
  }

  /**
   * Sends an event of any type (domain events such as `order.shipped`). Null when it did not
   * move the journey: parked, kept or let go (only with `early: 'park'`).
   */
  send(type: string, data?: JsonObject, extra: Partial<JourneyEvent> = {}): Moved<Mode> {
    return this.dispatch({ type, at: this.clock.now, ...(data ? { data } : {}), ...extra });
  }

  /** Applies a fully formed event; the clock's time is used when `at` is missing. */
  dispatch(event: Omit<JourneyEvent, 'at'> & { at?: string }): Moved<Mode> {
    const full: JourneyEvent = { ...event, at: event.at ?? this.clock.now };
    if (this.#early === 'park') {
      const result = this.#route(full);
      this.#settle();
      return result as Moved<Mode>;
    }
    const before = this.node;
    const result = step(this.machine, this.#current(), full);
    this.#record(full, before, result);
    this.#settle();
    return result as Moved<Mode>;
  }

  /** The customer answers: an option id or number, or free text. */
  reply(answer: string): Moved<Mode> {
    const isOption = this.#openAsk()?.options?.some((o) => o.id === answer);
    return this.send(
      ENGINE_EVENTS.customerReplied,
      isOption ? { option: answer, text: answer } : { text: answer },
    );
  }

  /** The order system answers the open call of `operation` with success. */
  succeedCall(operation: string, result: JsonObject = {}): Moved<Mode> {
    const call = this.#openCall(operation);
    this.#answered.add(call.id);
    return this.send(ENGINE_EVENTS.callSucceeded, result, { effectId: call.id });
  }

  /** The order system answers the open call of `operation` with a failure. */
  failCall(
    operation: string,
    error = { code: 'unavailable', message: 'order system unavailable' },
    retryable = true,
  ): Moved<Mode> {
    const call = this.#openCall(operation);
    this.#answered.add(call.id);
    return this.send(ENGINE_EVENTS.callFailed, undefined, { effectId: call.id, error, retryable });
  }

  /** The channel confirms delivery of the last message waiting for it (without autoConfirmSends). */
  confirmSend(): Moved<Mode> {
    const send = this.#openSend();
    return this.send(ENGINE_EVENTS.sendSucceeded, undefined, { effectId: send.id });
  }

  /** The channel reports that the last message waiting for delivery failed. */
  failSend(error = { code: 'undeliverable', message: 'recipient unreachable' }): Moved<Mode> {
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
  /** Events parked with the journey (`early: 'park'`), oldest first: offered as it moves. */
  get parked(): JourneyEvent[] {
    return this.#parked.events;
  }
  /** Order events sent before the start (`early: 'park'`), kept to be applied when it starts. */
  get earlyEvents(): JourneyEvent[] {
    return this.#kept.events;
  }
  /** Events the journey let go without taking them, in order, each with its reason. */
  get dropped(): DroppedEvent[] {
    return [...this.#dropped];
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
      this.#settle();
      return result;
    } catch (error) {
      // A host ignores a timer its journey no longer waits for; so does the test.
      if (!(error instanceof EventNotAcceptedError)) throw error;
      this.#letGo(event, 'stale');
      return null;
    }
  }

  /**
   * With `early: 'park'`: what the server does with an event it routes to this journey
   * (`JourneyRuntime.#route`, `#routeTo` and `#applyHeld`,
   * packages/server/src/runtime/journey-runtime.ts). Null when the journey did not move.
   */
  #route(event: JourneyEvent): StepResult | null {
    const { trigger } = journeyOf(this.machine);
    if (event.type === trigger.config.event && this.#snapshot?.status !== 'active') {
      // The server starts a journey on it (a new one after the end): so does trigger().
      throw new Error(
        this.#snapshot
          ? 'The journey has ended: the server would start a new one; use a new journeyTest'
          : 'The journey has not started: call trigger() first',
      );
    }
    // A timer or effect result goes to its journey (`JourneyRuntime.apply`); other events are
    // offered only to a journey that starts on them or has a node that waits for them.
    const host = isHostEvent(event.type);
    const takes =
      event.type === trigger.config.event || awaitedAnywhere(this.machine).has(event.type);
    if (!host && !takes) {
      this.#letGo(event, 'unmatched');
      return null;
    }
    if (!this.#snapshot && !host) {
      // Before its order's journey started: kept for its start (`EarlyEvents.keep`).
      if (!this.#kept.keep(this.machine, event, this.clock.now)) this.#letGo(event, 'unmatched');
      return null;
    }
    if (this.status !== 'active') {
      this.#letGo(event, 'ended');
      return null;
    }
    return this.#offer(event);
  }

  /**
   * Offers an event to the journey's node as `JourneyRuntime.#applyHeld` does: a type the node
   * does not wait for is parked (a timer or effect result is let go as stale), a refused one is
   * let go, a taken one moves the journey and the parked events are offered again.
   */
  #offer(event: JourneyEvent, unparked = false): StepResult | null {
    const before = this.node;
    if (!acceptedEvents(this.machine, this.#current()).includes(event.type)) {
      if (isHostEvent(event.type)) {
        this.#letGo(event, 'stale', unparked);
        return null;
      }
      const pushedOut = this.#parked.park(event);
      this.#stay(event, { parked: true, ...(unparked ? { unparked } : {}) });
      for (const old of pushedOut) this.#drop(old, before, 'overflow');
      return null;
    }
    let result: StepResult;
    try {
      result = step(this.machine, this.#current(), event);
    } catch (error) {
      if (!(error instanceof EventNotAcceptedError || error instanceof InvalidEventError))
        throw error;
      this.#letGo(event, isHostEvent(event.type) ? 'stale' : 'refused', unparked);
      return null;
    }
    this.#record(event, before, result, unparked);
    this.#drainParked();
    return result;
  }

  /**
   * Offers the parked events the node now waits for, oldest first; one the node refuses is
   * dropped from the list (`JourneyRuntime.#drainParked`).
   */
  #drainParked(): void {
    while (this.#snapshot?.status === 'active') {
      const next = this.#parked.takeAccepted(acceptedEvents(this.machine, this.#snapshot));
      if (!next) return;
      this.#offer(next, true);
    }
  }

  /**
   * Applies the order events kept before the start, in the order they came, each with its own
   * time; those kept too long or beyond the first 20 are let go (`JourneyRuntime.#applyEarly`
   * with `EarlyEvents.take`).
   */
  #applyKept(): void {
    const { events, expired, overflow } = this.#kept.take(this.clock.now);
    for (const event of expired) this.#drop(event, this.node, 'expired');
    for (const event of overflow) this.#drop(event, this.node, 'overflow');
    for (const event of events) {
      if (this.status !== 'active') this.#drop(event, this.node, 'ended');
      else this.#offer(event, true);
    }
    this.#drainParked();
  }

  /**
   * After a step: the parked events the journey now waits for, then the automatic delivery
   * results (a channel's answer comes after the step that sent, as on the server).
   */
  #settle(): void {
    this.#drainParked();
    for (let send = this.#toConfirm.shift(); send; send = this.#toConfirm.shift()) {
      if (this.status !== 'active') continue;
      // As every channel does: a message with no recipient fails, it never "succeeds".
      const result: JourneyEvent =
        send.to.trim() === ''
          ? {
              type: ENGINE_EVENTS.sendFailed,
              at: this.clock.now,
              effectId: send.id,
              error: { code: 'no-recipient', message: 'the message has no recipient' },
            }
          : { type: ENGINE_EVENTS.sendSucceeded, at: this.clock.now, effectId: send.id };
      const before = this.node;
      this.#record(result, before, step(this.machine, this.#current(), result));
      this.#drainParked();
    }
  }

  /** Notes an event the journey let go: in the timeline when it had started, and in `dropped`. */
  #letGo(event: JourneyEvent, reason: DropReason, unparked = false): void {
    if (this.#snapshot) this.#stay(event, { ignored: true, ...(unparked ? { unparked } : {}) });
    this.#drop(event, this.#snapshot ? this.node : null, reason);
  }

  #drop(event: JourneyEvent, node: string | null, reason: DropReason): void {
    this.#dropped.push({ event, node, reason, droppedAt: this.clock.now });
  }

  /** A timeline entry for an event that left the journey where it was. */
  #stay(event: JourneyEvent, flags: Pick<TimelineEntry, 'ignored' | 'parked' | 'unparked'>): void {
    this.timeline.push({
      at: flags.unparked ? this.clock.now : event.at,
      event,
      from: this.node,
      to: this.node,
      path: [],
      effects: [],
      data: this.data,
      ...flags,
    });
  }

  #record(event: JourneyEvent, from: string, result: StepResult, unparked = false): void {
    // Through JSON, as through the database: a snapshot that does not survive this is a bug.
    this.#snapshot = JSON.parse(JSON.stringify(result.snapshot)) as JourneySnapshot;
    this.timeline.push({
      at: unparked ? this.clock.now : event.at,
      event,
      from,
      to: result.node,
      path: result.path,
      effects: result.effects,
      data: this.#snapshot.context.data,
      ...(unparked ? { unparked } : {}),
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
      this.#toConfirm.push(pending);
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
export function journeyTest<Mode extends EarlyEventMode = 'throw'>(
  workflow: WorkflowDocument,
  options?: JourneyTestOptions<Mode>,
): JourneyTest<Mode> {
  return new JourneyTest<Mode>(workflow, options);
}
