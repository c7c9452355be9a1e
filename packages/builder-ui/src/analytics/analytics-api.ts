import { ApiFailure, api, type Answer } from '../api/api-client.ts';

// The analytics API's answers, generated from its OpenAPI document (npm run gen:api):
// GET /api/analytics/dashboard, …/journeys/:id/funnel, …/staffing, …/export/:table.csv.

export type DashboardReport = Answer<'getApiAnalyticsDashboard'>;
export type Period = DashboardReport['period'];
/** An average over `count` measurements; null when there were none. */
export type Average = DashboardReport['service']['wait'];
export type DailyCount = DashboardReport['volume']['days'][number];
export type VolumePeak = DashboardReport['volume']['peaks'][number];
export type IntentTrend = DashboardReport['intents'][number];
export type AgentReport = DashboardReport['agents'][number];

export type JourneyFunnel = Answer<'getApiAnalyticsJourneysIdFunnel'>;
export type FunnelNode = JourneyFunnel['nodes'][number];

export type StaffingPlan = Answer<'getApiAnalyticsStaffing'>;
export type StaffingHour = StaffingPlan['hours'][number];

/** The dates of a report, `YYYY-MM-DD`, `to` inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

export interface StaffingQuery {
  date: string;
  targetLevel: number;
  targetSeconds: number;
  group?: string;
}

export type ExportTable = 'service' | 'volume' | 'intents' | 'agents' | 'funnel' | 'staffing';

/** What an export is filtered by: the same as the table it exports. */
export interface ExportFilter extends DateRange {
  channel?: string;
  workflowId?: string;
  date?: string;
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  ).toString();

/** The path of a table's CSV export with its filters (under `/api`). */
export const exportPath = (table: ExportTable, filter: ExportFilter) =>
  `/analytics/export/${table}.csv?${query({ ...filter })}`;

export const analyticsApi = {
  dashboard: (range: DateRange, channel?: string) =>
    api<DashboardReport>('GET', `/analytics/dashboard?${query({ ...range, channel })}`),
  funnel: (workflowId: string, range: DateRange) =>
    api<JourneyFunnel>(
      'GET',
      `/analytics/journeys/${encodeURIComponent(workflowId)}/funnel?${query({ ...range })}`,
    ),
  staffing: (staffing: StaffingQuery) =>
    api<StaffingPlan>('GET', `/analytics/staffing?${query({ ...staffing })}`),
  /** The CSV the server made; a refusal comes as the API's zh/en error. */
  exportCsv: async (table: ExportTable, filter: ExportFilter): Promise<Blob> => {
    const response = await fetch(`/api${exportPath(table, filter)}`, {
      credentials: 'same-origin',
    });
    if (response.ok) return response.blob();
    const text = await response.text();
    let body: { error?: object } | null = null;
    try {
      body = text ? (JSON.parse(text) as { error?: object }) : null;
    } catch {
      // not JSON: the generic text of the status
    }
    throw new ApiFailure(response.status, body?.error ?? {});
  },
};
