import { Router, type Request } from 'express';
import type { Analytics, PeriodQuery } from '../analytics/analytics.ts';
import { addDays, daysBetween, isDate, localTime } from '../analytics/local-time.ts';
import {
  agentsCsv,
  CSV_TABLES,
  funnelCsv,
  intentsCsv,
  staffingCsv,
  volumeCsv,
  type CsvTable,
} from '../analytics/analytics-csv.ts';
import { ApiError } from './api-error.ts';
import { allow } from './authenticate.ts';
import { param } from './params.ts';
import { analyticsResponseSchemas } from './analytics.response.ts';
import { responds } from './route-metadata.ts';

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The query of the dashboard and funnel (also their OpenAPI entries). */
export const PERIOD_QUERY = { from: DAY, to: DAY, channel: /^[a-z][a-z0-9-]{0,31}$/ };
/** The query of the staffing plan. */
export const STAFFING_QUERY = {
  date: DAY,
  group: /^[a-z0-9-]{1,40}$/,
  targetLevel: /^0?\.\d+$/,
  targetSeconds: /^\d+$/,
  weeks: /^\d+$/,
};
/** The query of a CSV export: any table's filters. */
export const EXPORT_QUERY = { ...PERIOD_QUERY, ...STAFFING_QUERY, workflowId: /^.+$/ };

const invalid = (name: string, zh: string, en: string) =>
  new ApiError(400, 'invalid-query', { zh, en }, undefined, { parameter: name });

const PERIOD = Object.keys(PERIOD_QUERY);
const STAFFING = Object.keys(STAFFING_QUERY);

/** Refuses parameters the route does not know (`channel[$ne]`, typos) instead of ignoring them. */
function only(request: Request, known: string[]): void {
  const unknown = Object.keys(request.query).find((name) => !known.includes(name));
  if (unknown !== undefined)
    throw invalid(
      unknown.slice(0, 40),
      `不认识的参数 "${unknown.slice(0, 40)}"；可用：${known.join('、')}。`,
      `Unknown parameter "${unknown.slice(0, 40)}"; known: ${known.join(', ')}.`,
    );
}

function text(request: Request, name: string): string | undefined {
  const value = request.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalid(name, `参数 ${name} 只能给一次。`, `Give ${name} once.`);
  return value;
}

function date(request: Request, name: string, fallback: string): string {
  const value = text(request, name) ?? fallback;
  if (!isDate(value))
    throw invalid(
      name,
      `${name} 应为 YYYY-MM-DD 格式、真实存在的日期，收到 "${value.slice(0, 40)}"。`,
      `${name} must be a real date written YYYY-MM-DD, got "${value.slice(0, 40)}".`,
    );
  return value;
}

function number(request: Request, name: string, fallback: number, min: number, max: number) {
  const raw = text(request, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    throw invalid(
      name,
      `${name} 应为 ${min} 到 ${max} 之间的数，收到 "${raw.slice(0, 40)}"。`,
      `${name} must be a number from ${min} to ${max}, got "${raw.slice(0, 40)}".`,
    );
  return value;
}

function pattern(request: Request, name: string, shape: RegExp): string | undefined {
  const value = text(request, name);
  if (value !== undefined && !shape.test(value))
    throw invalid(
      name,
      `${name} "${value.slice(0, 40)}" 不合法。`,
      `${name} "${value.slice(0, 40)}" is not valid.`,
    );
  return value;
}

/** `from`/`to` (default: the last 30 days up to today in the shop's zone) and `channel`. */
function period(request: Request, timeZone: string): PeriodQuery {
  const today = localTime(new Date(), timeZone).date;
  const to = date(request, 'to', today);
  const from = date(request, 'from', addDays(to, -29));
  if (from > to)
    throw invalid(
      'from',
      `开始日期 ${from} 晚于结束日期 ${to}。`,
      `from (${from}) is after to (${to}).`,
    );
  if (daysBetween(from, to).length > MAX_PERIOD_DAYS)
    throw invalid(
      'from',
      `时间范围最长 ${MAX_PERIOD_DAYS} 天。`,
      `A period covers at most ${MAX_PERIOD_DAYS} days.`,
    );
  const channel = pattern(request, 'channel', PERIOD_QUERY.channel);
  return { from, to, ...(channel ? { channel } : {}) };
}

function staffingRequest(request: Request, timeZone: string) {
  const tomorrow = addDays(localTime(new Date(), timeZone).date, 1);
  return {
    date: date(request, 'date', tomorrow),
    group: pattern(request, 'group', STAFFING_QUERY.group) ?? null,
    targetLevel: number(request, 'targetLevel', 0.8, 0.01, 0.99),
    targetSeconds: number(request, 'targetSeconds', 20, 1, 3600),
    weeks: Math.round(number(request, 'weeks', 4, 1, 12)),
  };
}

function workflowIdOf(request: Request): string {
  const id = text(request, 'workflowId');
  if (!id)
    throw invalid(
      'workflowId',
      '导出漏斗需要 workflowId。',
      'Exporting a funnel needs workflowId.',
    );
  return id;
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
    responds(analyticsResponseSchemas.dashboard),
    async (request, response) => {
      only(request, PERIOD);
      response.json(await analytics.dashboard(period(request, zone)));
    },
  );
  router.get(
    '/analytics/journeys/:id/funnel',
    allow('read'),
    responds(analyticsResponseSchemas.funnel),
    async (request, response) => {
      only(request, PERIOD);
      response.json(await analytics.funnel(param(request, 'id'), period(request, zone)));
    },
  );
  router.get(
    '/analytics/staffing',
    allow('read'),
    responds(analyticsResponseSchemas.staffing),
    async (request, response) => {
      only(request, STAFFING);
      response.json(await analytics.staffing(staffingRequest(request, zone)));
    },
  );
  router.post(
    '/analytics/rollup',
    allow('operate'),
    responds(analyticsResponseSchemas.rollup),
    async (_request, response) => {
      response.json(await analytics.rollup());
    },
  );
  router.get(
    '/analytics/export/:table',
    allow('read'),
    responds(analyticsResponseSchemas.csv),
    async (request, response) => {
      const name = param(request, 'table').replace(/\.csv$/, '');
      if (!(CSV_TABLES as readonly string[]).includes(name))
        throw new ApiError(404, 'unknown-table', {
          zh: `没有名为 "${name.slice(0, 40)}" 的表；可导出：${CSV_TABLES.join('、')}。`,
          en: `No table "${name.slice(0, 40)}"; exportable: ${CSV_TABLES.join(', ')}.`,
        });
      only(request, Object.keys(EXPORT_QUERY));
      const table = name as CsvTable;
      let body: string;
      if (table === 'staffing')
        body = staffingCsv(await analytics.staffing(staffingRequest(request, zone)));
      else if (table === 'funnel')
        body = funnelCsv(await analytics.funnel(workflowIdOf(request), period(request, zone)));
      else {
        const report = await analytics.dashboard(period(request, zone));
        body =
          table === 'volume'
            ? volumeCsv(report)
            : table === 'intents'
              ? intentsCsv(report)
              : agentsCsv(report);
      }
      response.attachment(`xiaoer-${table}.csv`).type('text/csv; charset=utf-8').send(body);
    },
  );
  return router;
}
