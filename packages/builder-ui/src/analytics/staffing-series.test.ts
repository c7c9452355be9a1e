import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import { staffing } from './fixtures/analytics-fixtures.ts';
import { MISSES_TARGET_COLOR, hoursMissingTarget, staffingOption } from './staffing-series.ts';

let en: TFunction;
beforeAll(async () => {
  ({ en } = await translations());
});

describe('the staffing chart', () => {
  it('should find the hours the agents online fall short in', () => {
    expect(hoursMissingTarget(staffing)).toEqual([10, 11]);
  });

  it('should draw agents needed as bars, red where short, against a line of agents online', () => {
    const option = staffingOption(staffing, en);
    expect(option.xAxis).toMatchObject({ data: ['00:00', '09:00', '10:00', '11:00'] });
    const [needed, online, forecast] = option.series as [
      BarSeriesOption,
      LineSeriesOption,
      LineSeriesOption,
    ];
    const bars = needed.data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((bar) => bar.value)).toEqual([0, 2, 8, 5]);
    expect(bars.map((bar) => bar.itemStyle.color === MISSES_TARGET_COLOR)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(online).toMatchObject({ name: 'Agents online', type: 'line', data: [3, 3, 3, 3] });
    expect(forecast).toMatchObject({ yAxisIndex: 1, data: [0, 20, 100, 60] });
  });
});
