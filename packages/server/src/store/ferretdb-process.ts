import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pingStore } from './store-ping.ts';
import { StoreError } from './store-error.ts';
import { storeSocket, type StoreSocket } from './store-socket.ts';

/** Where FerretDB keeps its data: an SQLite folder or a PostgreSQL database. */
export type FerretdbBackend =
  | {
      handler: 'sqlite';
      directory: string;
      /**
       * When a commit reaches the disk. `checkpoint` (SQLite's `synchronous=NORMAL` in WAL
       * mode): a commit is durable once written to the operating system, like MongoDB's default
       * (its journal is flushed every 100 ms), so it survives the process being killed; a power
       * loss can take the commits since the last checkpoint. `commit` (`FULL`): every commit is
       * flushed to the disk before it is answered (~5 ms each here).
       */
      fsync?: StoreFsync;
    }
  | { handler: 'postgresql'; url: string };

/** When the embedded SQLite store flushes commits to the disk (`XIAOER_STORE_FSYNC`). */
export type StoreFsync = 'checkpoint' | 'commit';

/** A FerretDB process started by this one, restarted when it dies. */
export interface FerretdbProcess {
  uri: string;
  /** The unix socket it listens on (it opens no TCP port). */
  socketPath: string;
  /** The current watchdog's pid; FerretDB itself is its only child. */
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartFerretdbOptions {
  binary: string;
  backend: FerretdbBackend;
  /** FerretDB's own state file (state.json) and its socket folder (`run/`) go here. */
  stateDirectory: string;
  readyTimeoutMs?: number;
  /** Told when FerretDB died and was started again (`attempt` 1 is the first try). */
  onRestart?: (event: { attempt: number; ok: boolean; error?: unknown }) => void;
}

/** Waits before restarting a FerretDB that died: 0.5 s, doubling to at most 30 s. */
export const restartDelayMs = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 30_000);

const watchdog = fileURLToPath(new URL('./ferretdb-watchdog.mjs', import.meta.url));
const LOG_TAIL = 4000;

function backendArgs(backend: FerretdbBackend): string[] {
  return backend.handler === 'sqlite'
    ? // BEGIN IMMEDIATE: a write transaction waits for the lock (busy_timeout, 10 s) instead of
      // failing with SQLITE_BUSY when another write is under way (measured under two processes).
      // No connection checkpoints the WAL in its COMMIT: the patched build checkpoints it in
      // the background, beside the writers (FERRETDB_PATCHES, `writeTurn`; docs/store.md).
      [
        '--handler=sqlite',
        `--sqlite-url=file:${backend.directory.replace(/\/?$/, '/')}?_txlock=immediate` +
          `&_pragma=synchronous(${backend.fsync === 'commit' ? 'full' : 'normal'})` +
          '&_pragma=wal_autocheckpoint(0)',
      ]
    : ['--handler=postgresql'];
}

/**
 * The PostgreSQL URL goes to FerretDB in its environment (`FERRETDB_POSTGRESQL_URL`), not on its
 * command line, which every local user can read (`ps`); a password in `XIAOER_POSTGRES_URL`
 * showed there. A process's environment is readable by its own user only.
 */
function backendEnv(backend: FerretdbBackend): NodeJS.ProcessEnv {
  return backend.handler === 'postgresql' ? { FERRETDB_POSTGRESQL_URL: backend.url } : {};
}

/**
 * The Go garbage collector's settings for the embedded FerretDB: collect when the heap has
 * grown by 400 % (Go's default is 100 %), within a soft limit of 1 GiB. FerretDB allocates for
 * every document it decodes and encodes, and with the default a tenth of its CPU went to
 * collecting: measured on the store alone (docs/store.md), 25 % less CPU per inserted document
 * and 30 % less per read. `GOGC` and `GOMEMLIMIT` set in the environment win.
 */
