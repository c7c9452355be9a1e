import { emptyDayTimes, type ConversationDay, type Sum } from './rollup-documents.ts';
import { addDays, daysBetween, weekdayOf } from './local-time.ts';
import { histogramCount, mergeHistogram, percentileOf, type Histogram } from './histogram.ts';
import type {
  AgentFigures,
  Average,
  DashboardReport,
  IntentTrend,
  ReportPeriod,
  ScoreAverage,
  TimeFigure,
} from './analytics-report.types.ts';

/** Spikes: the last day at least this many times its baseline… */
const SPIKE_FACTOR = 3;
/** …and at least this many conversations (three instead of one is noise). */
const SPIKE_MINIMUM = 5;
const BASELINE_DAYS = 7;

export const average = ({ sum, count }: Sum): Average => ({
  averageMs: count > 0 ? Math.round(sum / count) : null,
  count,
});
/** A duration's average over its sum, and its percentiles from its histogram. */
export const timeFigure = (sum: Sum, histogram: Histogram): TimeFigure => ({
  ...average(sum),
  p50Ms: percentileOf(histogram, 0.5),
  p90Ms: percentileOf(histogram, 0.9),
  percentileCount: histogramCount(histogram),
});
const score = ({ sum, count }: Sum): ScoreAverage => ({
  average: count > 0 ? Math.round((sum / count) * 100) / 100 : null,
  count,
});
const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const change = (now: number, before: number) =>
  before > 0 ? Math.round(((now - before) / before) * 10_000) / 10_000 : null;
const plus = (a: Sum, b: Sum): Sum => ({ sum: a.sum + b.sum, count: a.count + b.count });
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
const zero = (): Sum => ({ sum: 0, count: 0 });

/** The period just before `from`…`to`, as long. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to).length;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** The days a dashboard reads: the previous period, the 7-day baseline and the period. */
export function daysToRead(from: string, to: string): string[] {
  const previous = previousPeriod(from, to);
  const start = [previous.from, addDays(to, -BASELINE_DAYS)].sort()[0] ?? from;
  return daysBetween(start, to);
}

/** Builds the dashboard from day documents (any channels; filter before). */
export function dashboardReport(input: {
  period: ReportPeriod;
  days: ConversationDay[];
  channels: string[];
  rolledUpTo: Date | null;
  agentNames: Map<string, string>;
}): DashboardReport {
  const { period } = input;
  const byDate = new Map<string, ConversationDay[]>();
  for (const day of input.days) byDate.set(day.date, [...(byDate.get(day.date) ?? []), day]);
  const dates = daysBetween(period.from, period.to);
  const previousDates = daysBetween(period.previous.from, period.previous.to);
  const inPeriod = dates.flatMap((date) => byDate.get(date) ?? []);
  const opened = (date: string) => total((byDate.get(date) ?? []).map((day) => total(day.opened)));

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const day of inPeriod) {
    const row = heatmap[weekdayOf(day.date)]!;
    day.opened.forEach((count, hour) => (row[hour] = (row[hour] ?? 0) + count));
  }
  // A period holds some weekdays once more than others (30 days: two of them five times):
  // peaks are ranked by conversations per such day, not by the sum, which favours those.
  const weekdays = Array.from({ length: 7 }, () => 0);
  for (const date of dates) weekdays[weekdayOf(date)]! += 1;
  const peaks = heatmap
    .flatMap((row, weekday) =>
      row.map((conversations, hour) => ({
        weekday,
        hour,
        conversations,
        perDay: Math.round((conversations / Math.max(1, weekdays[weekday] ?? 0)) * 100) / 100,
      })),
    )
    .filter((cell) => cell.conversations > 0)
    .sort(
      (a, b) =>
        b.perDay - a.perDay ||
        b.conversations - a.conversations ||
        a.weekday - b.weekday ||
        a.hour - b.hour,
    )
    .slice(0, 5);
  const days = dates.map((date) => ({ date, conversations: opened(date) }));
  const previousDays = previousDates.map((date) => ({ date, conversations: opened(date) }));
  const conversations = total(days.map((d) => d.conversations));
  const previousConversations = total(previousDays.map((d) => d.conversations));

  const totals = inPeriod.reduce(
    (sum, day) => ({
      closed: sum.closed + day.totals.closed,
      automated: sum.automated + day.totals.automated,
      resolved: sum.resolved + day.totals.resolved,
      handoffs: sum.handoffs + total(day.queued),
      firstResponse: plus(sum.firstResponse, day.totals.firstResponse),
      wait: plus(sum.wait, day.totals.wait),
      handling: plus(sum.handling, day.totals.handling),
      abandonedInQueue: plus(sum.abandonedInQueue, day.totals.abandonedInQueue ?? zero()),
      satisfaction: plus(sum.satisfaction, day.totals.satisfaction),
      scores: sum.scores.map((n, i) => n + (day.totals.scores[i] ?? 0)),
    }),
    {
      closed: 0,
      automated: 0,
      resolved: 0,
      handoffs: 0,
      firstResponse: zero(),
      wait: zero(),
      handling: zero(),
      abandonedInQueue: zero(),
      satisfaction: zero(),
      scores: [0, 0, 0, 0, 0],
    },
  );
  const times = emptyDayTimes();
  for (const day of inPeriod)
    for (const figure of Object.keys(times) as (keyof typeof times)[])
      mergeHistogram(times[figure], day.totals.times?.[figure]);
  // A conversation is handed over at least once or never: a share of the closed ones, as the
  // automation rate is (a count of handoffs counted one handed over twice twice: above 100 %).
  const handedOff = totals.closed - totals.automated;
  const abandoned = totals.abandonedInQueue.count;

  return {
    period,
    channels: input.channels,
    rolledUpTo: input.rolledUpTo?.toISOString() ?? null,
    volume: {
      conversations,
      previousConversations,
      change: change(conversations, previousConversations),
      heatmap,
      days,
      previousDays,
      peaks,
    },
    intents: intentTrends(byDate, dates, previousDates),
    service: {
      conversations,
      closed: totals.closed,
      automated: totals.automated,
      handedOff,
      handoffs: totals.handoffs,
      resolved: totals.resolved,
      automationRate: rate(totals.automated, totals.closed),
      handoffRate: rate(handedOff, totals.closed),
      resolutionRate: rate(totals.resolved, totals.closed),
      firstResponse: timeFigure(totals.firstResponse, times.firstResponse),
      wait: timeFigure(totals.wait, times.wait),
      abandonedInQueue: {
        count: abandoned,
        rate: rate(abandoned, abandoned + totals.wait.count),
        wait: timeFigure(totals.abandonedInQueue, times.abandonedInQueue),
      },
      handling: timeFigure(totals.handling, times.handling),
      satisfaction: { ...score(totals.satisfaction), distribution: totals.scores },
    },
    agents: agentFigures(inPeriod, input.agentNames),
  };
}

