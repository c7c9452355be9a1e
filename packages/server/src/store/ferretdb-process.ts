import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from './free-port.ts';
import { pingStore } from './store-ping.ts';
import { StoreError } from './store-error.ts';

/** Where FerretDB keeps its data: an SQLite folder or a PostgreSQL database. */
export type FerretdbBackend =
  { handler: 'sqlite'; directory: string } | { handler: 'postgresql'; url: string };

/** A FerretDB process started by this one. */
export interface FerretdbProcess {
  uri: string;
  port: number;
  /** The watchdog's pid; FerretDB itself is its only child. */
  pid: number;
  stop(): Promise<void>;
}

export interface StartFerretdbOptions {
  binary: string;
  backend: FerretdbBackend;
  /** FerretDB's own state file (state.json) goes here. */
  stateDirectory: string;
  readyTimeoutMs?: number;
}

const watchdog = fileURLToPath(new URL('./ferretdb-watchdog.mjs', import.meta.url));
const LOG_TAIL = 4000;

function backendArgs(backend: FerretdbBackend): string[] {
  return backend.handler === 'sqlite'
    ? // BEGIN IMMEDIATE: a write transaction waits for the lock (busy_timeout, 10 s) instead of
      // failing with SQLITE_BUSY when another write is under way (measured under two processes).
      [
        '--handler=sqlite',
        `--sqlite-url=file:${backend.directory.replace(/\/?$/, '/')}?_txlock=immediate`,
      ]
    : ['--handler=postgresql', `--postgresql-url=${backend.url}`];
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function launchOnce(options: StartFerretdbOptions): Promise<FerretdbProcess> {
  const port = await freeLoopbackPort();
  const args = [
    `--listen-addr=127.0.0.1:${port}`,
    ...backendArgs(options.backend),
    `--state-dir=${options.stateDirectory}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=WARN',
  ];
  const child = spawn(process.execPath, [watchdog, options.binary, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_TAIL);
  });
  const exited = waitForExit(child);
  const uri = `mongodb://127.0.0.1:${port}/`;
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let running = true;
  void exited.then(() => (running = false));
  while (running && Date.now() < deadline) {
    if (await pingStore(uri, 500)) return { uri, port, pid: child.pid ?? 0, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  const detail = log.trim() || `exit code ${String(child.exitCode)}`;
  const reason = running ? 'timeout' : detail;
  throw new StoreError('ferretdb-start-failed', {
    zh: `内置数据库 FerretDB 未能启动（${reason === 'timeout' ? '等待超时' : '进程退出'}）：\n${detail}`,
    en: `The embedded FerretDB did not start (${reason === 'timeout' ? 'timed out' : 'it exited'}):\n${detail}`,
  });
}

/**
 * Starts FerretDB on a free loopback port through a watchdog that stops it when this process
 * exits or dies, and waits until it answers `ping`. A port taken between choosing and binding
 * is retried on another port.
 */
export async function startFerretdb(options: StartFerretdbOptions): Promise<FerretdbProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(options);
    } catch (error) {
      const portRace = error instanceof StoreError && /address already in use/.test(error.en);
      if (!portRace || attempt >= 3) throw error;
    }
  }
}