export function storeGcSettings(env: NodeJS.ProcessEnv): { GOGC: string; GOMEMLIMIT: string } {
  return { GOGC: env['GOGC'] ?? '400', GOMEMLIMIT: env['GOMEMLIMIT'] ?? '1GiB' };
}

/** How the kernel schedules the embedded FerretDB (`XIAOER_STORE_SCHEDULING`). */
export type StoreScheduling = 'batch' | 'normal';

/**
 * `batch` (the default): FerretDB's threads run under Linux's `SCHED_BATCH` (through `chrt`, in
 * the watchdog): the same share of the CPU, but a store woken by a command no longer takes the
 * core from the server that sent it. Under the default policy every command written to the
 * store's socket could switch the server's thread out mid-turn for the store's (three
 * involuntary switches of the server per event at 16 clients, 0.6 with `batch`; docs/store.md).
 * `normal` keeps the kernel's default; any other value, or none, is `batch`.
 */
export function storeScheduling(env: NodeJS.ProcessEnv): StoreScheduling {
  return env['XIAOER_STORE_SCHEDULING'] === 'normal' ? 'normal' : 'batch';
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

interface Launched {
  pid: number;
  exited: Promise<void>;
  stop(): Promise<void>;
}

async function launchOnce(options: StartFerretdbOptions, socket: StoreSocket): Promise<Launched> {
  await socket.clear();
  const args = [
    // No TCP listener: only processes of this user reach the socket (issue 18).
    '--listen-addr=',
    `--listen-unix=${socket.path}`,
    ...backendArgs(options.backend),
    `--state-dir=${options.stateDirectory}`,
    '--telemetry=disable',
    // Off unless asked for: `XIAOER_STORE_DEBUG_ADDR=127.0.0.1:8088` serves FerretDB's metrics
    // and Go's pprof profiles there (measuring where the store spends its time).
    `--debug-addr=${process.env.XIAOER_STORE_DEBUG_ADDR || '-'}`,
    '--log-level=WARN',
  ];
  const child = spawn(process.execPath, [watchdog, options.binary, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...storeGcSettings(process.env),
      ...backendEnv(options.backend),
      XIAOER_STORE_SCHEDULING: storeScheduling(process.env),
    },
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_TAIL);
  });
  const exited = waitForExit(child);
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let running = true;
  void exited.then(() => (running = false));
  while (running && Date.now() < deadline) {
    if (await pingStore(socket.uri, 500)) {
      await socket.secure();
      return { pid: child.pid ?? 0, exited, stop };
    }
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
 * Starts FerretDB on a unix socket with owner-only permissions (see store-socket.ts) through a
 * watchdog that stops it when this process exits or dies, and waits until it answers `ping`.
 * When FerretDB dies on its own (a crash, the OOM killer), it is started again on the same
 * socket after {@link restartDelayMs}, until it runs or `stop()` is called; clients reconnect
 * by themselves, the URI does not change.
 */
export async function startFerretdb(options: StartFerretdbOptions): Promise<FerretdbProcess> {
  const socket = await storeSocket(options.stateDirectory);
  let current = await launchOnce(options, socket);
  let stopping = false;
  let restarting: Promise<void> | undefined;

  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, restartDelayMs(attempt)));
      if (stopping) return;
      try {
        current = await launchOnce(options, socket);
        options.onRestart?.({ attempt, ok: true });
        supervise(current);
        return;
      } catch (error) {
        options.onRestart?.({ attempt, ok: false, error });
      }
    }
  };
  const supervise = (launched: Launched) =>
    void launched.exited.then(() => {
      if (!stopping && launched === current)
        restarting = restart().finally(() => (restarting = undefined));
    });
  supervise(current);

  return {
    uri: socket.uri,
    socketPath: socket.path,
    get pid() {
      return current.pid;
    },
    stop: async () => {
      stopping = true;
      await restarting;
      await current.stop();
      await socket.remove();
    },
  };
}
