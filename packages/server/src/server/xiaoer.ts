import { ScenarioStore } from '../workflows/scenario-store.ts';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Agenda } from 'agenda';
import { createModels, type Models } from '../model/models.ts';
import { WorkflowService } from '../workflows/workflow-service.ts';
import { WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import { JourneyRuntime } from '../runtime/journey-runtime.ts';
import { EffectDispatcher } from '../runtime/effect-dispatcher.ts';
import { FAR_PROMOTE_EVERY_MS } from '../runtime/timer-buckets.ts';
import { EffectExecutor } from '../runtime/effect-executor.ts';
import {
  closeScheduler,
  createScheduler,
  drainJobs,
  SCHEDULER_DEFAULTS,
  startScheduler,
} from '../runtime/job-scheduler.ts';
import { EventIntake } from '../intake/event-intake.ts';
import { ReceivedEventLog } from '../intake/log/received-event-log.ts';
import { JourneyEventPublisher } from '../runtime/journey-event-publisher.ts';
import { GroupCommit } from '../model/group-commit.ts';
import {
  BOOKKEEPING_FILL,
  BOOKKEEPING_YIELD_MS,
  bookkeepingLinger,
} from '../runtime/bookkeeping-writes.ts';
import { StoredSourceRegistry } from '../sources/stored-sources.ts';
import { InstanceQueries } from '../instances/instance-queries.ts';
import { JourneyRecords } from '../instances/journey-records.ts';
import { LiveQueries } from '../instances/live-queries.ts';
import { InstanceFeed } from '../instances/instance-feed.ts';
import { backfillOutcomes } from '../instances/outcome-backfill.ts';
import { DraftReplay } from '../workflows/draft-replay.ts';
import { buildConnectors } from '../connectors/build-connectors.ts';
import { DeliveryError } from '../connectors/connector.types.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { XiaoerConfig } from './xiaoer-config.ts';
import { AuthService } from '../auth/auth-service.ts';
import { LoginLockout } from '../auth/login-lockout.ts';
import { HistoryPruner } from '../runtime/history-pruner.ts';
import { ConversationStore } from '../conversations/conversation-store.ts';
import { ConversationHub } from '../conversations/conversation-hub.ts';
import { ServiceDesk } from '../conversations/service-desk.ts';
import { ChatChannel } from '../connectors/chat-channel.ts';
import { OrderPhoneCheck } from '../conversations/order-phone-check.ts';
import { startTmcPollers } from '../connectors/taobao-tmc.ts';
import { AgentNames } from '../conversations/agent-names.ts';
import { QuickReplies } from '../conversations/quick-replies.ts';
import { CustomerHistory } from '../conversations/customer-history.ts';
import { Connections } from '../connectors/connections.ts';
import { DeliveryHealth } from '../connectors/delivery-health.ts';
import { RoutingHandoff } from '../conversations/routing-handoff.ts';
import { ServiceOperations } from '../conversations/service-operations.ts';
import { IntentCatalog } from '../intents/intent-catalog.ts';
import { intentReferences } from './intent-references.ts';
import { Router } from '../routing/router.ts';
import { RoutingReads } from '../routing/routing-reads.ts';
import { InboxFeed } from '../routing/inbox-feed.ts';
import { AgentPresence } from '../routing/agent-presence.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { KnowledgeAnswers } from '../conversations/knowledge-answers.ts';
import { Analytics } from '../analytics/analytics.ts';
import { ServiceMetrics } from '../metrics/service-metrics.ts';
import { readStore } from '../metrics/store-readings.ts';
import { QualityInspector } from '../quality/quality-inspector.ts';
import { ProcessLiveness } from '../runtime/process-liveness.ts';
import { dateOf, systemClock, type Cancel, type Clock } from '../clock/clock.ts';
import type { PasswordCost } from '../auth/password.ts';
import { endsWithin } from './within.ts';
import { withSafeErrors } from '../errors/error-for-log.ts';

/** How often recovery sweeps, and when an unfinished claim counts as abandoned. */
export const RECOVERY_DEFAULTS = { sweepEveryMs: 2000, staleAfterMs: 15_000 } as const;
/** How often a process reads the sources added from the console again. */
const SOURCE_REFRESH_MS = 5_000;

/**
 * The longest {@link Xiaoer.stop} waits for steps, jobs (at most {@link JOB_DRAIN_MS} of it) and
 * bookkeeping to finish. Past it (a store that stopped answering, a step that never ends) the
 * scheduler's client is closed anyway and what is unfinished is left to recovery, which takes
 * it up in another process or at the next start. Before, only a second signal ended such a stop.
 */
export const STOP_BOUND_MS = 20_000;
/** How long a stop waits for running jobs (timers, effect deliveries) to end. */
const JOB_DRAIN_MS = 10_000;
/** How long a stop cut short waits for the scheduler's client to close. */
const FORCED_CLOSE_MS = 2_000;

/** Conversations with the bot left this long without a message are closed. */
export const IDLE_CLOSE_MINUTES = 30;
/** The idle sweep reads every open conversation: at most once a minute. */
const IDLE_SWEEP_EVERY_MS = 60_000;

export interface XiaoerOptions {
  connection: Connection;
  /**
   * The store's MongoDB URI (Agenda opens its own connection to it, and gives up on an
   * unreachable store after `connection`'s `serverSelectionTimeoutMS`, as `connection` does).
   */
  storeUri: string;
  config: XiaoerConfig;
  log: Logger;
  /** Called when a timer fires, with its lateness in ms (benchmarks; metrics count it too). */
  onTimerFired?: (latenessMs: number) => void;
  /** Sweeps, rollups, sessions and idle closing read and wait on this clock (tests move it). */
  clock?: Clock;
  /**
   * The scrypt cost of new password hashes: `PASSWORD_COST` unless a test lowers it (not in the
   * configuration file, so a deployment cannot). Checking a password uses the cost it was
   * stored with.
   */
  passwordCost?: PasswordCost;
  /** The bound of `stop()` in ms; default {@link STOP_BOUND_MS} (tests lower it). */
  stopBoundMs?: number;
}

/** The durable runtime and its services, wired together on one store connection. */
export interface Xiaoer {
  models: Models;
  workflows: WorkflowService;
  catalog: WorkflowCatalog;
  runtime: JourneyRuntime;
  intake: EventIntake;
  dispatcher: EffectDispatcher;
  queries: InstanceQueries;
  /** Replay before publish: recent instances' recorded events through a draft. */
  replay: DraftReplay;
  /** Simulation scenarios saved beside workflows. */
  scenarios: ScenarioStore;
  /** The configuration file's sources and those added from the console. */
  sources: StoredSourceRegistry;
  agenda: Agenda;
  auth: AuthService;
  /** Failed logins per user name, in the store: a user name locks after too many (any process). */
  loginLockout: LoginLockout;
  history: HistoryPruner;
  /** Conversations with customers: the chat, journeys in it, answers and handoffs. */
  desk: ServiceDesk;
  /** Handoffs to human agents: skill groups, agents, queues and assignment. */
  routing: Router;
  /** Each open desk's inbox and the queues, pushed when they change (the desk's stream). */
  inboxFeed: InboxFeed;
  /** Who is at the desk: agents without a desk connection are set away, then lose their handoffs. */
  presence: AgentPresence;
  /** Each open instance page's instance, pushed after its steps (the instance stream). */
  instanceFeed: InstanceFeed;
  /** The instances list and the editor's counts, live (their pages' event streams). */
  liveQueries: LiveQueries;
  /** Knowledge-base articles, retrieval and unanswered questions. */
  knowledge: KnowledgeBase;
  /** The intents recognised in the chat (shipped and the operators' own) and what each does. */
  intents: IntentCatalog;
  /** Service analytics: facts, hourly rollups, dashboard, funnels and staffing. */
  analytics: Analytics;
  /** Prometheus metrics of this instance, served at `GET /metrics`. */
  metrics: ServiceMetrics;
  /** Quality inspection of agents' handoffs: rules, reports, overrides, follow-up tasks. */
  quality: QualityInspector;
  /** Every received delivery and what became of it (the events page). */
  receivedEvents: ReceivedEventLog;
  /** Canned answers agents insert from the desk. */
  quickReplies: QuickReplies;
  /** A customer's earlier conversations and orders, beside a desk conversation. */
  customerHistory: CustomerHistory;
  /** Configured sources and channels with their status, and channel test sends. */
  connections: Connections;
  config: XiaoerConfig;
  /** The time everything above reads (the HTTP layer too). */
  clock: Clock;
  /** Starts timers and effect delivery, and finishes what a crashed process left. */
  start(): Promise<void>;
  /**
   * Stops taking jobs, finishes running steps and jobs, releases Agenda's locks and closes the
   * scheduler's client (started or not); at most {@link STOP_BOUND_MS}, then logs that it was
   * cut short and closes the client without waiting for the rest.
   */
  stop(): Promise<void>;
}

export function createXiaoer(options: XiaoerOptions): Xiaoer {
  const { config } = options;
  // Errors are logged without the documents and values they were about (whatever logger is given).
  const log = withSafeErrors(options.log);
  const clock = options.clock ?? systemClock;
  const models = createModels(options.connection);
  const catalog = new WorkflowCatalog(models);
  const workflows = new WorkflowService(models, () => catalog.invalidate());
  const staleAfterMs = config.recovery?.staleAfterMs ?? RECOVERY_DEFAULTS.staleAfterMs;
  const timerLockMs = config.scheduler?.timerLockMs ?? SCHEDULER_DEFAULTS.timerLockMs;
  const effectLockMs = config.scheduler?.effectLockMs ?? SCHEDULER_DEFAULTS.effectLockMs;
  // The scheduler's client gives up on an unreachable store when the runtime's connection does.
  const agenda = createScheduler(
    options.storeUri,
    config.scheduler,
    options.connection.getClient().options.serverSelectionTimeoutMS,
  );
  const conversations = new ConversationStore(models, clock);
  // A domain reads another's records through the owner (docs/architecture.md, "Who owns which
  // collection"): routing's agents and handoffs, the runtime's instances and events, auth's users.
  const routingReads = new RoutingReads(models);
  const journeyRecords = new JourneyRecords(models);
  const auth = new AuthService(models, undefined, clock, options.passwordCost);
  const loginLockout = new LoginLockout(models, clock, config.http?.loginLockout);
  const analytics = new Analytics({
    models,
    routing: routingReads,
    journeys: journeyRecords,
    store: conversations,
    catalog,
    workflows,
    ...(config.analytics ? { settings: config.analytics } : {}),
    onError: (error) => log.warn({ err: error }, 'recording analytics failed'),
    clock,
  });
  const hub = new ConversationHub(conversations, { clock });
  const built = buildConnectors(config, log);
  // A chat visitor's answer to "the last four digits of the order's phone" is checked here,
  // with a limit of wrong answers per order that no new chat resets.
  const orders = new OrderPhoneCheck(
    built.orderSystem,
    models.PhoneChecks,
    () => new Date(clock.now()),
  );
  // Journeys' `xiaoer.*` calls (intents, knowledge base, handoff) go to the service desk.
  const services = new ServiceOperations(orders);
  // Events journeys emit reach the shop and, when one starts on them, other journeys.
  const publisher = new JourneyEventPublisher(built.publisher, catalog);
  const connectors = { ...built, orderSystem: services, publisher };
  // Journeys write into a conversation unless a chat channel is configured elsewhere.
  connectors.channels.chat ??= new ChatChannel(conversations, hub);
  // Counts each channel's delivery attempts for the operators' channel status.
  const deliveryHealth = new DeliveryHealth(clock);
  deliveryHealth.watch(connectors);
  // One group commit for the runtime's hot path: concurrent steps share each round trip, and
  // bookkeeping waits a few milliseconds to share one with the next events', then for the
  // acknowledgements' and steps' writes in flight.
  const commits = new GroupCommit(
    {},
    { linger: bookkeepingLinger, yieldMs: BOOKKEEPING_YIELD_MS, lingerFill: BOOKKEEPING_FILL },
  );
  // Claims name this process; when it stops beating, the others take them over in seconds.
  const liveness = new ProcessLiveness(models.Heartbeats, config.recovery, clock);
  const executor = new EffectExecutor(models, connectors, effectLockMs, commits, liveness);
  const quality = new QualityInspector(models, conversations, routingReads, {
    onError: (error) =>
      log.error({ err: error }, 'a quality inspection or listener failed; recovery retries it'),
  });
  // Every process counts the scores it saves or overrides.
  quality.onReport((report) => analytics.facts.quality(report));
  const routing = new Router(models, {
    users: auth,
    onError: (error) => log.error({ err: error }, 'an assignment listener failed'),
    observer: analytics.facts,
    // Noted before an agent's handoff ends, inspected after: a crash in between is recovered.
    onEnd: {
      before: (handoff) => quality.noting(handoff),
      after: (handoff) => quality.ended(handoff),
    },
    now: () => dateOf(clock),
  });
  // Gauges of shared state (queues, inbox, outbox, dead letters) are read when scraped.
  const metrics = new ServiceMetrics({
    readStore: () => readStore(journeyRecords, routing),
    ...(config.metrics?.cacheMs !== undefined ? { cacheMs: config.metrics.cacheMs } : {}),
    onError: (error) => log.warn({ err: error }, 'reading metrics from the store failed'),
  });
  watchStoreCommands(options.connection.getClient(), metrics);
  const dispatcher = new EffectDispatcher(models, agenda, executor, {
    ...config.delivery,
    timerLockMs,
    effectLockMs,
    commits,
    onTimerFired: (latenessMs) => {
      metrics.timerFired(latenessMs);
      options.onTimerFired?.(latenessMs);
    },
  });
  const history = new HistoryPruner(models, config.history);
  const runtime = new JourneyRuntime(models, catalog, dispatcher, {
    staleAfterMs,
    commits,
    liveness,
    ...(config.intake?.commitWindow ? { commitWindow: config.intake.commitWindow } : {}),
    afterStep: (instance, revision) => history.afterStep(instance, revision),
    onError: (error, step) =>
      log.error({ err: error, step }, 'dispatching a step failed; recovery will retry it'),
    onInboxError: (error, event) =>
      log.warn({ err: error, event }, 'deleting an inbox entry failed; recovery will retry it'),
  });
  dispatcher.attach(runtime);
  const intake = new EventIntake(runtime, log, {
    liveness,
    ...(config.intake?.maxBacklog === undefined ? {} : { maxBacklog: config.intake.maxBacklog }),
  });
  // A journey's published event goes through the intake like a source's; one the intake
  // refuses for good (only the chat speaks for a conversation) is dead-lettered, not retried.
  publisher.deliverTo((source, event) =>
    intake.record(source, [event]).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'forbidden')
        throw new DeliveryError(error.code, error.en, false);
      throw error;
    }),
  );
  // Counted when a request delivers the event; recovery's later outcome is not counted again.
  intake.onReceived(({ source, outcome, recovered }) => {
    if (!recovered) metrics.eventReceived(source, outcome);
  });
  // Appended through the same group commit: under load, many deliveries share one insert.
  const receivedEvents = new ReceivedEventLog(models, commits, (error) =>
    log.warn({ err: error }, 'recording a received event for the events page failed'),
  );
  intake.onReceived((received) => void receivedEvents.note(received));
  runtime.steps.onCommitted((instance) => metrics.stepApplied(instance.workflowId));
  runtime.steps.onCommitted((instance, step, previousAt) =>
    analytics.facts.stepped({
      step,
      workflowId: instance.workflowId,
      version: instance.version,
      ...(previousAt ? { previousAt } : {}),
    }),
  );
  executor.onAttempt(({ kind, outcome }) => metrics.effectAttempted(kind, outcome));
  const knowledge = new KnowledgeBase(models, config.knowledge, (error) =>
    log.warn({ err: error }, 'recording an unanswered question failed'),
  );
  const desk = new ServiceDesk({
    store: conversations,
    hub,
    intake,
    log,
    knowledge: new KnowledgeAnswers(knowledge, built.orderSystem),
    handoff: new RoutingHandoff(routing, built.orderSystem),
    agentNames: new AgentNames(routing.directory),
    observer: analytics.facts,
    recoverAfterMs: staleAfterMs,
  });
  services.attach(desk);
  // Trained from workflows/intents and the operators' intents; an LLM endpoint goes in front if set.
  const intents = new IntentCatalog(
    models,
    config.intents ?? {},
    intentReferences(knowledge, catalog, routing),
    (reason) => log.warn({ err: reason }, 'the intent endpoint failed; the local model answered'),
    clock,
  );
  // The knowledge base ranks articles by the topics the local model reads, too.
  intents.onTrained((local) => knowledge.useTopics(local && ((text) => local.rank(text))));
  routing.onAssigned(
    ({ handoff, agentId }) => void desk.assigned(handoff.conversationId, handoff._id, agentId),
  );
  // A handoff that went back to its queue (its agent away too long, or off duty): the customer
  // is told and waits on the new handoff.
  routing.onReturned(({ from, to }) => void desk.returned(from._id, to));
  const inboxFeed = new InboxFeed(routing, { clock });
  const presence = new AgentPresence(models, routing, {
    ...config.routing,
    clock,
    onError: (error) => log.error({ err: error }, 'the agents presence sweep failed'),
  });
  const queries = new InstanceQueries(models, history.maxStepsPerInstance, (id) =>
    runtime.steps.unwritten(id),
  );
  const instanceFeed = new InstanceFeed(
    {
      onCommitted: (listener) => runtime.steps.onCommitted(listener),
      get: (id) => queries.get(id),
    },
    { clock },
  );
  const liveQueries = new LiveQueries((listener) => runtime.steps.onCommitted(listener), { clock });
  let stopSweeps: Cancel = () => {};
  let stopPresence: Cancel = () => {};
  let stopPruning: Cancel = () => {};
  let stopPromoting: Cancel = () => {};
  let stopTmc: () => Promise<void> = async () => {};
  let stopSourceRefresh: Cancel = () => {};
  const sources = new StoredSourceRegistry(config.sources, models, () => clock.now());
  let sweeping: Promise<unknown> | undefined;
  let stopped: Promise<void> | undefined;
  const idleMs = (config.chat?.idleCloseMinutes ?? IDLE_CLOSE_MINUTES) * 60_000;
  let idleSweptAt = 0;
  const closeIdle = async (now: number) => {
    if (idleMs <= 0 || now - idleSweptAt < IDLE_SWEEP_EVERY_MS) return;
    idleSweptAt = now;
    await desk.closeIdle(idleMs, now);
  };

  // One sweep at a time: a sweep reads the whole inbox and outbox (FerretDB has no index but
  // `_id`), and with a backlog it queues behind the backlog's own queries; overlapping sweeps
  // every interval then took all of the store's CPU (a burst of 10,000 events stalled).
  const sweep = (olderThanMs: number, now = clock.now()) =>
    (sweeping ??= Promise.all([
      intake.recover(olderThanMs, now),
      runtime.steps.recover(olderThanMs, now),
      desk.recover(olderThanMs, now),
      closeIdle(now),
      quality.recover(olderThanMs, now),
    ])
      .catch((error: unknown) => log.error({ err: error }, 'recovery sweep failed'))
      .finally(() => (sweeping = undefined)));

  return {
    models,
    workflows,
    catalog,
    runtime,
    intake,
    dispatcher,
    replay: new DraftReplay(journeyRecords, workflows),
    scenarios: new ScenarioStore(models, workflows),
    queries,
    instanceFeed,
    liveQueries,
    sources,
    agenda,
    auth,
    loginLockout,
    history,
    desk,
    routing,
    inboxFeed,
    presence,
    knowledge,
    intents,
    analytics,
    metrics,
    quality,
    receivedEvents,
    quickReplies: new QuickReplies(models),
    customerHistory: new CustomerHistory(models, conversations, built.orderSystem),
    connections: new Connections(config, sources, connectors, journeyRecords, deliveryHealth),
    config,
    clock,
    async start() {
      await intents.recognizer();
      desk.useIntents(intents);
      await liveness.start((error) => log.warn({ err: error }, 'writing the heartbeat failed'));
      await sources.refresh();
      // Sources added or rotated in another process reach this one within seconds.
      stopSourceRefresh = clock.every(SOURCE_REFRESH_MS, () =>
        sources
          .refresh()
          .catch((error: unknown) => log.error({ err: error }, 'reading the sources failed')),
      );
      // At start, anything in the inbox or outbox was left by a process that is gone (or is
      // harmlessly redone: processing is idempotent). Swept before Agenda runs a job: a timer
      // that fell due meanwhile then finds the instances a crashed process never wrote rolled
      // forward, instead of trying again while the sweep still runs (the jobs the sweep makes
      // wait in the store until then).
      await sweep(0);
      // Fails (store-unreachable, as connecting the store does) when the scheduler's client
      // could not connect: before, the start waited forever.
      await startScheduler(agenda);
      // Instances that ended before outcomes were stored get theirs (once; then none are left).
      const filled = await backfillOutcomes(models);
      if (filled > 0) log.info({ instances: filled }, 'stored the outcome of ended instances');
      stopSweeps = clock.every(
        config.recovery?.sweepEveryMs ?? RECOVERY_DEFAULTS.sweepEveryMs,
        () => sweep(staleAfterMs),
      );
      // Timers days ahead wait outside Agenda; those due within minutes join their buckets.
      const promote = () =>
        dispatcher
          .promoteFarTimers()
          .catch((error: unknown) => log.error({ err: error }, 'promoting far timers failed'));
      await promote();
      stopPromoting = clock.every(FAR_PROMOTE_EVERY_MS, promote);
      stopPruning = clock.every(config.history?.pruneEveryMs ?? 3_600_000, () =>
        history
          .prune(dateOf(clock))
          .then(() => receivedEvents.prune(new Date(clock.now() - history.retentionMs)))
          .then(() => runtime.early.prune(dateOf(clock)))
          .catch((error: unknown) => log.error({ err: error }, 'pruning history failed')),
      );
      analytics.start();
      stopPresence = presence.start();
      stopTmc = startTmcPollers(config.sources, intake, log);
    },
    stop() {
      return (stopped ??= boundedStop(stopInOrder));
    },
  };

  async function stopInOrder(): Promise<void> {
    await stopTmc();
    stopSourceRefresh();
    hub.close();
    inboxFeed.close();
    instanceFeed.close();
    liveQueries.close();
    stopSweeps();
    stopPresence();
    await presence.idle();
    stopPruning();
    stopPromoting();
    await sweeping;
    await intake.idle();
    await runtime.idle();
    await routing.idle();
    await analytics.stop();
    await quality.idle();
    await conversations.idle();
    await knowledge.unanswered.settled();
    // Bookkeeping that lingers to share a write (events page, outcomes) is written now.
    await commits.idle();
    await drainJobs(agenda, JOB_DRAIN_MS);
    await closeScheduler(agenda);
    await liveness.stop();
  }

  /** Runs the stop in order, for at most the bound; then closes the scheduler's client anyway. */
  async function boundedStop(inOrder: () => Promise<void>): Promise<void> {
    const boundMs = options.stopBoundMs ?? STOP_BOUND_MS;
    // Still running past the bound: it ends, or fails on the closed connections, unwatched.
    if (await endsWithin(inOrder(), boundMs)) return;
    log.warn(
      { boundMs },
      `停止运行时超过 ${boundMs} ms，未完成的步骤和任务留给恢复处理（其他进程或下次启动）/ stopping the runtime took over ${boundMs} ms; unfinished steps and jobs are left to recovery (another process or the next start)`,
    );
    await endsWithin(
      closeScheduler(agenda, true).catch(() => undefined),
      FORCED_CLOSE_MS,
    );
  }
}

