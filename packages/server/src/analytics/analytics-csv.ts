import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '../csv-formula.ts';
import type { DashboardReport, JourneyFunnel, StaffingPlan } from './analytics-report.types.ts';

/** The tables a dashboard can export. */
export const CSV_TABLES = ['volume', 'intents', 'agents', 'funnel', 'staffing'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Row = (string | number | boolean | null)[];

/**
 * A UTF-8 CSV with a byte-order mark (so Excel reads the Chinese) and a zh/en header row; text
 * cells that a spreadsheet would run as formulas are neutralised.
 */
function csv(header: string[], rows: Row[]): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => row.map((v) => v ?? ''))], {
    cast: { ...SAFE_CSV_CAST, boolean: (value) => String(value) },
  })}`;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

export function volumeCsv(report: DashboardReport): string {
  return csv(
    ['日期 / date', '会话数 / conversations'],
    report.volume.days.map((day) => [day.date, day.conversations]),
  );
}

export function intentsCsv(report: DashboardReport): string {
  return csv(
    [
      '意图 / intent',
      '会话数 / count',
      '上期 / previous',
      '变化 / change',
      '最后一天 / last day',
      '基线 / baseline',
      '激增 / spike',
    ],
    report.intents.map((i) => [
      i.intent,
      i.count,
      i.previousCount,
      i.change,
      i.lastDay,
      i.baseline,
      i.spike,
    ]),
  );
}

export function agentsCsv(report: DashboardReport): string {
  return csv(
    [
      '客服 / agent',
      '姓名 / name',
      // What the console's agents table says: handoffs the agent finished, not conversations.
      '处理的转人工 / handoffs finished',
      '已解决 / resolved',
      '转人工解决率（0–1）/ handoff resolution (0–1)',
      '客服首次回复（秒）/ agent first reply (s)',
      '处理时长（秒）/ handling (s)',
      '满意度 / satisfaction',
      '质检分 / quality',
    ],
    report.agents.map((a) => [
      a.agentId,
      a.displayName,
      a.conversations,
      a.resolved,
      a.resolutionRate,
      seconds(a.firstResponse.averageMs),
      seconds(a.handling.averageMs),
      a.satisfaction.average,
      a.quality.average,
    ]),
  );
}

export function funnelCsv(funnel: JourneyFunnel): string {
  return csv(
    [
      '节点 / node',
      '名称 / label',
      '类型 / type',
      '进入 / entered',
      '离开 / left',
      '等待中 / waiting',
      '流失 / dropped',
      '到达率 / reached',
      '平均停留（秒）/ avg time (s)',
    ],
    funnel.nodes.map((n) => [
      n.nodeId,
      n.label,
      n.type,
      n.entered,
      n.left,
      n.waiting,
      n.dropped,
      n.reachedRate,
      seconds(n.time.averageMs),
    ]),
  );
}

export function staffingCsv(plan: StaffingPlan): string {
  return csv(
    [
      '小时 / hour',
      '预测转人工 / forecast',
      '所需客服 / agents needed',
      '在线客服 / agents online',
      '在线服务水平 / service level online',
      '未达标 / misses target',
    ],
    plan.hours.map((h) => [
      h.hour,
      h.forecast,
      h.agentsNeeded,
      plan.agentsOnline,
      h.serviceLevelOnline,
      h.missesTarget,
    ]),
  );
}
