import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup.ts';
import type { ChartOption } from './chart-option.ts';

/** People who asked their system for less motion get charts drawn at once, not grown in. */
const REDUCED_MOTION =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** An echarts chart of the parts echarts-setup.ts registers, redrawn when its option changes. */
export function EChart({ option, height }: { option: ChartOption; height: number }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={REDUCED_MOTION ? { ...option, animation: false } : option}
      notMerge
      lazyUpdate
      style={{ height, width: '100%' }}
    />
  );
}
