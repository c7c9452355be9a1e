import type { TFunction } from 'i18next';
import type { BarSeriesOption } from 'echarts/charts';
import type { FunnelNode } from './analytics-api.ts';
import type { ChartOption } from './chart-option.ts';
import { funnelParts } from './funnel-parts.ts';

/** How many nodes count as the biggest drop-offs of a journey. */
export const BIGGEST_DROP_OFFS = 3;

/** The colours of a bar's parts before its drop-offs. */
const PART_COLORS = { movedOn: '#597ef7', endedHere: '#73d13d', waiting: '#ffc53d' } as const;
export const DROPPED_COLOR = '#ff7875';
export const BIGGEST_DROP_OFF_COLOR = '#cf1322';

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

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The journey's nodes in order, one bar each as long as the instances that reached the node
 * (each once, as the table's "instances reached"; never the entries, which a loop counts again),
 * split into those who moved on, ended there, are still waiting there, and dropped off there
 * (red, darker at the biggest drop-offs), with the number reached at its end.
 */
export function funnelOption(
  nodes: FunnelNode[],
  t: TFunction,
  formatRate: (rate: number | null) => string,
): ChartOption {
  const worst = biggestDropOffs(nodes);
  const parts = nodes.map(funnelParts);
  const names = {
    movedOn: t('funnel.chart.movedOn'),
    endedHere: t('funnel.chart.endedHere'),
    waiting: t('funnel.waiting'),
    dropped: t('analytics.dropped'),
  };
  const tooltip = (index: number) => {
    const node = nodes[index];
    const part = parts[index];
    if (!node || !part) return '';
    const lines = [
      `<b>${escapeHtml(nodeName(node))}</b>`,
      escapeHtml(
        t('funnel.chart.reachedOf', { reached: part.reached, rate: formatRate(node.reachedRate) }),
      ),
      ...(node.entered !== node.reached
        ? [escapeHtml(t('funnel.chart.entries', { entered: node.entered }))]
        : []),
      ...(node.type === 'end'
        ? [`${escapeHtml(names.endedHere)}: ${part.endedHere}`]
        : [`${escapeHtml(names.movedOn)}: ${part.movedOn}`]),
      `${escapeHtml(names.waiting)}: ${part.waiting}`,
      `${escapeHtml(names.dropped)}: ${part.dropped}`,
    ];
    return lines.join('<br/>');
  };
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return tooltip(first?.dataIndex ?? 0);
      },
    },
    // ECharts 6 puts legends at the bottom by default, over the axis labels: keep them on top.
    legend: {
      top: 0,
      data: [names.movedOn, names.endedHere, names.waiting, names.dropped],
    },
    grid: { left: 8, right: 40, top: 36, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      name: t('analytics.reachedInstances'),
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'category', inverse: true, data: nodes.map(nodeName) },
    series: [
      ...(['movedOn', 'endedHere', 'waiting'] as const).map((part): BarSeriesOption => ({
        name: names[part],
        type: 'bar',
        stack: 'reached',
        itemStyle: { color: PART_COLORS[part] },
        data: parts.map((p) => p[part]),
      })),
      {
        name: names.dropped,
        type: 'bar',
        stack: 'reached',
        itemStyle: { color: DROPPED_COLOR },
        // The last part of each bar carries the number of instances that reached the node.
        label: {
          show: true,
          position: 'right',
          color: '#262626',
          formatter: ({ dataIndex }) => String(parts[dataIndex]?.reached ?? ''),
        },
        data: nodes.map((n, index) => ({
          value: parts[index]?.dropped ?? 0,
          itemStyle: { color: worst.has(n.nodeId) ? BIGGEST_DROP_OFF_COLOR : DROPPED_COLOR },
        })),
      },
    ],
  };
}
