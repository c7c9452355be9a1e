import type { TFunction } from 'i18next';
import type { IntentTrend } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';

/** How many intents the chart shows (the table lists them all). */
export const CHART_INTENTS = 10;

export const SPIKE_COLOR = '#cf1322';
const BAR_COLOR = '#597ef7';

/**
 * The busiest intents as horizontal bars, busiest on top: this period's count, with the
 * previous period's beside it; a spiking intent's bar red.
 */
export function intentsOption(intents: IntentTrend[], t: TFunction): ChartOption {
  const shown = intents.slice(0, CHART_INTENTS);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // ECharts 6 puts legends at the bottom by default, over the axis labels: keep them on top.
    legend: { top: 0, data: [t('analytics.thisPeriod'), t('analytics.previousPeriod')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: shown.map((i) => i.intent) },
    series: [
      {
        name: t('analytics.thisPeriod'),
        type: 'bar',
        itemStyle: { color: BAR_COLOR },
        data: shown.map((i) => ({
          value: i.count,
          itemStyle: { color: i.spike ? SPIKE_COLOR : BAR_COLOR },
        })),
      },
      {
        name: t('analytics.previousPeriod'),
        type: 'bar',
        itemStyle: { color: '#d9d9d9' },
        data: shown.map((i) => i.previousCount),
      },
    ],
  };
}
