import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '../csv-formula.ts';
import type {
  DashboardReport,
  JourneyFunnel,
  StaffingPlan,
  TimeFigure,
} from './analytics-report.types.ts';

/** The tables a dashboard can export. */
export const CSV_TABLES = ['service', 'volume', 'intents', 'agents', 'funnel', 'staffing'] as const;
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

/**
 * The key figures of the period, one a row: counts and rates (the part and the whole it is of),
 * then each duration's average, median and 90th percentile in seconds.
 */
export function serviceCsv(report: DashboardReport): string {
  const s = report.service;
  const rateRow = (name: string, value: number | null, part: number, whole: number): Row => [
    name,
    value,
    part,
    whole,
    null,
    null,
    null,
  ];
  const timeRow = (name: string, time: TimeFigure): Row => [
    name,
    null,
    time.count,
    null,
    seconds(time.averageMs),
    seconds(time.p50Ms),
    seconds(time.p90Ms),
  ];
  return csv(
    [
      '指标 / figure',
      '比率（0–1）/ rate (0–1)',
      '数量 / count',
      '总数 / of',
      '平均（秒）/ average (s)',
      '中位数（秒）/ p50 (s)',
      '90 分位（秒）/ p90 (s)',
    ],
    [
      ['会话 / conversations opened', null, s.conversations, null, null, null, null],
      ['已关闭会话 / conversations closed', null, s.closed, null, null, null, null],
      rateRow('自动解决率 / automation rate', s.automationRate, s.automated, s.closed),
      rateRow(
        '转过人工的会话占比 / share of conversations handed to a person at least once',
        s.handoffRate,
        s.handedOff,
        s.closed,
      ),
      [
        '转人工次数（同一会话两次算两次）/ handoffs queued (a conversation handed over twice counts twice)',
        null,
        s.handoffs,
        null,
        null,
        null,
        null,
      ],
      rateRow('解决率 / resolution rate', s.resolutionRate, s.resolved, s.closed),
      rateRow(
        '排队放弃率 / abandoned in queue',
        s.abandonedInQueue.rate,
        s.abandonedInQueue.count,
        s.abandonedInQueue.count + s.wait.count,
      ),
      timeRow('首次响应 / first response', s.firstResponse),
      timeRow('排队等待（至客服接入）/ queue wait (until an agent took it)', s.wait),
      timeRow('放弃前等待 / wait before abandoning', s.abandonedInQueue.wait),
      timeRow('处理时长 / handling', s.handling),
    ],
  );
}

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
      '进入次数 / entries',
      '到达实例 / instances reached',
      '离开次数 / left',
      '等待中 / waiting',
      '流失 / dropped',
      '到达率 / reached rate',
      '平均停留（秒）/ avg time (s)',
    ],
    funnel.nodes.map((n) => [
      n.nodeId,
      n.label,
      n.type,
      n.entered,
      n.reached,
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
