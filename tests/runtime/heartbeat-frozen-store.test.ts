import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModels, ProcessLiveness } from '@xiaoer/server/internal';
import { startTestStore, TestClock, type RunningStore } from '@xiaoer/server/testing';
import { ferretdbPid, stopProcess } from '../security/store-process.ts';

/**
 * The heartbeat on a store that stopped answering. Found: a write every second piled up, and
 * when the driver gave up they all failed at once (37 "writing the heartbeat failed" warnings
 * at the same instant).
 */
const BEAT_MS = 60_000;

let store: RunningStore;
let connection: Connection;
beforeAll(async () => {
  store = await startTestStore({ own: true });
  // Commands are watched: the test counts the heartbeat writes sent to the store.
  connection = await mongoose.createConnection(store.uri, { monitorCommands: true }).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe('the heartbeat on a store that stopped answering', () => {
  it('should keep at most one write in flight, skipping beats while it is pending', async () => {
    const clock = new TestClock();
    const failures: unknown[] = [];
    const liveness = new ProcessLiveness(
      createModels(connection).Heartbeats,
      { beatEveryMs: BEAT_MS },
      clock,
    );
    await liveness.start((error) => failures.push(error));
    // Connections to spare in the pool: before, each beat took one and was sent.
    await Promise.all(Array.from({ length: 8 }, () => connection.db?.admin().ping()));
    const writes: number[] = [];
    const client = connection.getClient();
    const count = (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'update' && event.command['update'] === 'heartbeats')
        writes.push(1);
    };
    client.on('commandStarted', count);
    const pid = await ferretdbPid(store.socketPath ?? '');
    try {
      await stopProcess(pid);
      // Twenty beats fall due while the store does not answer.
      for (let beat = 0; beat < 20; beat++) await clock.advance(BEAT_MS);
      await expect.poll(() => writes.length).toBeGreaterThan(0);
      expect(writes).toHaveLength(1);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // The write in flight is answered; then beats are written again.
    await expect
      .poll(async () => {
        await clock.advance(BEAT_MS);
        return writes.length;
      })
      .toBeGreaterThan(1);
    client.off('commandStarted', count);
    await liveness.stop();
    expect(failures).toEqual([]);
  }, 60_000);
});
