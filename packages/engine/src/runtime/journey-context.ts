import type { JsonObject } from '../workflow/workflow.types.ts';

/** The node a journey is in and which visit of it this is; effect ids derive from it. */
export interface NodeVisit {
  nodeId: string;
  /** Counts node entries across the whole journey: the n-th node entered has seq n. */
  seq: number;
  /** Attempt of the node's current operation (a retried call increments it). */
  attempt: number;
  /**
   * When an `askCustomer` visit asked its question: a reply from before then (one the host kept
   * while the journey waited elsewhere) answers an earlier question, not this one.
   */
  askedAt?: string;
}

/** Everything a journey remembers between events. Plain JSON, stored in the snapshot. */
export interface JourneyContext {
  workflowId: string;
  version: number;
  data: JsonObject;
  visit: NodeVisit;
  seq: number;
  startedAt: string;
}

/** A journey event. Time enters the engine only through `at`. */
export interface JourneyEvent {
  type: string;
  /** ISO 8601 instant with offset, e.g. `2026-03-01T10:00:00+08:00`. */
  at: string;
  data?: JsonObject;
  /** For `call.*` and `send.*` results: the effect this result answers. */
  effectId?: string;
  /** For `timer.fired`: the timer that fired. */
  timerId?: string;
  /** For `call.failed`: whether retrying may help (defaults to true). */
  retryable?: boolean;
  /** For `call.failed` and `send.failed`. */
  error?: { code: string; message: string };
}

/** Input of the initial transition: the trigger event. */
export interface JourneyInput {
  workflowId: string;
  version: number;
  event: JourneyEvent;
}

/** Events the engine itself defines; domain events (`order.shipped`) come from outside. */
export const ENGINE_EVENTS = {
  timerFired: 'timer.fired',
  callSucceeded: 'call.succeeded',
  callFailed: 'call.failed',
  sendSucceeded: 'send.succeeded',
  sendFailed: 'send.failed',
  customerReplied: 'customer.replied',
} as const;

/** Reads the time of the event being processed; the initial event carries it in its input. */
export function eventTime(event: unknown): string {
  const e = event as { at?: unknown; input?: { event?: { at?: unknown } } };
  if (typeof e.at === 'string') return e.at;
  const initial = e.input?.event?.at;
  if (typeof initial === 'string') return initial;
  throw new Error('event has no time');
}

/** The journey event being processed, whether it came in through `step` or as start input. */
export function journeyEventOf(event: unknown): JourneyEvent {
  const e = event as JourneyEvent & { input?: JourneyInput };
  return e.input?.event ?? e;
}
