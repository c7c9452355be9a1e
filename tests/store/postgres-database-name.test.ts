import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchStore, StoreError } from '@xiaoer/server';
import { dropDatabase, postgresAdminUrl } from '@xiaoer/server/internal';

/**
 * `XIAOER_POSTGRES_DATABASE` names the embedded store's PostgreSQL database (default `xiaoer`):
 * a benchmark or a second installation on one PostgreSQL keeps to its own. The name goes into
 * `CREATE DATABASE`, so only a–z, digits and `_` are taken.
 */
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function dataDirectory(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-pg-name-'));
  folders.push(folder);
  return folder;
}

describe('the PostgreSQL database of the embedded store', () => {
  it('should refuse a name that is not a–z, digits and underscores, starting nothing', async () => {
    const refused = launchStore({
      dataDirectory: await dataDirectory(),
      env: { XIAOER_STORE: 'postgres', XIAOER_POSTGRES_DATABASE: 'x"; DROP DATABASE postgres; --' },
    });
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toMatchObject({ code: 'store-misconfigured' });
  });

  it('should keep to the database it is given', async () => {
    const name = `xiaoer_name_test_${process.pid}`;
    const env = { XIAOER_STORE: 'postgres', XIAOER_POSTGRES_DATABASE: name };
    const store = await launchStore({ dataDirectory: await dataDirectory(), env });
    try {
      expect(store.kind).toBe('ferretdb-postgresql');
      expect(store.location).toContain(`/${name}`);
    } finally {
      await store.stop();
      await dropDatabase(postgresAdminUrl(env), name);
    }
  });
});
