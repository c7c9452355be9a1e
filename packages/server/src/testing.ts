/**
 * @xiaoer/server/testing — helpers for integration tests that need the real store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchStore, type RunningStore } from './store/store-launcher.ts';

/**
 * Starts a store for one test file: `MONGODB_URI` if set, else an embedded FerretDB on a
 * temporary SQLite folder (or a fresh PostgreSQL database with `XIAOER_STORE=postgres`), each
 * removed again by `stop()`. Progress of a first build goes to stderr.
 */
export async function startTestStore(): Promise<RunningStore> {
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

export type { RunningStore } from './store/store-launcher.ts';
export {
  startHarness,
  testConfig,
  cloudEvent,
  SOURCE,
  ADMIN_PASSWORD,
  CHAT_SECRET,
  type Harness,
} from './test-harness.ts';
export { responseContract, type ContractCheck } from './http/response-contract.ts';
