import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { serverLogger, withSafeErrors } from '../errors/error-for-log.ts';
import serverPackage from '../../package.json' with { type: 'json' };
import type { Xiaoer } from '../server/xiaoer.ts';
import { errorHandler, jsonShapeGuard, notFound } from './error-handler.ts';
import { CONSOLE_DIRECTORY, consoleHandlers } from './console.route.ts';
import { demoChatRouter } from './demo-chat.route.ts';
import { healthRouter, probesRouter, type StoreProbe } from './health.route.ts';
import { eventsRouter } from './events.route.ts';
import { webhooksRouter } from './webhooks.route.ts';
import { workflowsRouter } from './workflows.route.ts';
import { scenariosRouter } from './scenarios.route.ts';
import { instancesRouter } from './instances.route.ts';
import { authRouter } from './auth.route.ts';
import { routingRouter } from './routing.route.ts';
import { knowledgeRouter } from './knowledge.route.ts';
import { authenticate } from './authenticate.ts';
import { endStreamsOnAccessChange } from './signed-out-streams.ts';
import { auditTrail } from './audit-trail.ts';
import { chatRouter, conversationsRouter } from './chat.route.ts';
import { openApiDocument } from './openapi.ts';
import { eventTypesRouter } from './event-types.route.ts';
import { receivedEventsRouter } from './received-events.route.ts';
import { responds } from './route-metadata.ts';
import { healthResponseSchemas } from './health.response.ts';
import { analyticsRouter } from './analytics.route.ts';
import { metricsRouter } from './metrics.route.ts';
import { httpMetrics } from './http-metrics.ts';
import { qualityRouter } from './quality.route.ts';
import { followUpsRouter } from './follow-ups.route.ts';
import { quickRepliesRouter } from './quick-replies.route.ts';
import { customerHistoryRouter } from './customer-history.route.ts';
import { connectionsRouter } from './connections.route.ts';
import { templatesRouter } from './templates.route.ts';
import { auditRouter } from './audit.route.ts';
import { sourcesRouter } from './sources.route.ts';
import { JourneyTemplates } from '../workflows/journey-templates.ts';
import { intentsRouter } from './intents.route.ts';
import { consoleBudgets } from './console-budgets.ts';
import { securityHeaders } from './security-headers.ts';
import { refuseWhileStopping } from './shutting-down.ts';
import { webhookBodyLimit } from './platform-body.ts';

export interface AppOptions {
  store: StoreProbe;
  /** Largest JSON body accepted; larger ones get 413. Default 1 MB. */
  bodyLimit?: string | number;
  /** The durable runtime; without it only the health check is served. */
  xiaoer?: Xiaoer;
  /** Set when the demo order system runs beside the server (`GET /api/demo`). */
  demoShopUrl?: string;
  /**
   * False once shutdown began: `/readyz` then answers 503 so traffic drains away, and every
   * other request 503 with Retry-After (http/shutting-down.ts), but deliveries of a platform
   * that never sends a refused one again (WooCommerce) while `intakeOpen` is true.
   */
  accepting?: () => boolean;
  /**
   * False once the intake can no longer record events durably (the runtime and the store
   * connection are stopping). Until then a shutdown still takes WooCommerce's deliveries, which
   * WooCommerce never sends again. Default: `accepting`.
   */
  intakeOpen?: () => boolean;
  /** The built editor and console served at `/`; `false` serves none. */
  consoleDirectory?: string | false;
  /** The journeys "New from template" offers; default: workflows/templates and workflows. */
  templates?: JourneyTemplates;
  /** Where failed requests (500s) are logged; by default a pino logger at `LOG_LEVEL`. */
  log?: Logger;
}

/** Origins that may frame the chat page: the configured shop pages, and the demo shop. */
function chatFrameOrigins(configured: string[] = [], demoShopUrl?: string): string[] {
  return demoShopUrl ? [...configured, new URL(demoShopUrl).origin] : configured;
}

