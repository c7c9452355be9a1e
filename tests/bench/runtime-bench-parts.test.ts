import { Agent, createServer, get, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { validate } from '@xiaoer/engine';
import { journeyTest } from '@xiaoer/engine/testing';
import { echoWorkflow } from '../../bench/runtime/echo-workflow.ts';
import { percentile, waitUntil } from '../../bench/runtime/measure.ts';
import {
  busiestThreadShare,
  cpuMs,
  machineIdleMs,
  machineIdleShare,
  threadCpuMs,
} from '../../bench/runtime/process-cpu.ts';
import { roundRobinProxy } from '../../bench/runtime/round-robin-proxy.ts';

/** An HTTP server on a free port that answers every request with its own name. */
async function namedServer(name: string): Promise<{ server: Server; port: number }> {
  const server = createServer((_request, response) => response.end(name));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe('runtime benchmark parts', () => {
  it('should take percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([
      50, 95, 99,
    ]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('should give up waiting after the timeout and say so', async () => {
    expect(await waitUntil(() => false, 50)).toBe(false);
    let calls = 0;
    expect(await waitUntil(() => ++calls === 3, 5_000)).toBe(true);
  });

  it('should send one message per ping and wait for the next (the echo journey)', () => {
    expect(validate(echoWorkflow).valid).toBe(true);
    const t = journeyTest(echoWorkflow);
    t.trigger({ sessionId: 'S-1', phone: '13800000000' });
    t.send('bench.ping', { sessionId: 'S-1', n: 1 });
    t.send('bench.ping', { sessionId: 'S-1', n: 2 });
    expect(t.messages.map((m) => m.text)).toEqual(['回声 1', '回声 2']);
    t.expectNode('waitPing');
  });

  it('should read the CPU of each thread and give the busiest thread its share of the time', async () => {
    const before = await threadCpuMs(process.pid);
    expect(before?.size).toBeGreaterThan(0);
    const started = performance.now();
    // Work on this thread until /proc has counted 50 ms of it (the clock ticks every 10 ms).
    let after = before;
    let busiestMs = 0;
    for (let rounds = 0; busiestMs < 50 && rounds < 500; rounds++) {
      const until = performance.now() + 20;
      while (performance.now() < until);
      after = await threadCpuMs(process.pid);
      busiestMs = Math.max(
        ...[...(after ?? new Map<string, number>())].map(([t, ms]) => ms - (before?.get(t) ?? 0)),
      );
    }
    const wallMs = performance.now() - started;
    expect(busiestMs).toBeGreaterThanOrEqual(50);
    expect(busiestThreadShare(before, after, wallMs)).toBeCloseTo(busiestMs / wallMs, 6);
    const threadsTotal = [...(after ?? new Map<string, number>()).values()].reduce(
      (a, b) => a + b,
      0,
    );
    expect(await cpuMs(process.pid)).toBeGreaterThanOrEqual(threadsTotal);
    expect(busiestThreadShare(null, after, wallMs)).toBeNull();
    expect(
      busiestThreadShare(
        new Map([['1', 5]]),
        new Map([
          ['1', 25],
          ['2', 40],
        ]),
        100,
      ),
    ).toBe(0.4);
    expect(await threadCpuMs(undefined)).toBeNull();
    const idle = await machineIdleMs();
    expect(idle === null || idle > 0).toBe(true);
    // 1,000 ms of idle cores over 1,000 ms of wall time is one core's worth of the machine's.
    expect(machineIdleShare(5_000, 6_000, 1_000)).toBeCloseTo(1 / availableParallelism(), 6);
    expect(machineIdleShare(null, 6_000, 1_000)).toBeNull();
  });

  it('should hand connections to its backends in turn, each keeping its requests on one', async () => {
    const [a, b] = await Promise.all([namedServer('a'), namedServer('b')]);
    const proxy = await roundRobinProxy([
      { host: '127.0.0.1', port: a.port },
      { host: '127.0.0.1', port: b.port },
    ]);
    try {
      // A new connection per request (no keep-alive): a, b, a, b.
      const fresh: string[] = [];
      for (let i = 0; i < 4; i++)
        fresh.push(
          await fetch(`http://127.0.0.1:${proxy.port}/`, { headers: { connection: 'close' } }).then(
            (r) => r.text(),
          ),
        );
      expect(fresh).toEqual(['a', 'b', 'a', 'b']);
      expect(proxy.connections()).toEqual([2, 2]);
      // One kept-alive connection: all its requests reach the backend it was handed to.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const viaOne = (): Promise<string> =>
        new Promise((resolve, reject) =>
          get(`http://127.0.0.1:${proxy.port}/`, { agent }, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve(body));
          }).on('error', reject),
        );
      const kept = [await viaOne(), await viaOne(), await viaOne()];
      agent.destroy();
      expect(kept).toEqual(['a', 'a', 'a']);
      expect(proxy.connections()).toEqual([3, 2]);
      await expect(roundRobinProxy([])).rejects.toThrow(/at least one backend/);
    } finally {
      await proxy.close();
      a.server.close();
      b.server.close();
    }
    // Closed: nothing listens there any more.
    await expect(fetch(`http://127.0.0.1:${proxy.port}/`)).rejects.toThrow();
  });
});
