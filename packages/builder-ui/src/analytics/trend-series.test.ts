import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { LineSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import { dashboard } from './fixtures/analytics-fixtures.ts';
import { trendOption, trendPoints } from './trend-series.ts';

let en: TFunction;
beforeAll(async () => {
  ({ en } = await translations());
});

describe('the daily trend against the previous period', () => {
  it('should pair day n of the period with day n of the previous one', () => {
    const { days, previousDays } = dashboard.volume;
    expect(trendPoints(days, previousDays)[1]).toEqual({
      date: '2026-11-02',
      conversations: 50,
      previousDate: '2026-10-30',
      previous: 40,
    });
    expect(trendPoints(days, previousDays.slice(0, 1))[2]?.previous).toBeNull();
  });

  it('should draw this period solid and the previous dashed, named in the language shown', () => {
    const option = trendOption(dashboard.volume.days, dashboard.volume.previousDays, en);
    expect(option.xAxis).toMatchObject({ data: ['11-01', '11-02', '11-03'] });
    const [current, previous] = option.series as LineSeriesOption[];
    expect(current).toMatchObject({ name: 'This period', data: [40, 50, 60] });
    expect(previous).toMatchObject({
      name: 'Previous period',
      data: [30, 40, 50],
      lineStyle: { type: 'dashed' },
    });
  });
});
