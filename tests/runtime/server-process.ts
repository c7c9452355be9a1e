import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { XiaoerConfig } from '@xiaoer/server';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/server/bin/xiaoer.mjs');

/** `xiaoer serve` running as a real child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown code runs (a crash). */
  crash(): Promise<void>;
  /** SIGTERM and wait for the graceful shutdown. */
  stop(): Promise<void>;
}

/** Starts `xiaoer serve --config` on an existing store (MONGODB_URI), on a free port. */
export async function spawnServer(options: {
  storeUri: string;
  config: XiaoerConfig;
  adminPassword: string;
}): Promise<ServerProcess> {
  const folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-serve-config-'));
  const configFile = path.join(folder, 'config.json');
  await writeFile(configFile, JSON.stringify(options.config));
  // The tests publish the journeys they need themselves.
  const child = spawn(process.execPath, [bin, 'serve', '--config', configFile, '--no-shipped'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      MONGODB_URI: options.storeUri,
      XIAOER_ADMIN_PASSWORD: options.adminPassword,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then(() => rm(folder, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('press Ctrl+C to stop')) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    exited,
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      // A wedged server must not outlive the test run: kill it if it does not stop in time.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Logs in over HTTP and returns a function for authenticated API calls. */
export async function apiClient(url: string, password: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, {
      method,
      // A wedged server fails the test with a message instead of hanging it.
      signal: AbortSignal.timeout(30_000),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}