function intentTrends(
  byDate: Map<string, ConversationDay[]>,
  dates: string[],
  previousDates: string[],
): IntentTrend[] {
  const countOn = (date: string) => {
    const counts = new Map<string, number>();
    for (const day of byDate.get(date) ?? [])
      for (const { intent, count } of day.intents)
        counts.set(intent, (counts.get(intent) ?? 0) + count);
    return counts;
  };
  const perDay = dates.map(countOn);
  const previous = previousDates.map(countOn);
  const last = dates.at(-1) ?? '';
  const baselineDays = daysBetween(addDays(last, -BASELINE_DAYS), addDays(last, -1)).map(countOn);
  const intents = new Set(perDay.flatMap((counts) => [...counts.keys()]));
  return [...intents]
    .map((intent) => {
      const days = perDay.map((counts) => counts.get(intent) ?? 0);
      const count = total(days);
      const previousCount = total(previous.map((counts) => counts.get(intent) ?? 0));
      const lastDay = days.at(-1) ?? 0;
      const baseline =
        Math.round((total(baselineDays.map((c) => c.get(intent) ?? 0)) / BASELINE_DAYS) * 100) /
        100;
      return {
        intent,
        count,
        previousCount,
        change: change(count, previousCount),
        lastDay,
        baseline,
        spike: lastDay >= SPIKE_MINIMUM && lastDay >= SPIKE_FACTOR * baseline,
        days,
      };
    })
    .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
}

function agentFigures(days: ConversationDay[], names: Map<string, string>): AgentFigures[] {
  const agents = new Map<string, ConversationDay['agents'][number]>();
  for (const day of days)
    for (const agent of day.agents) {
      const sum = agents.get(agent.agentId);
      agents.set(
        agent.agentId,
        sum
          ? {
              agentId: agent.agentId,
              handoffs: sum.handoffs + agent.handoffs,
              resolved: sum.resolved + agent.resolved,
              resolvedBySupervisor:
                (sum.resolvedBySupervisor ?? 0) + (agent.resolvedBySupervisor ?? 0),
              firstResponse: plus(sum.firstResponse, agent.firstResponse),
              handling: plus(sum.handling, agent.handling),
              satisfaction: plus(sum.satisfaction, agent.satisfaction),
              quality: plus(sum.quality, agent.quality),
            }
          : agent,
      );
    }
  return [...agents.values()]
    .map((agent) => ({
      agentId: agent.agentId,
      displayName: names.get(agent.agentId) ?? agent.agentId,
      conversations: agent.handoffs,
      resolved: agent.resolved,
      resolvedBySupervisor: agent.resolvedBySupervisor ?? 0,
      resolutionRate: rate(agent.resolved, agent.handoffs),
      firstResponse: average(agent.firstResponse),
      handling: average(agent.handling),
      satisfaction: score(agent.satisfaction),
      quality: score(agent.quality),
    }))
    .sort((a, b) => b.conversations - a.conversations || a.agentId.localeCompare(b.agentId));
}
