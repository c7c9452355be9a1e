import type { JsonObject, JsonValue } from '../workflow/workflow.types.ts';
import type { TemplateFormat } from '../expressions/template.ts';
import type { AllowedHours } from '../time/allowed-hours.ts';

/** Channels a message can go out on. `email` is HTML; the rest show plain text. */
export const CHANNELS = ['sms', 'email', 'wechat', 'chat', 'app', 'staff'] as const;
export type Channel = (typeof CHANNELS)[number];

interface EffectBase {
  /** Unique within the instance and deterministic: the same events give the same ids. */
  id: string;
  nodeId: string;
}

/** Deliver a message to a customer (or staff) on a channel. */
export interface SendEffect extends EffectBase {
  kind: 'send';
  channel: Channel;
  to: string;
  locale: 'zh' | 'en';
  format: TemplateFormat;
  text: string;
  options?: { id: string; label: string }[];
  /** When true the journey waits for `send.succeeded` / `send.failed` with this id. */
  expectsResult: boolean;
}

/** Call an operation of the order system. */
export interface CallEffect extends EffectBase {
  kind: 'call';
  operation: string;
  args: JsonObject;
  /** The same for every attempt of one call, so the order system can deduplicate. */
  idempotencyKey: string;
  attempt: number;
  timeoutMs?: number;
}

/**
 * Start a durable timer; the host answers with `timer.fired` carrying `timerId` at `dueAt`.
 * It also says what the journey asked for, so a run history can show why the timer is due
 * when it is ("asked for 2 h, moved to 09:00 by the allowed hours") without working it out
 * again.
 */
export interface ScheduleEffect extends EffectBase {
  kind: 'schedule';
  timerId: string;
  dueAt: string;
  purpose: 'wait' | 'timeout' | 'retry';
  /**
   * The time the journey asked for, before allowed hours moved it (then `dueAt` is later);
   * the engine always sets it, effects recorded before it did lack it.
   */
  requestedAt?: string;
  /**
   * The delay asked for, from the step's time, when the journey asked for a delay (a wait's
   * duration, a timeout, a retry's backoff) rather than for a time (a wait `until`).
   */
  requestedDelayMs?: number;
  /** The daily hours `dueAt` was fitted into, with the time zone used (maybe the customer's). */
  allowedHours?: AllowedHours;
}

/** Cancel a timer that has not fired; it must never fire afterwards. */
export interface CancelEffect extends EffectBase {
  kind: 'cancel';
  timerId: string;
}

/** Publish a domain event (alerts to staff, journey ended, ...). */
export interface EmitEffect extends EffectBase {
  kind: 'emit';
  event: string;
  data: { [key: string]: JsonValue };
}

/** Work the host must do for a journey. Plain JSON. */
export type Effect = SendEffect | CallEffect | ScheduleEffect | CancelEffect | EmitEffect;
export type EffectKind = Effect['kind'];

/** Makes an effect id from the node visit: `shipWait#4:timeout`. */
export function effectId(visit: { nodeId: string; seq: number }, name: string): string {
  return `${visit.nodeId}#${visit.seq}:${name}`;
}
