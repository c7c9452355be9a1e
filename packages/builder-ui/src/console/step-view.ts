import type {
  AllowedHours,
  Effect,
  JsonObject,
  RetryPolicy,
  ScheduleEffect,
  WorkflowDocument,
} from '@xiaoer/engine';
import type { InstanceDetail, InstanceStep } from '../api/api-client.ts';
import type { Language } from '../i18n/messages.ts';
import { formatDuration } from '../i18n/format.ts';

/** An effect of a step with what became of it (the host's record), as the run history shows it. */
export interface StepEffect {
  effect: Effect;
  /** `pending`, `done`, `failed`, `dead`, `cancelled`; absent for timers (see `timer`). */
  status?: string;
  attempts?: number;
  lastError?: { code: string; message: string };
  /** For a schedule: the timer's record (due, fired). */
  timer?: { dueAt: string; status: string; firedAt?: string };
  /** Why it stands out: a send to nobody, or an effect that failed or gave up. */
  alarm?: 'empty-recipient' | 'failed';
}

/** The effects of one step, each joined with its record (`instance:revision:index`). */
export function effectsOfStep(detail: InstanceDetail, step: InstanceStep): StepEffect[] {
  const records = new Map(detail.effects.map((record) => [record._id, record]));
  const timers = new Map(detail.timers.map((timer) => [timer.timerId, timer]));
  return step.effects.map((effect, index) => {
    const record = records.get(`${detail.id}:${step.revision}:${index}`);
    const timer = effect.kind === 'schedule' ? timers.get(effect.timerId) : undefined;
    const alarm =
      effect.kind === 'send' && !effect.to.trim()
        ? 'empty-recipient'
        : record && (record.status === 'failed' || record.status === 'dead')
          ? 'failed'
          : undefined;
    return {
      effect,
      ...(record
        ? {
            status: record.status,
            attempts: record.attempts,
            ...(record.lastError ? { lastError: record.lastError } : {}),
          }
        : {}),
      ...(timer ? { timer } : {}),
      ...(alarm ? { alarm } : {}),
    };
  });
}

/** Whether a step needs a look: an effect of it failed or a message went to nobody. */
export const stepAlarmed = (detail: InstanceDetail, step: InstanceStep): boolean =>
  effectsOfStep(detail, step).some((e) => e.alarm !== undefined) ||
  step.event.type === 'send.failed' ||
  step.event.type === 'call.failed';

/** The allowed daily hours of a node that waits, which can push its timer later. */
export function allowedHoursOf(
  document: WorkflowDocument,
  nodeId: string,
): { from: string; to: string; timeZone?: string } | undefined {
  const node = document.nodes.find((n) => n.id === nodeId);
  const hours = node?.config['allowedHours'] as JsonObject | undefined;
  if (!hours || typeof hours['from'] !== 'string' || typeof hours['to'] !== 'string')
    return undefined;
  return {
    from: hours['from'],
    to: hours['to'],
    ...(typeof hours['timeZone'] === 'string' ? { timeZone: hours['timeZone'] } : {}),
  };
}

/**
 * Why a wait's timer is due when it is, as the engine recorded it with the timer: the time
 * the journey asked for (and the delay, when it asked for one), the allowed hours it was
 * fitted into (with the time zone used, maybe the customer's) and how much later they moved
 * it. Undefined for timers no allowed hours governed, and for those recorded before the
 * engine kept what was asked.
 */
export function timerShift(effect: ScheduleEffect):
  | {
      requestedAt: string;
      requestedDelayMs?: number;
      hours: AllowedHours;
      movedMs: number;
    }
  | undefined {
  if (effect.requestedAt === undefined || !effect.allowedHours) return undefined;
  const movedMs = new Date(effect.dueAt).getTime() - new Date(effect.requestedAt).getTime();
  return {
    requestedAt: effect.requestedAt,
    ...(effect.requestedDelayMs !== undefined ? { requestedDelayMs: effect.requestedDelayMs } : {}),
    hours: effect.allowedHours,
    movedMs: Math.max(0, movedMs),
  };
}

/** The retry policy of a call node, which set a `retry` timer's delay. */
export function retryPolicyOf(document: WorkflowDocument, nodeId: string): RetryPolicy | undefined {
  const retry = document.nodes.find((n) => n.id === nodeId)?.config['retry'] as
    Partial<RetryPolicy> | undefined;
  if (!retry || typeof retry.maxAttempts !== 'number') return undefined;
  return { maxAttempts: retry.maxAttempts, delay: retry.delay ?? '30s', factor: retry.factor ?? 2 };
}

/** The steps that touched a node: it was entered, left or passed through in them. */
export function stepsOfNode(timeline: InstanceStep[], nodeId: string): InstanceStep[] {
  return timeline.filter(
    (step) =>
      step.to === nodeId || step.from === nodeId || step.path.some((p) => p.nodeId === nodeId),
  );
}

/** `13.5 hrs` / `20 mins` / `3 days` (`13.5小时`…): how long after `from` a moment is, through Intl. */
export function delayText(from: string, to: string, language: Language): string {
  return formatDuration(new Date(to).getTime() - new Date(from).getTime(), language);
}
