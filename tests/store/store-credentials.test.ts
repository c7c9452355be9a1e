import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectStore, launchStore, StoreError } from '@xiaoer/server';
import { dropDatabase } from '@xiaoer/server/internal';

/**
 * The store's location is printed at start (`数据库 / store: …`) and named in its errors, which
 * land in the operator's logs: a password in `MONGODB_URI` or `XIAOER_POSTGRES_URL` must not.
 * Found running `MONGODB_URI=mongodb://alice:hunter2secret@… xiaoer serve`: both lines of the
 * "Cannot reach the store" message carried the password.
 */
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const SECRET = 'hunter2secret';

describe("the store's location in logs and errors", () => {
  it('should mask the password of MONGODB_URI, keeping the user, hosts and database', async () => {
    const uri = `mongodb://alice:${SECRET}@127.0.0.1:1,127.0.0.1:2/xiaoer?authSource=admin&tlsCertificateKeyFilePassword=${SECRET}`;
    const store = await launchStore({ env: { MONGODB_URI: uri } });
    expect(store.uri).toBe(uri);
    expect(store.location).not.toContain(SECRET);
    expect(store.location).toBe(
      'mongodb://alice:***@127.0.0.1:1,127.0.0.1:2/xiaoer?authSource=admin&tlsCertificateKeyFilePassword=***',
    );
  });

  it('should not name the password when the store cannot be reached', async () => {
    const store = await launchStore({
      env: { MONGODB_URI: `mongodb://alice:${SECRET}@127.0.0.1:1/xiaoer` },
    });
    const failed = connectStore(store, 300);
    await expect(failed).rejects.toBeInstanceOf(StoreError);
    const error = (await failed.catch((reason: unknown) => reason)) as StoreError;
    expect(error.code).toBe('store-unreachable');
    expect(error.zh).toContain('mongodb://alice:***@127.0.0.1:1/xiaoer');
    expect(`${error.message} ${error.zh} ${error.en}`).not.toContain(SECRET);
  });

  it('should not name the password of XIAOER_POSTGRES_URL when PostgreSQL cannot be reached', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-credentials-'));
    folders.push(folder);
    const failed = launchStore({
      dataDirectory: folder,
      env: {
        XIAOER_STORE: 'postgres',
        XIAOER_POSTGRES_URL: `postgres://xiaoer:${SECRET}@127.0.0.1:1/postgres`,
      },
    });
    const error = (await failed.catch((reason: unknown) => reason)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('postgres-unavailable');
    expect(error.en).toContain('postgres://xiaoer:***@127.0.0.1:1/postgres');
    expect(`${error.message} ${error.zh} ${error.en}`).not.toContain(SECRET);
  });

  it("should keep the PostgreSQL URL off FerretDB's command line, which every local user reads", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-credentials-'));
    folders.push(folder);
    // The local PostgreSQL trusts 127.0.0.1, so the password is carried and not needed.
    const adminUrl = `postgres://postgres:${SECRET}@127.0.0.1:5432/postgres`;
    const name = `xiaoer_credentials_${process.pid}`;
    const env = {
      XIAOER_STORE: 'postgres',
      XIAOER_POSTGRES_URL: adminUrl,
      XIAOER_POSTGRES_DATABASE: name,
    };
    const store = await launchStore({ dataDirectory: folder, env });
    try {
      expect(store.location).not.toContain(SECRET);
      const commandLines = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(folder));
      expect(commandLines.some((line) => line.includes('--handler=postgresql'))).toBe(true);
      expect(commandLines.join('\n')).not.toContain(SECRET);
      // FerretDB still found its database.
      const connection = await connectStore(store);
      await connection.db?.collection('probe').insertOne({ ok: 1 });
      await connection.close();
    } finally {
      await store.stop();
      await dropDatabase(adminUrl, name);
    }
  });
});
