import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup.ts';
import type { ChartOption } from './chart-option.ts';

/** An echarts chart of the parts echarts-setup.ts registers, redrawn when its option changes. */
export function EChart({ option, height }: { option: ChartOption; height: number }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      lazyUpdate
      style={{ height, width: '100%' }}
    />
  );
}
