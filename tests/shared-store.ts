import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED_TEST_STORE, startOwnStore } from '@xiaoer/server/test-store';

/**
 * The folder of the run's Chromium temporary files (`tests/e2e/browser.ts`): a Vitest worker
 * keeps one Chromium for all its browser files, and it ends with the worker, which cannot
 * remove Chromium's profile folder any more; the run removes this folder at its end instead.
 */
export const BROWSER_TEMP = 'XIAOER_TEST_BROWSER_TEMP';

/**
 * Vitest's global setup: one embedded FerretDB for the whole run, each test file's store a
 * database of its own on it (`startTestStore()`), instead of a FerretDB process per file.
 * Skipped with `MONGODB_URI` (an external store), `XIAOER_STORE=postgres` (each file gets its
 * own PostgreSQL database, as before) and for the process suites, which start servers of
 * their own. Also makes the run's folder for Chromium ({@link BROWSER_TEMP}).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const env = process.env;
  const teardowns: (() => Promise<void>)[] = [];
  if (!env[BROWSER_TEMP]) {
    const folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-test-browsers-'));
    env[BROWSER_TEMP] = folder;
    teardowns.push(async () => {
      delete env[BROWSER_TEMP];
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    });
  }
  const sharedStore =
    !env['MONGODB_URI'] &&
    !env['XIAOER_PROCESS_SUITES'] &&
    !env[SHARED_TEST_STORE] &&
    !(env['XIAOER_STORE'] ?? 'sqlite').toLowerCase().startsWith('postgres');
  if (sharedStore) {
    const store = await startOwnStore();
    env[SHARED_TEST_STORE] = store.uri;
    teardowns.push(async () => {
      delete env[SHARED_TEST_STORE];
      await store.stop();
    });
  }
  return async () => {
    for (const teardown of teardowns.reverse()) await teardown();
  };
}
