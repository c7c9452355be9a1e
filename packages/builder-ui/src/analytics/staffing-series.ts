import type { TFunction } from 'i18next';
import type { StaffingPlan } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';
import { formatHour } from './analytics-format.ts';

export const MISSES_TARGET_COLOR = '#cf1322';
const NEEDED_COLOR = '#597ef7';

/** The hours whose agents online fall short of the agents the target needs. */
export const hoursMissingTarget = (plan: StaffingPlan) =>
  plan.hours.filter((h) => h.missesTarget).map((h) => h.hour);

/**
 * Agents needed per hour as bars (red where the agents online miss the target), the agents
 * online as a line across them, and the expected handoffs on a second axis.
 */
export function staffingOption(plan: StaffingPlan, t: TFunction): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: {
      top: 0,
      data: [t('analytics.agentsNeeded'), t('analytics.agentsOnline'), t('analytics.forecast')],
    },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: plan.hours.map((h) => formatHour(h.hour)) },
    yAxis: [
      { type: 'value', name: t('analytics.agentsNeeded'), minInterval: 1 },
      { type: 'value', name: t('analytics.forecast'), splitLine: { show: false } },
    ],
    series: [
      {
        name: t('analytics.agentsNeeded'),
        type: 'bar',
        itemStyle: { color: NEEDED_COLOR },
        data: plan.hours.map((h) => ({
          value: h.agentsNeeded,
          itemStyle: { color: h.missesTarget ? MISSES_TARGET_COLOR : NEEDED_COLOR },
        })),
      },
      {
        name: t('analytics.agentsOnline'),
        type: 'line',
        step: 'middle',
        symbol: 'none',
        itemStyle: { color: '#389e0d' },
        lineStyle: { width: 2 },
        data: plan.hours.map(() => plan.agentsOnline),
      },
      {
        name: t('analytics.forecast'),
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        itemStyle: { color: '#fa8c16' },
        lineStyle: { type: 'dashed' },
        data: plan.hours.map((h) => Number(h.forecast.toFixed(1))),
      },
    ],
  };
}
