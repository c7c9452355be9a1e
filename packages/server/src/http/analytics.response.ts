import { arrayOf, boolean, integer, nullable, number, object, text } from './response-schema.ts';

const period = object({
  from: text,
  to: text,
  timeZone: text,
  channel: nullable(text),
  previous: object({ from: text, to: text }),
});
const average = object({ averageMs: nullable(number), count: integer });
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
    handedOff: integer,
    resolved: integer,
    automationRate: nullable(number),
    handoffRate: nullable(number),
    resolutionRate: nullable(number),
    firstResponse: average,
    wait: average,
    handling: average,
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
