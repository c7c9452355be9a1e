import type { TFunction } from 'i18next';
import type { FunnelNode } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';

/** How many nodes count as the biggest drop-offs of a journey. */
export const BIGGEST_DROP_OFFS = 3;

/**
 * The nodes most instances stopped at (not those still waiting there): the `limit` largest `dropped`
 * counts above zero, most first; ties keep the workflow's node order.
 */
export function biggestDropOffs(nodes: FunnelNode[], limit = BIGGEST_DROP_OFFS): Set<string> {
  const dropping = nodes
    .map((node, order) => ({ node, order }))
    .filter(({ node }) => node.dropped > 0)
    .sort((a, b) => b.node.dropped - a.node.dropped || a.order - b.order);
  return new Set(dropping.slice(0, limit).map(({ node }) => node.nodeId));
}

/** A node's name on the chart and in the table: its label, or its id. */
export const nodeName = (node: FunnelNode) => node.label || node.nodeId;

/**
 * The journey's nodes in order as stacked bars: those who moved on, and those who dropped off
 * (red, darker at the biggest drop-offs).
 */
export function funnelOption(nodes: FunnelNode[], t: TFunction): ChartOption {
  const worst = biggestDropOffs(nodes);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // ECharts 6 puts legends at the bottom by default, over the axis labels: keep them on top.
    legend: { top: 0, data: [t('analytics.left'), t('analytics.dropped')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: nodes.map(nodeName) },
    series: [
      {
        name: t('analytics.left'),
        type: 'bar',
        stack: 'entered',
        itemStyle: { color: '#597ef7' },
        data: nodes.map((n) => n.entered - n.dropped),
      },
      {
        name: t('analytics.dropped'),
        type: 'bar',
        stack: 'entered',
        itemStyle: { color: '#ff7875' },
        data: nodes.map((n) => ({
          value: n.dropped,
          itemStyle: { color: worst.has(n.nodeId) ? '#cf1322' : '#ff7875' },
        })),
      },
    ],
  };
}
