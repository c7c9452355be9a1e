import { ApiFailure, api } from '../api/api-client.ts';

// The analytics API's answers, restated from its contract (the console never imports server
// code): GET /api/analytics/dashboard, …/journeys/:id/funnel, …/staffing, …/export/:table.csv.

export interface Period {
  from: string;
  to: string;
  timeZone: string;
  channel: string | null;
  /** The period of the same length just before. */
  previous: { from: string; to: string };
}

/** An average over `count` measurements; null when there were none. */
export interface Average {
  averageMs: number | null;
  count: number;
}

export interface DailyCount {
  date: string;
  conversations: number;
}

export interface VolumePeak {
  weekday: number;
  hour: number;
  conversations: number;
}

export interface IntentTrend {
  intent: string;
  count: number;
  previousCount: number;
  change: number | null;
  /** Count on the last day of the period, and the average of the 7 days before it. */
  lastDay: number;
  baseline: number;
  /** lastDay ≥ 3 × baseline and lastDay ≥ 5. */
  spike: boolean;
  /** Per day of the period. */
  days: number[];
}

export interface AgentReport {
  agentId: string;
  displayName: string;
  conversations: number;
  resolved: number;
  resolutionRate: number | null;
  firstResponse: Average;
  handling: Average;
  satisfaction: { average: number | null; count: number };
  /** 0–100 from quality inspection. */
  quality: { average: number | null; count: number };
}

export interface DashboardReport {
  period: Period;
  /** Channels that had conversations (for the channel filter). */
  channels: string[];
  /** Rolled up to this time (ISO); newer traffic shows after the next rollup. */
  rolledUpTo: string | null;
  volume: {
    conversations: number;
    previousConversations: number;
    /** (this - previous) / previous; null when previous is 0. */
    change: number | null;
    /** heatmap[weekday][hour]; weekday 0 = Monday … 6 = Sunday, local hours. */
    heatmap: number[][];
    days: DailyCount[];
    previousDays: DailyCount[];
    /** Up to 5 busiest (weekday, hour) cells, busiest first. */
    peaks: VolumePeak[];
  };
  /** Sorted by count, most first. */
  intents: IntentTrend[];
  service: {
    conversations: number;
    closed: number;
    automated: number;
    handedOff: number;
    resolved: number;
    automationRate: number | null;
    handoffRate: number | null;
    resolutionRate: number | null;
    firstResponse: Average;
    wait: Average;
    handling: Average;
    /** distribution[0] = score 1 … [4] = score 5. */
    satisfaction: { average: number | null; count: number; distribution: number[] };
  };
  /** Sorted by conversations, most first. */
  agents: AgentReport[];
}

export interface FunnelNode {
  nodeId: string;
  label: string;
  type: string;
  entered: number;
  left: number;
  /** entered - left for nodes that are not an end. */
  dropped: number;
  /** entered / started; null when started = 0. */
  reachedRate: number | null;
  time: Average;
}

export interface JourneyFunnel {
  workflowId: string;
  name: string;
  period: Period;
  started: number;
  completed: number;
  cancelled: number;
  /** In the workflow's node order. */
  nodes: FunnelNode[];
}

export interface StaffingHour {
  hour: number;
  forecast: number;
  agentsNeeded: number;
  serviceLevelOnline: number | null;
  missesTarget: boolean;
}

export interface StaffingPlan {
  date: string;
  timeZone: string;
  group: string | null;
  target: { level: number; seconds: number };
  weeksUsed: number;
  averageHandlingSeconds: number;
  agentsOnline: number;
  hours: StaffingHour[];
}

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

export type ExportTable = 'volume' | 'intents' | 'agents' | 'funnel' | 'staffing';

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
