import type { TFunction } from 'i18next';
import type { DailyCount } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';

/** A day's point on the trend: its date and this and the previous period's count that day. */
export interface TrendPoint {
  date: string;
  conversations: number;
  /** The same day of the previous period (day n against day n), null past its end. */
  previousDate: string | null;
  previous: number | null;
}

/** The days of the period paired with the previous period's days, in order. */
export function trendPoints(days: DailyCount[], previousDays: DailyCount[]): TrendPoint[] {
  return days.map((day, index) => {
    const previous = previousDays[index];
    return {
      date: day.date,
      conversations: day.conversations,
      previousDate: previous?.date ?? null,
      previous: previous?.conversations ?? null,
    };
  });
}

/** Conversations per day, this period's line solid, the previous period's dashed under it. */
export function trendOption(
  days: DailyCount[],
  previousDays: DailyCount[],
  t: TFunction,
): ChartOption {
  const points = trendPoints(days, previousDays);
  return {
    tooltip: { trigger: 'axis' },
    // ECharts 6 puts legends at the bottom by default, over the axis labels: keep them on top.
    legend: { top: 0, data: [t('analytics.thisPeriod'), t('analytics.previousPeriod')] },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => p.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('analytics.thisPeriod'),
        type: 'line',
        smooth: true,
        data: points.map((p) => p.conversations),
      },
      {
        name: t('analytics.previousPeriod'),
        type: 'line',
        smooth: true,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#bfbfbf' },
        data: points.map((p) => p.previous),
      },
    ],
  };
}
