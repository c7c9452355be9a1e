import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../http/app.ts';
import { LocalizedError } from '../localized-error.ts';
import { launchStore, type RunningStore } from '../store/store-launcher.ts';
import type { ProgressReporter } from '../store/ferretdb-binary.ts';
import { connectStore, probeOf } from './store-connection.ts';
import { DRAIN_GRACE_MS, drainable } from './http-drain.ts';
import type { Logger } from 'pino';
import { serverLogger } from '../errors/error-for-log.ts';
import type { Connection } from 'mongoose';
import { createXiaoer, STOP_BOUND_MS, type Xiaoer } from './xiaoer.ts';
import { endsWithin } from './within.ts';
import type { XiaoerConfig } from './xiaoer-config.ts';
import { startDemo, type Demo } from './demo-mode.ts';
import { seedDemoRouting } from './demo-routing.ts';
import {
  publishDirectory,
  SHIPPED_WORKFLOWS,
  type SkippedWorkflow,
} from '../workflows/publish-directory.ts';
import {
  liveJourneys,
  unfitReason,
  unheardSources,
  type LiveJourney,
  type UnheardSource,
} from '../workflows/live-journeys.ts';
import { seedKnowledge } from '../knowledge/seed-articles.ts';
import { UserExistsError } from '../auth/auth-service.ts';
import { passwordLengthProblem } from '../auth/password-length.ts';

/** A running Xiaoer server and the store under it. */
export interface RunningServer {
  url: string;
  store: RunningStore;
  xiaoer: Xiaoer;
  /** The demo order system's URL, when the server runs the demo. */
  demoShopUrl?: string;
  /** Workflows published at start (shipped journeys new to this store). */
  published: string[];
  /** Shipped journeys left unpublished at start because the configuration cannot run them. */
  skipped: SkippedWorkflow[];
  /** What is live after start: each published journey and the events it listens to. */
  live: LiveJourney[];
  /** Configured sources no live journey listens to (also logged as warnings). */
  unheard: UnheardSource[];
  /** Set on the first start of an empty store: the `admin` account it created. */
  initialAdmin?: { user: string; password?: string };
  /** Stops accepting requests, closes the store connection, stops an embedded store. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  port?: number;
  host?: string;
  dataDirectory?: string;
  env?: NodeJS.ProcessEnv;
  report?: ProgressReporter;
  /** Sources, connectors and tuning; without it the server runs the demo shop. */
  config?: XiaoerConfig;
  /**
   * Publish the shipped journeys that are not in the store yet. Default: with the demo, and
   * on the first start of a configured server (a store with no workflow), those that fit
   * the configured channels and order system.
   */
  publishShipped?: boolean;
  log?: Logger;
}

/** Listening failed: the port is taken or not allowed. */
export class ListenError extends LocalizedError {
  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const taken = cause.code === 'EADDRINUSE';
    const zh = taken
      ? `端口 ${port} 已被占用（${host}）。请设置 PORT 使用其他端口。`
      : `无法在 ${host}:${port} 上监听：${cause.message}`;
    const en = taken
      ? `Port ${port} is already in use (${host}). Set PORT to use another one.`
      : `Cannot listen on ${host}:${port}: ${cause.message}`;
    super({ zh, en }, { cause });
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ListenError(host, port, error)),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Fails at once when `port` is taken, before the store and the journeys start (seconds of
 * work to undo): binds it and lets it go. Starting still listens for real, which decides
 * when another process takes the port in between. Port 0 (any free port) is bound too: that
 * checks the host (an address this machine does not have, a name that does not resolve),
 * which otherwise failed later, in the demo shop, as a bare stack trace.
 */
