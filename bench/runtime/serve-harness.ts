/**
 * What the black-box runtime benchmarks share: the configuration a benchmarked `xiaoer serve`
 * runs with (source `bench`, the confirmation SMS to the harness's sink), starting one and
 * waiting for it, publishing the order-lifecycle journey, and one level of the shared harness
 * (bench/runtime/runtime-load.mjs) against a URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the harness's sink listens: the SMS channel and order system of {@link benchConfig}. */
export const SINK_PORT = 4701;
export const METRICS_TOKEN = 'bench-metrics-token-0123456789';
export const ADMIN_PASSWORD = 'bench-admin-password-0123';

export const benchConfig = {
  sources: [{ id: 'bench', kind: 'xiaoer', secret: 'bench-secret-0123456789abcdef' }],
  orderSystem: {
    baseUrl: `http://127.0.0.1:${SINK_PORT}`,
    operations: { getOrder: { method: 'GET', path: '/orders/{{orderId}}' } },
  },
  channels: {
    sms: {
      kind: 'sms',
      url: `http://127.0.0.1:${SINK_PORT}/sms`,
      body: { phone: '{{to}}', text: '{{text}}' },
    },
    email: { kind: 'log' },
    staff: { kind: 'log' },
    chat: { kind: 'log' },
  },
  metrics: { token: METRICS_TOKEN, cacheMs: 0 },
};

/** One level of the harness: what it printed for it. */
export interface LevelRow {
  c: number;
  acked: number;
  errors: number;
  'ack/s': number;
  'ack p50': number;
  'ack p99': number;
  effects: number;
  'effects/s': number;
  'e2e p50': number;
  'e2e p99': number;
}

export interface ServeOptions {
  configFile: string;
  dataDirectory: string;
  port: number;
  /** Added to this process's environment (the store to use, say). */
  env?: NodeJS.ProcessEnv;
  /** Node's own flags before the script (a CPU profile, say). */
  nodeFlags?: string[];
}

/** Starts `xiaoer serve --no-shipped` with the bench's admin password; its output is dropped. */
export function spawnServe(options: ServeOptions): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      join(root, 'packages/server/bin/xiaoer.mjs'),
      'serve',
      '--config',
      options.configFile,
      '--data',
      options.dataDirectory,
      '--port',
      String(options.port),
      '--no-shipped',
    ],
    {
      env: {
        ...process.env,
        XIAOER_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** Resolves once `url` answers its health check; rejects if the server exits or 5 minutes pass. */
export async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`xiaoer serve exited (${server.exitCode})`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('xiaoer serve did not become healthy in 5 minutes');
}

/** Ends a started server gracefully and waits for it to exit. */
export async function stopServe(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function api(url: string, path: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Logs in as the bench's admin and publishes workflows/order-lifecycle.json. */
export async function publishOrderLifecycle(url: string): Promise<void> {
  const { token } = (await api(url, '/api/auth/login', '', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  })) as { token: string };
  const lifecycle = JSON.parse(
    await readFile(join(root, 'workflows/order-lifecycle.json'), 'utf8'),
  );
  await api(url, '/api/workflows', token, lifecycle);
  await api(url, '/api/workflows/order-lifecycle/publish', token, { note: 'bench' });
}

/** `c` closed-loop clients for `seconds` against `url`, with the harness in a process of its own. */
export function runLevel(url: string, c: number, seconds: number): Promise<LevelRow> {
  return new Promise((resolve, reject) => {
    const harness = spawn(
      process.execPath,
      [
        join(root, 'bench/runtime/runtime-load.mjs'),
        'xiaoer',
        url,
        String(SINK_PORT),
        String(seconds),
        String(c),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    harness.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    harness.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        const rows = (JSON.parse(last) as { rows: LevelRow[] }).rows;
        if (code !== 0 || !rows[0]) throw new Error(`harness exited ${code}`);
        resolve(rows[0]);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** A free port on the loopback address, for a server under test. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
