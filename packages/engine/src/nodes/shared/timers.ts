import { effectId, type CancelEffect, type ScheduleEffect } from '../../runtime/effect.types.ts';
import type { JourneyContext } from '../../runtime/journey-context.ts';
import { plusMs } from '../../time/instant.ts';

/** Adds milliseconds to an ISO instant, keeping the instant's offset in the result. */
function addMs(at: string, milliseconds: number): string {
  return plusMs(at, milliseconds);
}

/** When a timer is due and what the journey asked for (see {@link ScheduleEffect}). */
export type TimerTiming = Pick<
  ScheduleEffect,
  'dueAt' | 'requestedAt' | 'requestedDelayMs' | 'allowedHours'
>;

/** A timer `milliseconds` after `at`, due when asked. */
export function afterDelay(at: string, milliseconds: number): TimerTiming {
  const dueAt = addMs(at, milliseconds);
  return { dueAt, requestedAt: dueAt, requestedDelayMs: milliseconds };
}

/** A durable timer for this visit of the node; the host fires `timer.fired` with its id. */
export function scheduleTimer(
  context: JourneyContext,
  name: string,
  timing: TimerTiming,
  purpose: ScheduleEffect['purpose'],
): ScheduleEffect {
  const id = effectId(context.visit, name);
  return { kind: 'schedule', id, nodeId: context.visit.nodeId, timerId: id, purpose, ...timing };
}

/** Cancels this visit's named timer (leaving a node before its timeout). */
export function cancelTimer(context: JourneyContext, name: string): CancelEffect {
  const timerId = effectId(context.visit, name);
  return { kind: 'cancel', id: `${timerId}:cancel`, nodeId: context.visit.nodeId, timerId };
}
