import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHarness,
  startTestStore,
  type Harness,
  type RunningStore,
} from '@xiaoer/server/testing';
import { ferretdbPid, stopProcess } from './store-process.ts';

/**
 * Issue 18, faults: with the store unreachable, health and readiness say so (503, Retry-After)
 * and recover with it; the health check proves the store still takes writes.
 */
let store: RunningStore;
let h: Harness;

beforeAll(async () => {
  store = await startTestStore({ own: true });
  // Commands are watched: the pile-up test counts the pings sent to the store.
  h = await startHarness({ store, monitorCommands: true });
});
afterAll(async () => {
  await h?.close();
  await store?.stop();
});

describe('store faults (issue 18)', () => {
  it('should report ok with a write proved', async () => {
    const response = await fetch(`${h.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: { reachable: true, writable: true },
    });
    expect(await h.connection.collection('healthProbes').countDocuments()).toBe(1);
  });

  it('should say 503 degraded with Retry-After while the store does not answer, then recover', async () => {
    const pid = await ferretdbPid(store.socketPath ?? '');
    try {
      await stopProcess(pid);
      // Each waits out the store's 2 s deadline: asked together, not one after the other.
      const [health, ready, alive] = await Promise.all(
        ['/api/health', '/readyz', '/healthz'].map((path) => fetch(`${h.url}${path}`)),
      );
      expect(health?.status).toBe(503);
      expect(health?.headers.get('retry-after')).toBe('5');
      expect(await health?.json()).toMatchObject({
        status: 'degraded',
        store: { reachable: false, writable: false },
      });
      expect(ready?.status).toBe(503);
      expect(alive?.status).toBe(200);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await expect
      .poll(async () => (await fetch(`${h.url}/api/health`)).status, { timeout: 20_000 })
      .toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });

  it('should share one ping among repeated probes while the store does not answer, not pile them up', async () => {
    const pings: number[] = [];
    const client = h.connection.getClient();
    const count = (event: { commandName: string; requestId: number }) => {
      if (event.commandName === 'ping') pings.push(event.requestId);
    };
    client.on('commandStarted', count);
    const pid = await ferretdbPid(store.socketPath ?? '');
    try {
      await stopProcess(pid);
      // An orchestrator's probes, three rounds of four: each waits out the 2 s deadline.
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(
          ['/api/health', '/readyz', '/api/health', '/readyz'].map((path) =>
            fetch(`${h.url}${path}`),
          ),
        );
        expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503, 503]);
      }
      // Before, each probe sent its own and left it running: twelve pings, the first round's
      // four sent and the rest waiting in the pool for a connection to the frozen store.
      expect(pings).toHaveLength(1);
    } finally {
      process.kill(pid, 'SIGCONT');
      client.off('commandStarted', count);
    }
    await expect
      .poll(async () => (await fetch(`${h.url}/readyz`)).status, { timeout: 20_000 })
      .toBe(200);
  });
});
