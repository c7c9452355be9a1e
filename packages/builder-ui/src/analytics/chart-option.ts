import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

/**
 * An option of the charts the analytics draw: heatmap, bars and lines with a grid, tooltip,
 * legend and visual map (the parts echarts-setup.ts registers). Types only: the option builders
 * stay free of echarts' code, which loads with the first chart.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a chart says, in words, for those who cannot see it: its title and a line an item. */
export interface ChartText {
  title: string;
  lines: string[];
}
