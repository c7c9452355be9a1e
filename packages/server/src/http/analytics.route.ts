import { Router } from 'express';
import { audits } from './audit-trail.ts';
import type { Analytics, PeriodQuery } from '../analytics/analytics.ts';
import { addDays, daysBetween, localTime } from '../analytics/local-time.ts';
import {
  agentsCsv,
  CSV_TABLES,
  funnelCsv,
  intentsCsv,
  serviceCsv,
  staffingCsv,
  volumeCsv,
  type CsvTable,
} from '../analytics/analytics-csv.ts';
import { ApiError } from './api-error.ts';
import { allow } from './authenticate.ts';
import { param } from './params.ts';
import { analyticsResponseSchemas } from './analytics.response.ts';
import { responds } from './route-metadata.ts';
import { acceptsQuery, invalidQuery, type QueryValues } from './validate-query.ts';
import { day, matching, numberBetween } from './query-parameter.ts';

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 366;
const PERIOD_PARAMETERS = {
  from: day,
  to: day,
  channel: matching(/^[a-z][a-z0-9-]{0,31}$/, {
    zh: '小写字母开头，最多 32 个小写字母、数字或 "-"',
    en: 'a lower-case letter, then up to 31 lower-case letters, digits or "-"',
  }),
};
const STAFFING_PARAMETERS = {
  date: day,
  group: matching(/^[a-z0-9-]{1,40}$/, {
    zh: '1–40 个小写字母、数字或 "-"',
    en: '1–40 lower-case letters, digits or "-"',
  }),
  targetLevel: numberBetween(0.01, 0.99),
  targetSeconds: numberBetween(1, 3600),
  weeks: numberBetween(1, 12),
};
/** The query of the dashboard and funnel: `from`/`to` (the last 30 days) and `channel`. */
export const PERIOD_QUERY = acceptsQuery(PERIOD_PARAMETERS);
/** The query of the staffing plan. */
export const STAFFING_QUERY = acceptsQuery(STAFFING_PARAMETERS);
/** The query of a CSV export: any table's filters. */
export const EXPORT_QUERY = acceptsQuery({
  ...PERIOD_PARAMETERS,
  ...STAFFING_PARAMETERS,
  workflowId: matching(/^.{1,200}$/, { zh: '旅程的 id', en: "a journey's id" }),
});

type PeriodValues = QueryValues<typeof PERIOD_PARAMETERS>;
type StaffingValues = QueryValues<typeof STAFFING_PARAMETERS>;

/** The period asked for (default: the last 30 days up to today in the shop's zone). */
function period(query: PeriodValues, timeZone: string): PeriodQuery {
  const today = localTime(new Date(), timeZone).date;
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  if (from > to)
    throw invalidQuery('from', {
      zh: `开始日期 ${from} 晚于结束日期 ${to}。`,
      en: `from (${from}) is after to (${to}).`,
    });
  if (daysBetween(from, to).length > MAX_PERIOD_DAYS)
    throw invalidQuery('from', {
      zh: `时间范围最长 ${MAX_PERIOD_DAYS} 天。`,
      en: `A period covers at most ${MAX_PERIOD_DAYS} days.`,
    });
  return { from, to, ...(query.channel ? { channel: query.channel } : {}) };
}

function staffingRequest(query: StaffingValues, timeZone: string) {
  return {
    date: query.date ?? addDays(localTime(new Date(), timeZone).date, 1),
    group: query.group ?? null,
    targetLevel: query.targetLevel ?? 0.8,
    targetSeconds: query.targetSeconds ?? 20,
    weeks: Math.round(query.weeks ?? 4),
  };
}

function workflowIdOf(query: { workflowId?: string }): string {
  if (!query.workflowId)
    throw invalidQuery('workflowId', {
      zh: '导出漏斗需要 workflowId。',
      en: 'Exporting a funnel needs workflowId.',
    });
  return query.workflowId;
}

/**
 * `/api/analytics/*`: the dashboard, journey funnels, staffing hints and their CSV exports,
 * read from the hourly rollups (see analytics/analytics.ts).
 */
export function analyticsRouter(analytics: Analytics): Router {
  const router = Router();
  const zone = analytics.timeZone;
  router.get(
    '/analytics/dashboard',
    allow('read'),
    PERIOD_QUERY.check,
    responds(analyticsResponseSchemas.dashboard),
    async (request, response) => {
      response.json(await analytics.dashboard(period(PERIOD_QUERY.read(request), zone)));
    },
  );
  router.get(
    '/analytics/journeys/:id/funnel',
    allow('read'),
    PERIOD_QUERY.check,
    responds(analyticsResponseSchemas.funnel),
    async (request, response) => {
      const query = PERIOD_QUERY.read(request);
      response.json(await analytics.funnel(param(request, 'id'), period(query, zone)));
    },
  );
  router.get(
    '/analytics/staffing',
    allow('read'),
    STAFFING_QUERY.check,
    responds(analyticsResponseSchemas.staffing),
    async (request, response) => {
      const query = STAFFING_QUERY.read(request);
      response.json(await analytics.staffing(staffingRequest(query, zone)));
    },
  );
  router.post(
    '/analytics/rollup',
    allow('operate'),
    responds(analyticsResponseSchemas.rollup),
    audits('analytics.rollup', (_request, answer) => ({
      target: 'analytics',
      details: { ran: answer['ran'] === true, days: Number(answer['days']) },
    })),
    async (_request, response) => {
      response.json(await analytics.rollup());
    },
  );
  router.get(
    '/analytics/export/:table',
    allow('read'),
    EXPORT_QUERY.check,
    responds(analyticsResponseSchemas.csv),
    async (request, response) => {
      const name = param(request, 'table').replace(/\.csv$/, '');
      if (!(CSV_TABLES as readonly string[]).includes(name))
        throw new ApiError(404, 'unknown-table', {
          zh: `没有名为 "${name.slice(0, 40)}" 的表；可导出：${CSV_TABLES.join('、')}。`,
          en: `No table "${name.slice(0, 40)}"; exportable: ${CSV_TABLES.join(', ')}.`,
        });
      const query = EXPORT_QUERY.read(request);
      const table = name as CsvTable;
      let body: string;
      if (table === 'staffing')
        body = staffingCsv(await analytics.staffing(staffingRequest(query, zone)));
      else if (table === 'funnel')
        body = funnelCsv(await analytics.funnel(workflowIdOf(query), period(query, zone)));
      else {
        const report = await analytics.dashboard(period(query, zone));
        const tables = {
          service: serviceCsv,
          volume: volumeCsv,
          intents: intentsCsv,
          agents: agentsCsv,
        } as const;
        body = tables[table](report);
      }
      response.attachment(`xiaoer-${table}.csv`).type('text/csv; charset=utf-8').send(body);
    },
  );
  return router;
}
