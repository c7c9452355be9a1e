import type { TFunction } from 'i18next';
import type { DashboardReport, VolumePeak } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';
import { formatHour } from './analytics-format.ts';

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** One cell of the heatmap as echarts takes it: hour (x), weekday (y), conversations. */
export type HeatmapCell = [hour: number, weekday: number, conversations: number];

/**
 * Every weekday × hour cell of `heatmap[weekday][hour]` (weekday 0 = Monday), a missing row or
 * hour counting 0, and the busiest count (at least 1, so an empty scale still has a range).
 */
export function heatmapCells(heatmap: number[][]): { cells: HeatmapCell[]; max: number } {
  const cells: HeatmapCell[] = [];
  let max = 1;
  for (const weekday of WEEKDAYS)
    for (const hour of HOURS) {
      const conversations = heatmap[weekday]?.[hour] ?? 0;
      cells.push([hour, weekday, conversations]);
      max = Math.max(max, conversations);
    }
  return { cells, max };
}

/** The weekday names, Monday first, in the language of `t`. */
export const weekdayNames = (t: TFunction) => WEEKDAYS.map((day) => t(`analytics.weekday.${day}`));

/** A peak as people read it: `周一 10:00` / `Mon 10:00`. */
export const peakText = (peak: VolumePeak, t: TFunction) =>
  `${t(`analytics.weekday.${peak.weekday}`)} ${formatHour(peak.hour)}`;

/**
 * The heatmap of conversations by weekday (rows, Monday on top) and local hour (columns): the
 * darker the busier, and the peak cells framed in red with their count written in.
 */
export function heatmapOption(volume: DashboardReport['volume'], t: TFunction): ChartOption {
  const { cells, max } = heatmapCells(volume.heatmap);
  const peaks = new Set(volume.peaks.map((p) => `${p.weekday}/${p.hour}`));
  return {
    tooltip: { position: 'top' },
    grid: { left: 56, right: 16, top: 8, bottom: 72 },
    xAxis: {
      type: 'category',
      name: t('analytics.hour'),
      nameLocation: 'middle',
      nameGap: 26,
      data: HOURS.map(String),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: weekdayNames(t),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f0f5ff', '#597ef7', '#10239e'] },
    },
    series: [
      {
        name: t('analytics.conversations'),
        type: 'heatmap',
        data: cells.map(([hour, weekday, conversations]) =>
          peaks.has(`${weekday}/${hour}`)
            ? {
                value: [hour, weekday, conversations],
                itemStyle: { borderColor: '#cf1322', borderWidth: 2 },
                label: { show: true, color: '#fff', fontWeight: 'bold' },
              }
            : [hour, weekday, conversations],
        ),
        emphasis: { itemStyle: { shadowBlur: 8, shadowColor: 'rgba(0, 0, 0, 0.4)' } },
      },
    ],
  };
}