/**
 * Feeds the store metrics from the driver's command monitoring: each command counted (with its
 * statements) as it goes, and its round trip timed when it is answered or fails. The time is this
 * process's own clock from sent to answered: the driver's `duration` is whole milliseconds, so a
 * sub-millisecond answer would count as taking no time at all.
 */
function watchStoreCommands(
  client: ReturnType<Connection['getClient']>,
  metrics: ServiceMetrics,
): void {
  /** Command, collection and time sent (ms) of each command not answered yet, by request id. */
  const sent = new Map<number, [string, string, number]>();
  client.on('commandStarted', (event) => {
    const target = (event.command as Record<string, unknown>)[event.commandName];
    const collection = typeof target === 'string' ? target : '';
    sent.set(event.requestId, [event.commandName, collection, performance.now()]);
    metrics.storeCommand(
      event.commandName,
      collection,
      statementsOf(event.commandName, event.command as Record<string, unknown>),
    );
  });
  const answered = (event: { requestId: number }) => {
    const target = sent.get(event.requestId);
    if (!target) return;
    sent.delete(event.requestId);
    metrics.storeCommandAnswered(target[0], target[1], (performance.now() - target[2]) / 1000);
  };
  client.on('commandSucceeded', answered);
  client.on('commandFailed', answered);
}

/** How many documents, updates or deletes one write command carries (1 for the others). */
function statementsOf(name: string, command: Record<string, unknown>): number {
  const list =
    name === 'insert'
      ? command['documents']
      : name === 'update'
        ? command['updates']
        : name === 'delete'
          ? command['deletes']
          : undefined;
  return Array.isArray(list) ? list.length : 1;
}
