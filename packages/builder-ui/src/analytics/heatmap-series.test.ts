import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { HeatmapSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import { dashboard, emptyDashboard } from './fixtures/analytics-fixtures.ts';
import { heatmapCells, heatmapOption, peakText, weekdayNames } from './heatmap-series.ts';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  ({ en, zh } = await translations());
});

const seriesOf = (option: ReturnType<typeof heatmapOption>) =>
  (option.series as HeatmapSeriesOption[])[0]!;

describe('the heatmap of conversations by weekday and hour', () => {
  it('should make one [hour, weekday, count] cell per weekday and hour', () => {
    const { cells, max } = heatmapCells(dashboard.volume.heatmap);
    expect(cells).toHaveLength(7 * 24);
    expect(cells).toContainEqual([10, 0, 30]); // Monday 10:00
    expect(cells).toContainEqual([21, 6, 50]); // Sunday 21:00
    expect(cells).toContainEqual([3, 2, 0]);
    expect(max).toBe(50);
  });

  it('should count missing rows and hours as 0 and keep a scale for an empty period', () => {
    const { cells, max } = heatmapCells([[1, 2]]);
    expect(cells).toHaveLength(7 * 24);
    expect(cells.filter(([, , n]) => n > 0)).toEqual([
      [0, 0, 1],
      [1, 0, 2],
    ]);
    expect(max).toBe(2);
    expect(heatmapCells(emptyDashboard.volume.heatmap).max).toBe(1);
  });

  it('should name the weekdays Monday first in the language shown', () => {
    expect(weekdayNames(en)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames(zh)[0]).toBe('周一');
    expect(weekdayNames(zh)[6]).toBe('周日');
    expect(peakText({ weekday: 6, hour: 21, conversations: 50, perDay: 50 }, zh)).toBe(
      '周日 21:00',
    );
  });

  it('should label its axes in the language shown, Monday on top, the scale up to the busiest', () => {
    const option = heatmapOption(dashboard.volume, zh);
    expect(option.yAxis).toMatchObject({ data: weekdayNames(zh), inverse: true });
    expect(option.xAxis).toMatchObject({ name: '时' });
    expect(option.visualMap).toMatchObject({ min: 0, max: 50 });
    expect(seriesOf(option).name).toBe('会话量');
  });

  it('should frame the peak cells and write their count', () => {
    const data = seriesOf(heatmapOption(dashboard.volume, en)).data as unknown[];
    const framed = data.filter((cell) => !Array.isArray(cell)) as { value: number[] }[];
    expect(framed.map((cell) => cell.value)).toEqual([
      [10, 0, 30],
      [20, 3, 20],
      [21, 6, 50],
    ]);
    expect(framed[0]).toMatchObject({ itemStyle: { borderWidth: 2 }, label: { show: true } });
  });
});
