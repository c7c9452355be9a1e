import type { ConversationDay, Sum } from './rollup-documents.ts';
import { agentsNeeded, serviceLevel, type QueueLoad } from './erlang-c.ts';
import type { StaffingPlan } from './analytics-report.types.ts';
import { addDays } from './local-time.ts';

/** Used until the store has handled handoffs to average (three minutes). */
export const DEFAULT_HANDLING_SECONDS = 180;

export interface StaffingRequest {
  date: string;
  timeZone: string;
  /** A skill group, or every group. */
  group: string | null;
  /** Share answered within `targetSeconds`, e.g. 0.8. */
  targetLevel: number;
  targetSeconds: number;
  /** Same weekdays looked back on. */
  weeks: number;
}

/** The same weekday in each of the `weeks` weeks before `date`. */
export function forecastDays(date: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(date, -7 * (i + 1)));
}

/**
 * Agents needed per hour of `date`: the forecast is the mean of the handoffs queued in that hour
 * on the same weekday of recent weeks (weeks without any data are left out), the handling time
 * the mean over those days; Erlang C gives the fewest agents meeting the target.
 */
export function staffingPlan(
  request: StaffingRequest,
  days: ConversationDay[],
  agentsOnline: number,
): StaffingPlan {
  const dates = new Set(forecastDays(request.date, request.weeks));
  const used = days.filter((day) => dates.has(day.date));
  const queuedOf = (day: ConversationDay) =>
    request.group === null
      ? day.queued
      : (day.groups.find((g) => g.group === request.group)?.queued ?? []);
  const handlingOf = (day: ConversationDay): Sum =>
    request.group === null
      ? day.totals.handling
      : (day.groups.find((g) => g.group === request.group)?.handling ?? { sum: 0, count: 0 });
  const weeksUsed = new Set(used.map((day) => day.date)).size;
  const handling = used.reduce(
    (sum, day) => ({
      sum: sum.sum + handlingOf(day).sum,
      count: sum.count + handlingOf(day).count,
    }),
    { sum: 0, count: 0 },
  );
  const averageHandlingSeconds =
    handling.count > 0
      ? Math.max(1, Math.round(handling.sum / handling.count / 1000))
      : DEFAULT_HANDLING_SECONDS;
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const queued = used.reduce((sum, day) => sum + (queuedOf(day)[hour] ?? 0), 0);
    const forecast = weeksUsed > 0 ? Math.round((queued / weeksUsed) * 100) / 100 : 0;
    const load: QueueLoad = {
      perHour: forecast,
      handlingSeconds: averageHandlingSeconds,
      targetSeconds: request.targetSeconds,
    };
    const needed = agentsNeeded(load, request.targetLevel);
    return {
      hour,
      forecast,
      agentsNeeded: needed,
      serviceLevelOnline:
        forecast > 0 ? Math.round(serviceLevel(load, agentsOnline) * 10_000) / 10_000 : null,
      missesTarget: agentsOnline < needed,
    };
  });
  return {
    date: request.date,
    timeZone: request.timeZone,
    group: request.group,
    target: { level: request.targetLevel, seconds: request.targetSeconds },
    weeksUsed,
    averageHandlingSeconds,
    agentsOnline,
    hours,
  };
}
