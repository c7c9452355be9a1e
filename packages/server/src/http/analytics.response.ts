import {
  arrayOf,
  boolean,
  described,
  integer,
  nullable,
  number,
  object,
  text,
} from './response-schema.ts';

const period = object({
  from: text,
  to: text,
  timeZone: text,
  channel: nullable(text),
  previous: object({ from: text, to: text }),
});
const average = object({ averageMs: nullable(number), count: integer });
/** A duration: average, median and 90th percentile (ms), docs/analytics.md. */
const timeFigure = object({
  averageMs: nullable(number),
  count: integer,
  p50Ms: described(
    nullable(number),
    'Median, ms, within 2.5 % (from hourly rollup histograms) / 中位数（毫秒，误差 2.5% 以内）',
  ),
  p90Ms: described(
    nullable(number),
    '90th percentile, ms, within 2.5 % / 第 90 百分位（毫秒，误差 2.5% 以内）',
  ),
  percentileCount: described(
    integer,
    'Values the percentiles are of: below count only for days rolled up before percentiles were kept / 百分位所依据的数值个数',
  ),
});
const scoreAverage = object({ average: nullable(number), count: integer });
const dailyCount = object({ date: text, conversations: integer });

/** The dashboard; what each figure means is in docs/analytics.md. */
const dashboard = object({
  period,
  channels: arrayOf(text),
  rolledUpTo: nullable(text),
  volume: object({
    conversations: integer,
    previousConversations: integer,
    change: nullable(number),
    /** heatmap[weekday][hour], weekday 0 = Monday, local hours. */
    heatmap: arrayOf(arrayOf(integer)),
    days: arrayOf(dailyCount),
    previousDays: arrayOf(dailyCount),
    peaks: arrayOf(
      object({ weekday: integer, hour: integer, conversations: integer, perDay: number }),
    ),
  }),
  intents: arrayOf(
    object({
      intent: text,
      count: integer,
      previousCount: integer,
      change: nullable(number),
      lastDay: integer,
      baseline: number,
      spike: boolean,
      days: arrayOf(integer),
    }),
  ),
  service: object({
    conversations: integer,
    closed: integer,
    automated: integer,
    handedOff: described(
      integer,
      'Closed conversations handed to a person at least once (closed − automated) / 至少转过一次人工的已关闭会话数',
    ),
    handoffs: described(
      integer,
      'Handoffs queued: a conversation handed over twice counts twice, a transfer not again (agent workload) / 转人工次数（排队次数，同一会话两次算两次，转组不另计）',
    ),
    resolved: integer,
    automationRate: described(nullable(number), 'automated / closed / 自动解决数 ÷ 已关闭数'),
    handoffRate: described(
      nullable(number),
      'Share of conversations handed to a person at least once: handedOff / closed / 转过人工的会话占比：handedOff ÷ closed',
    ),
    resolutionRate: nullable(number),
    firstResponse: timeFigure,
    wait: described(
      timeFigure,
      'Queued → an agent took it, over the handoffs answered / 排队到客服接入（已接入的转人工）',
    ),
    abandonedInQueue: described(
      object({ count: integer, rate: nullable(number), wait: timeFigure }),
      'Handoffs the customer left before an agent took them; rate = count / (count + wait.count), wait = queued → left / 排队中放弃的转人工：放弃率 = 放弃数 ÷（放弃数 + 已接入数），等待为排队到离开',
    ),
    handling: timeFigure,
    /** distribution[0] = how many gave 1 … [4] = how many gave 5. */
    satisfaction: object({
      average: nullable(number),
      count: integer,
      distribution: arrayOf(integer),
    }),
  }),
  agents: arrayOf(
    object({
      agentId: text,
      displayName: text,
      conversations: integer,
      resolved: integer,
      /** Resolved by a supervisor for the agent: counted in `conversations`, not in `resolved`. */
      resolvedBySupervisor: integer,
      resolutionRate: nullable(number),
      firstResponse: average,
      handling: average,
      satisfaction: scoreAverage,
      quality: scoreAverage,
    }),
  ),
});

/** The success answers of `/api/analytics`. */
export const analyticsResponseSchemas = {
  dashboard,
  funnel: object({
    workflowId: text,
    name: text,
    period,
    started: integer,
    completed: integer,
    cancelled: integer,
    nodes: arrayOf(
      object({
        nodeId: text,
        label: text,
        type: text,
        entered: integer,
        reached: integer,
        left: integer,
        waiting: integer,
        dropped: integer,
        reachedRate: nullable(number),
        time: average,
      }),
    ),
  }),
  staffing: object({
    date: text,
    timeZone: text,
    group: nullable(text),
    target: object({ level: number, seconds: number }),
    weeksUsed: integer,
    averageHandlingSeconds: number,
    agentsOnline: integer,
    hours: arrayOf(
      object({
        hour: integer,
        forecast: number,
        agentsNeeded: integer,
        serviceLevelOnline: nullable(number),
        missesTarget: boolean,
      }),
    ),
  }),
  rollup: object({ ran: boolean, facts: integer, days: integer, ms: number }),
  /** A table as CSV text. */
  csv: { type: 'string' },
} as const;
