/**
 * @xiaoer/server/test-store — the test stores alone, without the server: Vitest's global setup
 * (`tests/shared-store.ts`) starts the run's store from here and so does not load every server
 * module into the main process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { launchStore, type RunningStore } from './store/store-launcher.ts';

/**
 * The environment variable naming a store the whole test run shares (`tests/shared-store.ts`,
 * Vitest's global setup, starts it): each test then gets a database of its own on it instead
 * of starting a FerretDB process.
 */
export const SHARED_TEST_STORE = 'XIAOER_TEST_STORE_URI';

/**
 * Starts a store for one test file. On the run's shared store (see {@link SHARED_TEST_STORE})
 * that is a fresh database, dropped by `stop()`. Otherwise, or with `own` (a test that stops,
 * freezes or reaches the store process itself): `MONGODB_URI` if set, else an embedded
 * FerretDB on a temporary SQLite folder (or a fresh PostgreSQL database with
 * `XIAOER_STORE=postgres`), removed again by `stop()`. Progress of a first build goes to stderr.
 */
export async function startTestStore(options: { own?: boolean } = {}): Promise<RunningStore> {
  const shared = process.env[SHARED_TEST_STORE];
  if (shared && !options.own) return databaseOn(shared);
  return startOwnStore();
}

/** An embedded store of its own in a temporary folder (the shared one is one of these). */
export async function startOwnStore(): Promise<RunningStore> {
  const directory = await mkdtemp(join(tmpdir(), 'xiaoer-store-test-'));
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const store = await launchStore({
    dataDirectory: directory,
    postgresDatabase: `xiaoer_test_${suffix}`,
    dropPostgresDatabaseOnStop: true,
    report: (line) => process.stderr.write(`${line}\n`),
  });
  return {
    ...store,
    stop: async () => {
      await store.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A new database on the shared store `uri` (whose path names a database to replace). */
function databaseOn(uri: string): RunningStore {
  const url = new URL(uri);
  url.pathname = `/t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUri = url.toString();
  let stopped: Promise<void> | undefined;
  return {
    kind: 'ferretdb-sqlite',
    uri: databaseUri,
    location: databaseUri,
    stop: () =>
      (stopped ??= (async () => {
        const connection = await mongoose.createConnection(databaseUri).asPromise();
        await connection.dropDatabase().finally(() => connection.close());
      })()),
  };
}
