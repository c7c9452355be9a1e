import { SHARED_TEST_STORE, startOwnStore } from '@xiaoer/server/test-store';

/**
 * Vitest's global setup: one embedded FerretDB for the whole run, each test file's store a
 * database of its own on it (`startTestStore()`), instead of a FerretDB process per file.
 * Skipped with `MONGODB_URI` (an external store), `XIAOER_STORE=postgres` (each file gets its
 * own PostgreSQL database, as before) and for the process suites, which start servers of
 * their own.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  const env = process.env;
  if (env['MONGODB_URI'] || env['XIAOER_PROCESS_SUITES'] || env[SHARED_TEST_STORE]) return;
  if ((env['XIAOER_STORE'] ?? 'sqlite').toLowerCase().startsWith('postgres')) return;
  const store = await startOwnStore();
  env[SHARED_TEST_STORE] = store.uri;
  return async () => {
    delete env[SHARED_TEST_STORE];
    await store.stop();
  };
}
