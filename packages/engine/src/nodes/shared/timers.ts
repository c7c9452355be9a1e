import { effectId, type CancelEffect, type ScheduleEffect } from '../../runtime/effect.types.ts';
import type { JourneyContext } from '../../runtime/journey-context.ts';
import { durationMs } from '../../time/duration.ts';
import { plusMs } from '../../time/instant.ts';

/** Adds a duration to an ISO instant, keeping the instant's offset in the result. */
export function addDuration(at: string, duration: string): string {
  return addMs(at, durationMs(duration));
}

export function addMs(at: string, milliseconds: number): string {
  return plusMs(at, milliseconds);
}

/** A durable timer for this visit of the node; the host fires `timer.fired` with its id. */
export function scheduleTimer(
  context: JourneyContext,
  name: string,
  dueAt: string,
  purpose: ScheduleEffect['purpose'],
): ScheduleEffect {
  const id = effectId(context.visit, name);
  return { kind: 'schedule', id, nodeId: context.visit.nodeId, timerId: id, dueAt, purpose };
}

/** Cancels this visit's named timer (leaving a node before its timeout). */
export function cancelTimer(context: JourneyContext, name: string): CancelEffect {
  const timerId = effectId(context.visit, name);
  return { kind: 'cancel', id: `${timerId}:cancel`, nodeId: context.visit.nodeId, timerId };
}
