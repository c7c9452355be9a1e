import type { AnalyticsModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import type { RoutingReads } from '../routing/routing-reads.ts';
import type { JourneyRecords } from '../instances/journey-records.ts';
import type { ConversationStore } from '../conversations/conversation-store.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { FactRecorder } from './fact-recorder.ts';
import { ServiceFacts } from './service-facts.ts';
import { AnalyticsRollup, type RollupResult } from './analytics-rollup.ts';
import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';
import { dashboardReport, daysToRead, previousPeriod } from './dashboard-report.ts';
import { journeyFunnel } from './journey-funnel.ts';
import { forecastDays, staffingPlan, type StaffingRequest } from './staffing-plan.ts';
import { addDays, daysBetween, localTime } from './local-time.ts';
import { PastDays } from './past-days.ts';
import type { ConversationDay } from './rollup-documents.ts';
import { JourneyFlow } from './journey-flow.ts';
import type {
  DashboardReport,
  FlowCounts,
  JourneyFunnel,
  ReportPeriod,
  StaffingPlan,
} from './analytics-report.types.ts';

export interface AnalyticsOptions {
  /** The shop's time zone: days, hours and weekdays are counted on its clock. */
  timeZone?: string;
  /** How often facts are rolled up into the hourly figures. Default one minute. */
  rollupEveryMs?: number;
}

export const ANALYTICS_DEFAULTS = { timeZone: 'Asia/Shanghai', rollupEveryMs: 60_000 } as const;

/** A period of whole days in the shop's time zone, `to` included. */
export interface PeriodQuery {
  from: string;
  to: string;
  channel?: string;
}

/**
 * Service analytics: facts recorded as conversations, handoffs and journeys go
 * (service-facts.ts), rolled up every minute into one document per day and channel or journey
 * (analytics-rollup.ts), and reports read from those documents by `_id` only — never from the
 * history itself, which FerretDB 1.x would scan.
 */
export class Analytics {
  readonly facts: ServiceFacts;
  readonly timeZone: string;
  readonly #models: AnalyticsModels;
  readonly #workflows: WorkflowService;
  readonly #routing: RoutingReads;
  readonly #journeys: JourneyRecords;
  readonly #recorder: FactRecorder;
  readonly #rollup: AnalyticsRollup;
  readonly #flow: JourneyFlow;
  readonly #everyMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #clock: Clock;
  readonly #pastDays = new PastDays();
  #timer: Cancel | undefined;
  #running: Promise<RollupResult> | undefined;

  constructor(options: {
    models: AnalyticsModels;
    store: ConversationStore;
    catalog: WorkflowCatalog;
    workflows: WorkflowService;
    /** Agents and handoffs (routing owns them). */
    routing: RoutingReads;
    /** Running instances (the runtime owns them). */
    journeys: JourneyRecords;
    settings?: AnalyticsOptions;
    onError: (error: unknown) => void;
    clock?: Clock;
  }) {
    this.#clock = options.clock ?? systemClock;
    this.#models = options.models;
    this.#workflows = options.workflows;
    this.#routing = options.routing;
    this.#journeys = options.journeys;
    this.#onError = options.onError;
    this.timeZone = options.settings?.timeZone ?? ANALYTICS_DEFAULTS.timeZone;
    this.#everyMs = options.settings?.rollupEveryMs ?? ANALYTICS_DEFAULTS.rollupEveryMs;
    this.#recorder = new FactRecorder(options.models, options.onError, this.#clock);
    this.facts = new ServiceFacts({
      routing: options.routing,
      store: options.store,
      catalog: options.catalog,
      recorder: this.#recorder,
      onError: options.onError,
      clock: this.#clock,
    });
    this.#rollup = new AnalyticsRollup(options.models, {
      timeZone: this.timeZone,
      clock: this.#clock,
    });
    this.#flow = new JourneyFlow(options.models);
  }

  /** Rolls up every `rollupEveryMs` from now on. */
  start(): void {
    this.#timer = this.#clock.every(this.#everyMs, () => this.rollup().catch(this.#onError));
  }

  /** Stops rolling up; writes the facts this process holds. */
  async stop(): Promise<void> {
    this.#timer?.();
    await this.#running;
    await this.facts.settled();
    await this.#recorder.flush();
  }

  /**
   * Writes this process's pending facts and rolls up everything recorded (a run already
   * going in this process is joined; one in another process makes this a no-op).
   */
  async rollup(): Promise<RollupResult> {
    this.#running ??= (async () => {
      await this.facts.settled();
      await this.#recorder.flush();
      return this.#rollup.run();
    })().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async dashboard(query: PeriodQuery): Promise<DashboardReport> {
    const progress = await this.#models.RollupProgress.findById('progress').lean();
    const known = progress?.channels ?? [];
    const channels = query.channel ? [query.channel] : known;
    const days = await this.#conversationDays(
      daysToRead(query.from, query.to),
      channels,
      progress?.pastRevision ?? 0,
    );
    const agentIds = [...new Set(days.flatMap((day) => day.agents.map((a) => a.agentId)))];
    const agentNames = await this.#routing.agentNames(agentIds);
    return dashboardReport({
      period: this.#period(query),
      days,
      channels: known,
      rolledUpTo: progress?.rolledUpTo ?? null,
      agentNames,
    });
  }

  /** The funnel of a published or draft workflow; throws the service's 404 when unknown. */
  async funnel(workflowId: string, query: PeriodQuery): Promise<JourneyFunnel> {
    const workflow = await this.#workflows.get(workflowId);
    const days = await findByIds(
      this.#models.JourneyDays,
      daysBetween(query.from, query.to).map((date) => `${date}|${workflowId}`),
    );
    // Waiting: the instances of the period resting now, not those started since (which would
    // hide the period's drop-offs behind customers of another day). The period's instances are
    // those triggered in it, as its days count them: a trigger at 23:59 taken in after midnight
    // is the evening's.
    const resting = await this.#journeys.resting(workflowId, (triggeredAt) => {
      const date = localTime(triggeredAt, this.timeZone).date;
      return date >= query.from && date <= query.to;
    });
    return journeyFunnel(
      workflow.document,
      this.#period({ from: query.from, to: query.to }),
      days,
      resting,
    );
  }

  /**
   * The editor's counts of a journey: its running instances at each node now, and its steps per
   * outcome since `since` (rolled-up hours and the facts waiting, this process's written first,
   * so a step it just took counts; journey-flow.ts).
   */
  async flow(workflowId: string, since: Date): Promise<FlowCounts> {
    await this.facts.caughtUp();
    await this.#recorder.flush();
    const [nodes, outcomes] = await Promise.all([
      this.#journeys.resting(workflowId),
      this.#flow.outcomesSince(
        workflowId,
        since,
        new Date(Math.max(this.#clock.now(), since.getTime())),
      ),
    ]);
    return { workflow: workflowId, since, nodes, outcomes };
  }

  async staffing(request: Omit<StaffingRequest, 'timeZone'>): Promise<StaffingPlan> {
    const progress = await this.#models.RollupProgress.findById('progress').lean();
    const days = await this.#conversationDays(
      forecastDays(request.date, request.weeks),
      progress?.channels ?? [],
      progress?.pastRevision ?? 0,
    );
    const online = await this.#routing.onlineAgents();
    const inGroup = online.filter(
      (agent) => request.group === null || agent.skills.includes(request.group),
    );
    return staffingPlan({ ...request, timeZone: this.timeZone }, days, inGroup.length);
  }

  #period(query: PeriodQuery): ReportPeriod {
    return {
      from: query.from,
      to: query.to,
      timeZone: this.timeZone,
      channel: query.channel ?? null,
      previous: previousPeriod(query.from, query.to),
    };
  }

  /**
   * The day documents of `dates` and `channels`: days before yesterday from memory when kept
   * (`revision`: the rollup's count of revised past days, from the progress document), the
   * rest in one `find` by `_id`. Yesterday is read fresh too: its last minute's facts are
   * rolled up after midnight, and another process's clock may run a little ahead.
   */
  async #conversationDays(
    dates: string[],
    channels: string[],
    revision: number,
  ): Promise<ConversationDay[]> {
    this.#pastDays.revised(revision);
    const settled = addDays(localTime(new Date(this.#clock.now()), this.timeZone).date, -1);
    const ids = dates.flatMap((date) => channels.map((channel) => `${date}|${channel}`));
    const kept = new Map(ids.map((id) => [id, this.#pastDays.get(id)]));
    const missing = ids.filter((id) => kept.get(id) === undefined);
    const read = new Map(
      (await findByIds(this.#models.ConversationDays, missing)).map((day) => [day._id, day]),
    );
    for (const id of missing) {
      const day = read.get(id) ?? null;
      kept.set(id, day);
      if (id.slice(0, id.indexOf('|')) < settled) this.#pastDays.keep(id, day, revision);
    }
    return ids.flatMap((id) => kept.get(id) ?? []);
  }
}
