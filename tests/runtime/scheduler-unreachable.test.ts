import { createServer, type Socket } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXiaoer, StoreError, type Xiaoer } from '@xiaoer/server';
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

/**
 * A store that stopped answering: it takes connections and never says a word. Resolves with
 * its port and what lets it go.
 */
async function silentStore(): Promise<{ port: number; close: () => Promise<void> }> {
  const held: Socket[] = [];
  const server = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A runtime on `connection` whose scheduler looks for its store at `storeUri`. */
function runtimeWith(connection: Connection, storeUri: string): Xiaoer {
  return createXiaoer({
    connection,
    storeUri,
    config: { sources: [] },
    log: pino({ level: 'silent' }),
  });
}

/** What `xiaoer.start()` ended with: its failure, 'started', or 'still starting' after 15 s. */
function startOutcome(xiaoer: Xiaoer): Promise<unknown> {
  return Promise.race([
    xiaoer.start().then(
      () => 'started',
      (error: unknown) => error,
    ),
    deadline(15_000, 'still starting'),
  ]);
}

/** How long the runtime's own connection looks for the store before it gives up. */
const STORE_TIMEOUT_MS = 300;

describe('starting the runtime when the scheduler cannot reach the store', () => {
  let store: RunningStore;
  const connections: Connection[] = [];
  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close().catch(() => undefined);
    await store?.stop();
  });

  /** The runtime's own connection, which works (one per runtime: each compiles its models). */
  async function runtimeConnection(): Promise<Connection> {
    const connection = await mongoose
      .createConnection(store.uri, { serverSelectionTimeoutMS: STORE_TIMEOUT_MS })
      .asPromise();
    connections.push(connection);
    return connection;
  }

  it('should fail with store-unreachable in Chinese and English, and stop', async () => {
    // The runtime's own connection works; only the scheduler's store refuses connections.
    // It gives up when the runtime's connection would (STORE_TIMEOUT_MS), not after 30 s.
    const refused = `mongodb://scheduler:secret@127.0.0.1:${await closedPort()}/xiaoer`;
    const xiaoer = runtimeWith(await runtimeConnection(), refused);
    const started = await startOutcome(xiaoer);
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

  it('should give up on a store that stopped answering when the runtime connection does (ops45)', async () => {
    // Found: the scheduler's client looked for the store for the driver's default 30 s, while
    // the server's own connection gives up after 10 s. The bound in effect is the one the
    // driver reports giving up after.
    const silent = await silentStore();
    try {
      const xiaoer = runtimeWith(
        await runtimeConnection(),
        `mongodb://127.0.0.1:${silent.port}/xiaoer`,
      );
      const started = await startOutcome(xiaoer);
      expect(started).toBeInstanceOf(StoreError);
      const error = started as StoreError;
      expect(error.code).toBe('store-unreachable');
      expect(error.message).toContain(`Server selection timed out after ${STORE_TIMEOUT_MS} ms`);
      await xiaoer.stop();
    } finally {
      await silent.close();
    }
  }, 40_000);
});
