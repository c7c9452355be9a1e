import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DemoShop } from '@xiaoer/demo-shop';
import { createApp } from './http/app.ts';
import { createXiaoer, type Xiaoer } from './server/xiaoer.ts';
import type { XiaoerConfig } from './server/xiaoer-config.ts';
import { DEFAULT_OPERATIONS } from './connectors/http-order-system.ts';
import { signedHeaders } from './intake/signature.ts';
import { probeOf } from './server/store-connection.ts';
import type { RunningStore } from './store/store-launcher.ts';
import { startTestStore } from './test-store.ts';
import { TestClock } from './clock/test-clock.ts';
import type { PasswordCost } from './auth/password.ts';

export const ADMIN_PASSWORD = 'admin-密码-123';
export const SOURCE = {
  id: 'demo-shop',
  kind: 'xiaoer' as const,
  secret: 'test-secret-不要外传-0123',
};

/** The test shop's secret for signing chat customers (`chat.customerSecret`). */
export const CHAT_SECRET = 'chat-secret-测试-0123456789';

/** A test server on the real store, with the demo shop as order system and message sink. */
export interface Harness {
  url: string;
  shop: DemoShop;
  shopUrl: string;
  xiaoer: Xiaoer;
  /** The admin's session token. */
  token: string;
  store: RunningStore;
  connection: Connection;
  /**
   * The server's clock: `await h.clock.advance(ms)` runs the sweeps and flushes due by then;
   * with `startHarness({ movesDate: true })` journey timers and delivery retries too.
   */
  clock: TestClock;
  /** Sends a signed `POST /api/events`. */
  sendEvents(
    body: unknown,
    sign?: { secret?: string; source?: string; now?: number },
  ): Promise<Response>;
  /** An API request as the admin (or with `token`; pass `''` for none). */
  request(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  /** Publishes workflows through the API. */
  publish(...workflows: WorkflowDocument[]): Promise<void>;
  /** Stops the server but keeps the store (to start another on the same data). */
  stopServer(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chat budgets for tests, which open many conversations for one customer from one address in
 * a minute; the security tests set their own (tests/security).
 */
const TEST_CHAT_LIMITS = {
  conversationsPerAddress: 10_000,
  conversationsPerCustomer: 10_000,
  messagesPerAddress: 10_000,
  messagesPerConversation: 10_000,
  streamsPerAddress: 1_000,
  streamsPerCustomer: 1_000,
};

/**
 * Console budgets for tests, which replay, classify and count far more often than an operator
 * does; the budgets' own tests set theirs (tests/security/console-budgets.test.ts).
 */
const TEST_CONSOLE_BUDGETS = {
  replaysPerMinute: 10_000,
  classificationsPerMinute: 10_000,
  flowCountsPerMinute: 10_000,
  duplicateChecksPerMinute: 10_000,
};

/**
 * scrypt at 1/32 of the production cost (`PASSWORD_COST`): a hash takes about 2 ms instead of
 * 60 ms, and the suite creates and logs in users hundreds of times. Checking stays the same
 * code, reading the cost from the stored hash.
 */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

export function testConfig(shopUrl: string, overrides: Partial<XiaoerConfig> = {}): XiaoerConfig {
  const { sources = [], ...rest } = overrides;
  return {
    sources: [SOURCE, ...sources],
    orderSystem: { baseUrl: shopUrl, operations: DEFAULT_OPERATIONS, timeoutMs: 5000 },
    channels: { default: { kind: 'webhook', preset: 'generic', url: `${shopUrl}/messages` } },
    delivery: { retryDelayMs: 100, maxAttempts: 3 },
    // Work left stale for 3 s is recovered at the next sweep. Sweeps every 2 s, as in
    // production (RECOVERY_DEFAULTS): each reads five inboxes, and every 500 ms they were about
    // an eighth of a test server's store commands, though they rarely found anything. A test of
    // recovery moves the clock (`h.clock.advance`) or polls for the outcome.
    recovery: { sweepEveryMs: 2000, staleAfterMs: 3000 },
    // Agents whom a test puts online through the API hold no desk connection: presence would
    // set them away once a test moves the clock minutes ahead. Presence tests turn it on.
    routing: { awayAfterSeconds: 0 },
    ...rest,
    http: {
      ...rest.http,
      consoleBudgets: { ...TEST_CONSOLE_BUDGETS, ...rest.http?.consoleBudgets },
    },
    chat: {
      customerSecret: CHAT_SECRET,
      ...rest.chat,
      limits: { ...TEST_CHAT_LIMITS, ...rest.chat?.limits },
    },
  };
}

export async function startHarness(
  options: {
    config?: Partial<XiaoerConfig>;
    store?: RunningStore;
    /** A FerretDB process of its own rather than a database on the run's shared store. */
    ownStore?: boolean;
    shop?: DemoShop;
    /** A clock to share (two servers in one test); default a new one. */
    clock?: TestClock;
    /**
     * `h.clock.advance(ms)` moves `Date` as well, once no Agenda job is locked, so journey
     * timers and delivery retries fall due without waiting (TestClock's `movesDate`). `close()`
     * puts the real `Date` back. Not with `clock`: make that one with `movesDate`.
     */
    movesDate?: boolean;
    /** Told of every timer fired, with its lateness in ms (benchmarks). */
    onTimerFired?: (latenessMs: number) => void;
    /** The scrypt cost of new passwords; default {@link TEST_PASSWORD_COST}. */
    passwordCost?: PasswordCost;
    /** The server's connection reports its commands (`commandStarted`…) to listeners. */
    monitorCommands?: boolean;
  } = {},
): Promise<Harness> {
  const store = options.store ?? (await startTestStore({ own: options.ownStore ?? false }));
  const shop = options.shop ?? new DemoShop();
  const shopUrl = await shop.listen();
  const connection = await mongoose
    .createConnection(store.uri, { monitorCommands: options.monitorCommands ?? false })
    .asPromise();
  if (options.clock && options.movesDate) throw new Error('movesDate is a choice of the clock');
  const clock =
    options.clock ??
    new TestClock(
      options.movesDate ? { movesDate: { settled: () => noJobLocked(connection) } } : {},
    );
  const xiaoer = createXiaoer({
    clock,
    connection,
    storeUri: store.uri,
    config: testConfig(shopUrl, options.config),
    log: pino({ level: process.env['XIAOER_TEST_LOG'] ?? 'error' }),
    passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
    ...(options.onTimerFired ? { onTimerFired: options.onTimerFired } : {}),
  });
  await xiaoer.start();
  if (!(await xiaoer.auth.hasUsers()))
    await xiaoer.auth.createUser('admin', ADMIN_PASSWORD, 'admin');
  const session = await xiaoer.auth.login('admin', ADMIN_PASSWORD);
  // The demo shop's pages too: its chat page signs its demo customer, as `npm start` does.
  const server: Server = createServer(
    createApp({ store: probeOf(store, connection), xiaoer, demoShopUrl: shopUrl }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shop.connect({ url: `${url}/api/events`, source: SOURCE.id, secret: SOURCE.secret });

  const request = (method: string, path: string, body?: unknown, token = session?.token) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  let serverStopped = false;
  const stopServer = async () => {
    if (serverStopped) return;
    serverStopped = true;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await xiaoer.stop();
    await connection.close();
  };
  return {
    url,
    shop,
    shopUrl,
    xiaoer,
    token: session?.token ?? '',
    store,
    connection,
    clock,
    request,
    sendEvents: (body, sign = {}) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return fetch(`${url}/api/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signedHeaders(sign.source ?? SOURCE.id, sign.secret ?? SOURCE.secret, text, sign.now),
        },
        body: text,
      });
    },
    publish: async (...workflows) => {
      for (const workflow of workflows) {
        const created = await request('POST', '/api/workflows', workflow);
        if (created.status !== 201)
          throw new Error(`create ${workflow.id}: ${await created.text()}`);
        const published = await request('POST', `/api/workflows/${workflow.id}/publish`, {
          note: 'test',
        });
        if (published.status !== 201)
          throw new Error(`publish ${workflow.id}: ${await published.text()}`);
      }
    },
    stopServer,
    close: async () => {
      try {
        await stopServer();
        await shop.close();
        if (!options.store) await store.stop();
      } finally {
        if (!options.clock) clock.restore();
      }
    },
  };
}

/**
 * Resolves once no Agenda job is locked in the store: a timer job sleeping until its slots fall
 * due, an effect running, or a job that Agenda locked ahead because it falls due before its
 * next poll. Moving `Date` under a lock could make it look expired and run its job twice.
 */
async function noJobLocked(connection: Connection, timeoutMs = 30_000): Promise<void> {
  const jobs = connection.collection('jobs');
  for (const deadline = performance.now() + timeoutMs; ; await sleep(20)) {
    if ((await jobs.countDocuments({ lockedAt: { $ne: null } })) === 0) return;
    if (performance.now() > deadline)
      throw new Error(`An Agenda job stayed locked for ${timeoutMs} ms: Date not moved`);
  }
}

/** Makes a CloudEvent with a fresh id. */
let sequence = 0;
export function cloudEvent(type: string, data: Record<string, unknown>, id?: string) {
  return { id: id ?? `evt-${process.pid}-${++sequence}`, type, source: '/tests', data };
}
