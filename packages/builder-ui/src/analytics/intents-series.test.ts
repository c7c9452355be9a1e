import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { BarSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import type { IntentTrend } from './analytics-api.ts';
import { dashboard } from './fixtures/analytics-fixtures.ts';
import { CHART_INTENTS, SPIKE_COLOR, intentsOption } from './intents-series.ts';

let zh: TFunction;
beforeAll(async () => {
  ({ zh } = await translations());
});

describe('the chart of the top intents', () => {
  it('should draw the busiest on top and a spiking intent red', () => {
    const option = intentsOption(dashboard.intents, zh);
    expect(option.yAxis).toMatchObject({
      inverse: true,
      data: ['order.status', 'logistics.complaint', 'refund.request'],
    });
    const [current, previous] = option.series as BarSeriesOption[];
    const bars = current!.data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((bar) => bar.value)).toEqual([70, 30, 12]);
    expect(bars[1]!.itemStyle.color).toBe(SPIKE_COLOR);
    expect(bars[0]!.itemStyle.color).not.toBe(SPIKE_COLOR);
    expect(previous).toMatchObject({ name: '上期', data: [60, 10, 0] });
  });

  it('should show at most ten intents', () => {
    const many: IntentTrend[] = Array.from({ length: 25 }, (_, n) => ({
      ...dashboard.intents[0]!,
      intent: `intent-${n}`,
    }));
    expect((intentsOption(many, zh).yAxis as { data: string[] }).data).toHaveLength(CHART_INTENTS);
  });
});
