import type { QualityModels } from '../model/models.ts';
import type { QualityReportRecord } from '../model/quality.model.ts';
import type { RoutingReads } from '../routing/routing-reads.ts';

/** Most reports one list returns; a list scans the collection (FerretDB has no index but `_id`). */
export const MAX_REPORTS_LISTED = 200;
/** Most reports one per-agent average reads; past it the answer says `truncated`. */
export const MAX_REPORTS_AVERAGED = 20_000;

/** A report as the API shows it: the automatic score, the override, and the one that counts. */
export interface QualityReport extends Omit<QualityReportRecord, '_id'> {
  handoffId: string;
  effectiveScore: number;
  /** The agent's display name (their login id when they have no agent record); on reads. */
  agentName?: string;
}

export interface ReportQuery {
  agentId?: string;
  /** Resolved at or after. */
  from?: Date;
  /** Resolved before. */
  to?: Date;
  /** At most {@link MAX_REPORTS_LISTED}; default 50. */
  limit?: number;
}

/** One agent's average over their reports in a period. */
export interface AgentQuality {
  agentId: string;
  /** The display name operators know the agent by; the login id without an agent record. */
  agentName: string;
  reports: number;
  averageScore: number;
  /** Reports whose score an operator overrode. */
  overridden: number;
}

/** The score that counts: the operator's when there is one. */
export const effectiveScore = (report: Pick<QualityReportRecord, 'score' | 'override'>): number =>
  report.override?.score ?? report.score;

/** A stored report as the API shows it. */
export const reportView = ({ _id, ...rest }: QualityReportRecord): QualityReport => ({
  handoffId: _id,
  ...rest,
  effectiveScore: effectiveScore(rest),
});

const period = (query: Pick<ReportQuery, 'from' | 'to'>) =>
  query.from || query.to
    ? {
        at: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) },
      }
    : {};

/** Reads of `qualityReports`: one by handoff id (indexed), lists and averages (scans). */
export class QualityReports {
  readonly #models: QualityModels;
  readonly #routing: RoutingReads;

  constructor(models: QualityModels, routing: RoutingReads) {
    this.#models = models;
    this.#routing = routing;
  }

  async get(handoffId: string): Promise<QualityReport | null> {
    const found = await this.#models.QualityReports.findById(handoffId).lean<QualityReportRecord>();
    if (!found) return null;
    const names = await this.#names([found.agentId]);
    return { ...reportView(found), agentName: names(found.agentId) };
  }

  /** The newest reports first, filtered; a scan of the collection, so bounded. */
  async list(query: ReportQuery = {}): Promise<QualityReport[]> {
    const limit = Math.min(Math.max(1, query.limit ?? 50), MAX_REPORTS_LISTED);
    const found = await this.#models.QualityReports.find({
      ...(query.agentId ? { agentId: query.agentId } : {}),
      ...period(query),
    })
      .sort({ at: -1 })
      .limit(limit)
      .lean<QualityReportRecord[]>();
    const names = await this.#names(found.map((report) => report.agentId));
    return found.map((report) => ({ ...reportView(report), agentName: names(report.agentId) }));
  }

  /** Each agent's average effective score in the period, best first. */
  async agents(
    query: Pick<ReportQuery, 'from' | 'to'> = {},
  ): Promise<{ agents: AgentQuality[]; truncated: boolean }> {
    const found = await this.#models.QualityReports.find(period(query), {
      agentId: 1,
      score: 1,
      override: 1,
    })
      .sort({ at: -1 })
      .limit(MAX_REPORTS_AVERAGED + 1)
      .lean<Pick<QualityReportRecord, 'agentId' | 'score' | 'override'>[]>();
    const truncated = found.length > MAX_REPORTS_AVERAGED;
    const sums = new Map<string, { total: number; count: number; overridden: number }>();
    for (const report of found.slice(0, MAX_REPORTS_AVERAGED)) {
      const sum = sums.get(report.agentId) ?? { total: 0, count: 0, overridden: 0 };
      sum.total += effectiveScore(report);
      sum.count += 1;
      if (report.override) sum.overridden += 1;
      sums.set(report.agentId, sum);
    }
    const names = await this.#names([...sums.keys()]);
    const agents = [...sums].map(([agentId, { total, count, overridden }]) => ({
      agentId,
      agentName: names(agentId),
      reports: count,
      averageScore: Math.round((total / count) * 10) / 10,
      overridden,
    }));
    agents.sort((a, b) => b.averageScore - a.averageScore || a.agentId.localeCompare(b.agentId));
    return { agents, truncated };
  }

  /** Display names of these agents (lookups by `_id`); a login id stands in for a missing one. */
  async #names(agentIds: string[]): Promise<(agentId: string) => string> {
    const names = await this.#routing.agentNames(agentIds);
    return (agentId) => names.get(agentId)?.trim() || agentId;
  }
}
