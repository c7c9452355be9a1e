import type { TFunction } from 'i18next';
import type { FunnelNode } from './analytics-api.ts';
import { funnelParts } from './funnel-parts.ts';
import { nodeName } from './funnel-series.ts';
import type { ChartText } from './chart-option.ts';

/** The funnel chart's text alternative: each node's instances reached and what became of them. */
export function funnelText(
  nodes: FunnelNode[],
  t: TFunction,
  formatRate: (rate: number | null) => string,
): ChartText {
  return {
    title: t('funnel.chart.textTitle'),
    lines: nodes.map((node) => {
      const part = funnelParts(node);
      const values = {
        node: nodeName(node),
        reached: part.reached,
        rate: formatRate(node.reachedRate),
        movedOn: part.movedOn,
        endedHere: part.endedHere,
        waiting: part.waiting,
        dropped: part.dropped,
      };
      return node.type === 'end'
        ? t('funnel.chart.textLineEnd', values)
        : t('funnel.chart.textLine', values);
    }),
  };
}
