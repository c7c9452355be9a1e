import {
  anyObject,
  arrayOf,
  boolean,
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

/**
 * The success answers of `/api/analytics`. The reports' top levels are declared; the deeper
 * figures (volume, service, heatmaps) are documented in docs/analytics.md.
 */
export const analyticsResponseSchemas = {
  dashboard: object({
    period,
    channels: arrayOf(text),
    rolledUpTo: nullable(text),
    volume: anyObject,
    intents: arrayOf(anyObject),
    service: anyObject,
    agents: arrayOf(anyObject),
  }),
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