async function ensurePortFree(port: number, host: string): Promise<void> {
  const probe = createServer();
  await listen(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/**
 * On an empty store, creates the `admin` user: with XIAOER_ADMIN_PASSWORD when set, else with
 * a random password that is shown once.
 */
async function ensureAdmin(
  xiaoer: Xiaoer,
  env: NodeJS.ProcessEnv,
): Promise<{ user: string; password?: string } | undefined> {
  if (await xiaoer.auth.hasUsers()) return undefined;
  const given = env['XIAOER_ADMIN_PASSWORD'];
  // Set but empty (a compose file's `${ADMIN_PASSWORD}` with nothing behind it) made an admin
  // anyone could log in as with an empty password: refuse to start instead.
  const problem =
    given === undefined
      ? undefined
      : passwordLengthProblem(given, { zh: 'XIAOER_ADMIN_PASSWORD ', en: 'XIAOER_ADMIN_PASSWORD' });
  if (problem) throw new LocalizedError(problem);
  const password = given ?? randomBytes(12).toString('base64url');
  try {
    await xiaoer.auth.createUser('admin', password, 'admin');
  } catch (error) {
    // Another process started on the same empty store made it in the meantime.
    if (error instanceof UserExistsError) return undefined;
    throw error;
  }
  return given ? { user: 'admin' } : { user: 'admin', password };
}

/**
 * How long a shutdown waits for the store connection to close. Closing asks the store to end
 * this process's sessions; a store that stopped answering (a frozen process) kept the close
 * waiting until the driver gave up on it, 24 s after the runtime's bounded stop. Past it the
 * connection is dropped, unwatched, and the embedded store is stopped (its watchdog kills it if
 * it does not end within 5 s).
 */
export const STORE_CLOSE_MS = 5_000;

/**
 * The longest `xiaoer serve` takes from SIGINT/SIGTERM to exit: requests in flight
 * ({@link DRAIN_GRACE_MS}), the runtime ({@link STOP_BOUND_MS}), the store connection
 * ({@link STORE_CLOSE_MS}) and the embedded store (5 s), with 5 s to spare. Past it the process
 * exits 1 anyway; everything unfinished is durable and left to recovery.
 */
export const SHUTDOWN_BOUND_MS = DRAIN_GRACE_MS + STOP_BOUND_MS + 2 * STORE_CLOSE_MS + 5_000;

/** Closes `connection`, for at most `boundMs`; then says so and lets it close unwatched. */
async function closeConnectionWithin(
  connection: Connection,
  boundMs: number,
  log: Logger,
): Promise<void> {
  if (await endsWithin(connection.close(), boundMs)) return;
  log.warn(
    { boundMs },
    `关闭数据库连接超过 ${boundMs} ms（数据库没有应答），不再等待 / closing the store connection took over ${boundMs} ms (the store does not answer); not waiting for it any longer`,
  );
}

/** Starts the store (embedded unless MONGODB_URI is set), then the HTTP API on it. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  await ensurePortFree(options.port ?? 3000, host);
  const store = await launchStore({
    dataDirectory: options.dataDirectory,
    env: options.env,
    report: options.report,
  });
  // The runtime and the HTTP layer log errors through `withSafeErrors` whatever logger this is.
  const log = options.log ?? serverLogger({ level: process.env['LOG_LEVEL'] ?? 'info' });
  const demo = options.config ? undefined : await startDemo(host);
  let opened: { connection: Connection; xiaoer: Xiaoer } | undefined;
  try {
    const connection = await connectStore(store);
    const xiaoer = createXiaoer({
      connection,
      storeUri: store.uri,
      config: options.config ?? (demo as Demo).config,
      log,
    });
    opened = { connection, xiaoer };
    // First, so a refused XIAOER_ADMIN_PASSWORD stops the first start before it writes more.
    const initialAdmin = await ensureAdmin(xiaoer, options.env ?? process.env);
    const firstStart = (await xiaoer.workflows.list()).length === 0;
    const skipped: SkippedWorkflow[] = [];
    const config = options.config;
    const published =
      (options.publishShipped ?? (Boolean(demo) || firstStart))
        ? await publishDirectory(
            xiaoer.workflows,
            SHIPPED_WORKFLOWS,
            'xiaoer',
            config && !demo ? (document) => unfitReason(document, config) : undefined,
            skipped,
          )
        : [];
    // The demo answers questions from the sample knowledge base (only into an empty store).
    if (options.publishShipped ?? Boolean(demo)) await seedKnowledge(xiaoer.knowledge, 'xiaoer');
    if (demo) await seedDemoRouting(xiaoer, options.env ?? process.env);
    const live = await liveJourneys(xiaoer.workflows);
    // The sources added from the console too (start() reads them again and keeps them fresh).
    await xiaoer.sources.refresh();
    const unheard = unheardSources(xiaoer.sources.list(), live);
    for (const source of unheard) log.warn({ source: source.id }, source.message.en);
    await xiaoer.start();
    let accepting = true;
    let intakeOpen = true;
    const app = createApp({
      store: probeOf(store, connection),
      xiaoer,
      log,
      accepting: () => accepting,
      intakeOpen: () => intakeOpen,
      ...(demo ? { demoShopUrl: demo.shopUrl } : {}),
    });
    const server = createServer(app);
    const connections = drainable(server);
    // Taken since the look before the store started: stopped below like any failed start.
    const port = await listen(server, options.port ?? 3000, host);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const url = `http://${urlHost}:${port}`;
    demo?.connect(url);
    let closing: Promise<void> | undefined;
    return {
      url,
      store,
      xiaoer,
      published,
      skipped,
      live,
      unheard,
      ...(initialAdmin ? { initialAdmin } : {}),
      ...(demo ? { demoShopUrl: demo.shopUrl } : {}),
      close: () =>
        (closing ??= (async () => {
          // From here `/readyz` and requests get 503 with Retry-After (http/shutting-down.ts);
          // those in flight are answered, and live streams end, before the runtime stops. The
          // server listens until no request is in flight (at most DRAIN_GRACE_MS), so
          // WooCommerce's deliveries (it never sends a refused one again) are still taken during
          // the drain, on new connections too: the intake records them durably until the
          // runtime and the store connection stop.
          accepting = false;
          await connections.drain();
          intakeOpen = false;
          await xiaoer.stop();
          server.closeAllConnections();
          await demo?.close();
          await closeConnectionWithin(connection, STORE_CLOSE_MS, log);
          await store.stop();
        })()),
    };
  } catch (error) {
    // A start that failed half-way (a refused setting, a store that stopped answering) lets
    // go of what it opened: the scheduler's client and the connection kept `xiaoer serve`
    // running after it printed why it could not start.
    await opened?.xiaoer.stop().catch(() => {});
    await opened?.connection.close().catch(() => {});
    await demo?.close();
    await store.stop();
    throw error;
  }
}
