import { chmod, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from './store-error.ts';
import { redactedUri } from './redacted-uri.ts';
import { acquireDataFolder, type DataFolderLock } from './data-folder-lock.ts';
import { ensureFerretdb, type ProgressReporter } from './ferretdb-binary.ts';
import { startFerretdb, type FerretdbBackend, type StoreFsync } from './ferretdb-process.ts';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  postgresAdminUrl,
} from './postgres-database.ts';

/** What kind of store the server talks to. */
export type StoreKind = 'external' | 'ferretdb-sqlite' | 'ferretdb-postgresql';

/** A store ready for Mongoose and Agenda. */
export interface RunningStore {
  kind: StoreKind;
  /** MongoDB connection string, database name included. */
  uri: string;
  /**
   * Where the data lives, for people and logs: a folder, a PostgreSQL database or the given URI,
   * passwords masked (redacted-uri.ts).
   */
  location: string;
  /** The embedded store's unix socket (it opens no TCP port). */
  socketPath?: string;
  /** Stops what was started (nothing for an external store); idempotent. */
  stop(): Promise<void>;
}

export interface LaunchStoreOptions {
  /** SQLite data folder for the embedded store; default `./data/ferretdb`. */
  dataDirectory?: string;
  /** PostgreSQL database of the embedded store with XIAOER_STORE=postgres; default `xiaoer`. */
  postgresDatabase?: string;
  /** Drop that PostgreSQL database on stop (tests). */
  dropPostgresDatabaseOnStop?: boolean;
  /** MongoDB database name in the returned URI; default `xiaoer`. */
  database?: string;
  env?: NodeJS.ProcessEnv;
  report?: ProgressReporter;
}

/**
 * Connections each client (Mongoose, Agenda) opens to a SQLite-backed FerretDB. SQLite has one
 * writer; FerretDB lets 100 connections queue for it, and its busy handler polls instead of
 * queueing, so under a burst some writers waited past the 10 s busy timeout and failed with
 * SQLITE_BUSY (seen with 16 clients sending batches). A few connections keep the queue here.
 * Since Xiaoer's FerretDB makes a process's writers take turns in a mutex (patch level 6,
 * docs/store.md), 16 connections measured no better than 8 (docs/performance.md).
 */
export const SQLITE_CLIENT_POOL = 8;

/** `XIAOER_STORE_FSYNC=commit` flushes every commit to the disk; default `checkpoint`. */
export function storeFsync(env: NodeJS.ProcessEnv): StoreFsync {
  const value = (env['XIAOER_STORE_FSYNC'] ?? 'checkpoint').toLowerCase();
  if (value === 'checkpoint' || value === 'commit') return value;
  throw new StoreError('store-misconfigured', {
    zh: `XIAOER_STORE_FSYNC 只能是 checkpoint（默认）或 commit，收到 "${value}"。`,
    en: `XIAOER_STORE_FSYNC must be checkpoint (the default) or commit, got "${value}".`,
  });
}

function withDatabase(uri: string, database: string): string {
  const base = uri.endsWith('/') ? uri : `${uri}/`;
  return `${base}${database}`;
}

/**
 * With `MONGODB_URI` set, uses that server and starts nothing. Otherwise builds (once) and
 * starts an embedded FerretDB: SQLite in `dataDirectory`, or the local PostgreSQL with
 * `XIAOER_STORE=postgres`.
 */
export async function launchStore(options: LaunchStoreOptions = {}): Promise<RunningStore> {
  const env = options.env ?? process.env;
  const report = options.report ?? (() => {});
  const external = env['MONGODB_URI'];
  if (external) {
    return {
      kind: 'external',
      uri: external,
      location: redactedUri(external),
      stop: async () => {},
    };
  }

  const database = options.database ?? 'xiaoer';
  const dataDirectory = resolve(options.dataDirectory ?? 'data/ferretdb');
  // Owner-only: the SQLite files hold password hashes and every customer's orders.
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  await chmod(dataDirectory, 0o700);
  const binary = await ensureFerretdb(report);

  let backend: FerretdbBackend;
  let location: string;
  let cleanup = async (): Promise<void> => {};
  /** The SQLite data folder, held until the store stopped. */
  let folderLock: DataFolderLock | undefined;
  const usePostgres = (env['XIAOER_STORE'] ?? 'sqlite').toLowerCase().startsWith('postgres');
  if (usePostgres) {
    const adminUrl = postgresAdminUrl(env);
    const name = options.postgresDatabase ?? postgresDatabaseName(env);
    await ensureDatabase(adminUrl, name);
    backend = { handler: 'postgresql', url: databaseUrl(adminUrl, name) };
    location = `${redactedUri(backend.url)} (PostgreSQL)`;
    if (options.dropPostgresDatabaseOnStop) cleanup = () => dropDatabase(adminUrl, name);
  } else {
    const fsync = storeFsync(env);
    folderLock = await acquireDataFolder(dataDirectory);
    backend = { handler: 'sqlite', directory: dataDirectory, fsync };
    location = dataDirectory;
  }

  const server = await startFerretdb({
    binary,
    backend,
    stateDirectory: dataDirectory,
    onRestart: ({ attempt, ok, error }) =>
      report(
        ok
          ? `内置数据库意外退出，已重新启动（第 ${attempt} 次尝试）/ the embedded store died and was restarted (attempt ${attempt})`
          : `内置数据库重启失败，稍后重试 / restarting the embedded store failed, trying again: ${String(error)}`,
      ),
  }).catch(async (error: unknown) => {
    await folderLock?.release();
    throw error;
  });
  let stopped: Promise<void> | undefined;
  return {
    kind: usePostgres ? 'ferretdb-postgresql' : 'ferretdb-sqlite',
    uri: usePostgres
      ? withDatabase(server.uri, database)
      : `${withDatabase(server.uri, database)}?maxPoolSize=${SQLITE_CLIENT_POOL}`,
    location,
    socketPath: server.socketPath,
    stop: () =>
      (stopped ??= server
        .stop()
        .then(cleanup)
        .then(() => folderLock?.release())),
  };
}

/**
 * The PostgreSQL database of the embedded store: `XIAOER_POSTGRES_DATABASE`, default `xiaoer`
 * (created if missing). Letters a–z, digits and `_` only: the name goes into `CREATE DATABASE`.
 */
function postgresDatabaseName(env: NodeJS.ProcessEnv): string {
  const name = env['XIAOER_POSTGRES_DATABASE'] || 'xiaoer';
  if (/^[a-z0-9_]{1,63}$/.test(name)) return name;
  throw new StoreError('store-misconfigured', {
    zh: `XIAOER_POSTGRES_DATABASE「${name.slice(0, 80)}」不可用：只能用小写字母 a–z、数字和下划线，最多 63 个字符。`,
    en: `XIAOER_POSTGRES_DATABASE "${name.slice(0, 80)}" cannot be used: lowercase letters a–z, digits and underscores only, at most 63 characters.`,
  });
}
