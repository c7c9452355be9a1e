import { createServer } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXiaoer, StoreError } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { deadline } from '../deadline.ts';

/**
 * A scheduler that cannot reach the store fails the start. Found: Agenda's constructor connects
 * with no handler for a failure (an unhandled rejection), and its start waits for a connection
 * that never comes: `xiaoer serve` hung at start-up, saying nothing.
 */

/** A port nothing listens on: bound, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('starting the runtime when the scheduler cannot reach the store', () => {
  let store: RunningStore;
  let connection: Connection;
  beforeAll(async () => {
    store = await startTestStore();
    connection = await mongoose.createConnection(store.uri).asPromise();
  });
  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await store?.stop();
  });

  it('should fail with store-unreachable in Chinese and English, and stop', async () => {
    // The runtime's own connection works; only the scheduler's store refuses connections.
    const refused = `mongodb://scheduler:secret@127.0.0.1:${await closedPort()}/xiaoer?serverSelectionTimeoutMS=300`;
    const xiaoer = createXiaoer({
      connection,
      storeUri: refused,
      config: { sources: [] },
      log: pino({ level: 'silent' }),
    });
    const started = await Promise.race([
      xiaoer.start().then(
        () => 'started',
        (error: unknown) => error,
      ),
      deadline(15_000, 'still starting'),
    ]);
    expect(started).toBeInstanceOf(StoreError);
    const error = started as StoreError;
    expect(error.code).toBe('store-unreachable');
    expect(error.message).toContain('任务调度连接不上数据库');
    expect(error.message).toContain('The job scheduler cannot reach the store');
    // The location is named without its password.
    expect(error.message).toContain('scheduler:***@127.0.0.1');
    expect(error.message).not.toContain('secret');
    const stopped = await Promise.race([
      xiaoer.stop().then(() => 'stopped'),
      deadline(15_000, 'still stopping'),
    ]);
    expect(stopped).toBe('stopped');
  }, 40_000);
});
