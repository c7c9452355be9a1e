import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { launchStore } from '@xiaoer/server';

/**
 * The embedded SQLite store checkpoints its write-ahead log beside the writers, not inside a
 * writer's COMMIT (FerretDB patch level 9, docs/store.md): its connections never checkpoint
 * on their own (`wal_autocheckpoint(0)`), so without the patched build's checkpoints the log
 * would grow with every write and the database file would never receive them.
 */
let directory: string;
let store: Awaited<ReturnType<typeof launchStore>>;
let client: MongoClient;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'xiaoer-wal-test-'));
  store = await launchStore({
    dataDirectory: directory,
    database: 'walcheck',
    env: { ...process.env, XIAOER_STORE: 'sqlite' },
    report: (line) => process.stderr.write(`${line}\n`),
  });
  client = await MongoClient.connect(store.uri);
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  await rm(directory, { recursive: true, force: true });
});

const sizeOf = async (file: string) => (await stat(file).catch(() => ({ size: 0 }))).size;

describe('the embedded store’s write-ahead log', () => {
  it('should be copied into the database file and restart while writes go on', async () => {
    const documents = client.db().collection<{ _id: string; body: string }>('walDocuments');
    const body = 'x'.repeat(40_000);
    const writes = 1_200; // 48 MB in all: more than the 32 MB after which the log restarts
    for (let i = 0; i < writes; i++) await documents.insertOne({ _id: `d${i}`, body });

    const database = join(directory, 'walcheck.sqlite');
    const log = `${database}-wal`;
    // The checkpoints run in the background: the database file receives what was written.
    await expect
      .poll(() => sizeOf(database), { timeout: 20_000, interval: 100 })
      .toBeGreaterThan(40_000_000);
    // The log restarted from its beginning at least once: it is shorter than what was written.
    expect(await sizeOf(log)).toBeLessThan(writes * body.length);
    expect(await documents.countDocuments()).toBe(writes);
  });
});