/** The HTTP API: JSON in and out, every error as a zh/en JSON body. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const bodyLimit = options.bodyLimit ?? options.xiaoer?.config.intake?.bodyLimit ?? '1mb';
  const xiaoer = options.xiaoer;
  const log = withSafeErrors(
    options.log ?? serverLogger({ level: process.env['LOG_LEVEL'] ?? 'info' }),
  );
  const webhookLimit = webhookBodyLimit(bodyLimit, xiaoer?.config.intake?.webhookBodyLimit);
  // Behind a proxy or load balancer: who the client is, for the chat's and logins' budgets.
  const trustProxy = xiaoer?.config.http?.trustProxy;
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(
    securityHeaders(chatFrameOrigins(xiaoer?.config.chat?.allowedOrigins, options.demoShopUrl)),
  );
  // Timed from arrival, so body parsing and authentication count too.
  if (xiaoer) app.use(httpMetrics(xiaoer.metrics, app));
  const accepting = options.accepting ?? (() => true);
  app.use(refuseWhileStopping(accepting, options.intakeOpen ?? accepting));
  if (xiaoer) {
    // Signed routes read the raw body themselves: the signature covers its exact bytes.
    app.use(
      '/api',
      eventsRouter({
        intake: xiaoer.intake,
        sources: xiaoer.sources,
        auth: xiaoer.auth,
        bodyLimit,
        replayWindowSeconds: xiaoer.config.intake?.replayWindowSeconds ?? 300,
        catalog: xiaoer.catalog,
      }),
    );
    app.use(
      '/api',
      webhooksRouter({
        intake: xiaoer.intake,
        sources: xiaoer.sources,
        bodyLimit: webhookLimit,
        replayWindowSeconds: xiaoer.config.intake?.replayWindowSeconds ?? 300,
      }),
    );
  }
  app.use(express.json({ limit: bodyLimit }), jsonShapeGuard);
  app.use('/api', healthRouter(options.store, serverPackage.version));
  app.use(probesRouter(options.store, accepting));
  if (xiaoer)
    app.use(
      metricsRouter({
        metrics: xiaoer.metrics,
        auth: xiaoer.auth,
        ...(xiaoer.config.metrics?.token ? { token: xiaoer.config.metrics.token } : {}),
      }),
    );
  if (options.demoShopUrl) {
    const shopUrl = options.demoShopUrl;
    app.get(
      '/api/demo',
      responds(healthResponseSchemas.demo),
      (_request, response) => void response.json({ shopUrl }),
    );
  }
  if (xiaoer) {
    // The customer's chat proves itself with the conversation's token, not a console login.
    app.use('/api', chatRouter(xiaoer.desk, xiaoer.config.chat ?? {}));
    app.use('/api', authenticate(xiaoer.auth));
    app.use(
      '/api',
      endStreamsOnAccessChange(xiaoer.auth, xiaoer.clock, (error) =>
        log.warn({ err: error }, 'checking the logins of open streams failed; asked again later'),
      ),
    );
    // Every console change below declares its audit entry (`audits`); this writes it.
    app.use('/api', auditTrail(xiaoer.models));
    app.use(
      '/api',
      authRouter({
        auth: xiaoer.auth,
        lockout: xiaoer.loginLockout,
        clock: xiaoer.clock,
        knownSources: () => xiaoer.sources.list().map((source) => source.id),
        offDuty: (userId) => xiaoer.routing.offDuty(userId),
      }),
    );
    // Per-user budgets of the console's costly work (replays, classifications, counts).
    const budgets = consoleBudgets(xiaoer.clock, xiaoer.config.http?.consoleBudgets);
    app.use(
      '/api',
      workflowsRouter(xiaoer.workflows, xiaoer.replay, xiaoer.queries, budgets.replaysPerMinute),
    );
    app.use('/api', scenariosRouter(xiaoer.scenarios));
    app.use('/api', templatesRouter(options.templates ?? new JourneyTemplates()));
    app.use('/api', auditRouter(xiaoer.models));
    app.use('/api', sourcesRouter(xiaoer.sources, xiaoer.connections, xiaoer.clock));
    app.use('/api', receivedEventsRouter(xiaoer.receivedEvents, xiaoer.sources, xiaoer.workflows));
    app.use('/api', conversationsRouter(xiaoer.desk, xiaoer.routing, xiaoer.knowledge));
    app.use(
      '/api',
      instancesRouter(
        xiaoer.queries,
        xiaoer.runtime,
        xiaoer.dispatcher,
        xiaoer.instanceFeed,
        xiaoer.liveQueries,
        xiaoer.workflows,
        xiaoer.analytics,
        { flowBudget: budgets.flowCountsPerMinute },
      ),
    );
    app.use('/api', routingRouter(xiaoer.routing, xiaoer.inboxFeed, xiaoer.desk, xiaoer.presence));
    app.use('/api', knowledgeRouter(xiaoer.knowledge, bodyLimit, budgets.duplicateChecksPerMinute));
    // The chat's own recognizer: an operator's new intent is heard by both at once.
    app.use('/api', intentsRouter(xiaoer.intents, budgets.classificationsPerMinute));
    app.use('/api', analyticsRouter(xiaoer.analytics));
    app.use('/api', qualityRouter(xiaoer.quality));
    app.use('/api', followUpsRouter(xiaoer.desk, xiaoer.routing, xiaoer.quality.followUps));
    app.use('/api', quickRepliesRouter(xiaoer.quickReplies));
    app.use('/api', customerHistoryRouter(xiaoer.desk, xiaoer.routing, xiaoer.customerHistory));
    app.use('/api', connectionsRouter(xiaoer.connections));
  }
  if (xiaoer) app.use('/api', eventTypesRouter(xiaoer.catalog));
  let document: Record<string, unknown> | undefined;
  app.get('/api/docs', responds(healthResponseSchemas.docs), (_request, response) => {
    document ??= openApiDocument(app, serverPackage.version);
    response.json(document);
  });
  const consoleDirectory = options.consoleDirectory ?? CONSOLE_DIRECTORY;
  const demoSecret = options.demoShopUrl ? xiaoer?.config.chat?.customerSecret : undefined;
  if (consoleDirectory && demoSecret) app.use(demoChatRouter(consoleDirectory, demoSecret));
  if (consoleDirectory) app.use(consoleHandlers(consoleDirectory));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
