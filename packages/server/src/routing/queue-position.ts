import type { LocalizedText } from '@xiaoer/engine';
import {
  orderQueue,
  QUEUE_ORDER_DEFAULTS,
  type QueueOrderOptions,
  type WaitingHandoff,
} from './queue-order.ts';

/** Assumed handling time while a group has no resolved handoff to average (5 minutes). */
export const DEFAULT_HANDLING_MS = 5 * 60_000;

/** Where a waiting customer stands, and what to tell them. */
export interface QueuePosition {
  /** 1 for the next one served. */
  position: number;
  /** Customers served before this one (`position - 1`). */
  ahead: number;
  /** Whole minutes, at least 1. */
  estimatedWaitMinutes: number;
  text: LocalizedText;
}

/**
 * The estimated wait: everyone ahead plus this customer, handled at the recent average
 * handling time, by the group's online agents in parallel (at least one is assumed, so an
 * empty group still gives an estimate). Rounded up to whole minutes, at least 1.
 */
export function estimateWaitMinutes(
  position: number,
  averageHandlingMs: number,
  onlineAgents: number,
): number {
  const ms = (position * averageHandlingMs) / Math.max(1, onlineAgents);
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** The sentence a waiting customer is sent, in zh and en. */
export function positionText(ahead: number, minutes: number): LocalizedText {
  if (ahead === 0)
    return {
      zh: `您是下一位，预计等待约 ${minutes} 分钟`,
      en: `You are next, about ${minutes} minute${minutes === 1 ? '' : 's'}`,
    };
  return {
    zh: `您前面还有 ${ahead} 位，预计等待约 ${minutes} 分钟`,
    en: `${ahead} customer${ahead === 1 ? '' : 's'} ahead of you, about ${minutes} minute${minutes === 1 ? '' : 's'}`,
  };
}

/** The mean of `assignedAt → resolvedAt` over recent resolved handoffs, or the default. */
export function averageHandlingMs(
  resolved: readonly { assignedAt?: Date | null; resolvedAt?: Date | null }[],
): number {
  const durations = resolved.flatMap((h) =>
    h.assignedAt && h.resolvedAt ? [h.resolvedAt.getTime() - h.assignedAt.getTime()] : [],
  );
  if (durations.length === 0) return DEFAULT_HANDLING_MS;
  return durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
}

/** The position of `handoffId` among its group's `waiting` handoffs at `now`, or undefined. */
export function queuePosition(
  handoffId: string,
  waiting: readonly WaitingHandoff[],
  now: Date,
  estimate: { averageHandlingMs: number; onlineAgents: number },
  options: QueueOrderOptions = QUEUE_ORDER_DEFAULTS,
): QueuePosition | undefined {
  const index = orderQueue(waiting, now, options).findIndex((h) => h._id === handoffId);
  if (index < 0) return undefined;
  const minutes = estimateWaitMinutes(index + 1, estimate.averageHandlingMs, estimate.onlineAgents);
  return {
    position: index + 1,
    ahead: index,
    estimatedWaitMinutes: minutes,
    text: positionText(index, minutes),
  };
}
