import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pLimit from 'p-limit';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';

const COUNTERS = 100;
const BUMPS = 100; // per counter: COUNTERS × BUMPS = 10,000 events
const BATCH = 100;
const CLIENTS = 16;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

const log = (line: string) => process.stderr.write(`[burst] ${line}\n`);

describe('a burst of 10,000 events', () => {
  it(
    'should acknowledge every event and apply each exactly once',
    { timeout: 900_000 },
    async () => {
      const opened = Array.from({ length: COUNTERS }, (_, i) =>
        cloudEvent('counter.opened', { counterId: `B-${i}`, count: 0 }, `open-${i}`),
      );
      expect((await h.sendEvents(opened)).status).toBe(202);
      // Interleaved as a shop's order system would send them: every counter in each batch.
      const bumps = Array.from({ length: COUNTERS * BUMPS }, (_, i) =>
        cloudEvent('counter.bump', { counterId: `B-${i % COUNTERS}` }, `bump-${i}`),
      );
      const batches = Array.from({ length: bumps.length / BATCH }, (_, i) =>
        bumps.slice(i * BATCH, (i + 1) * BATCH),
      );
      const limit = pLimit(CLIENTS);
      const started = Date.now();
      // Clients as a shop's should be: a 503 (the runtime is 20,000 events behind) is sent
      // again after its Retry-After, so the backlog in memory stays bounded (20,000 in progress).
      let refused = 0;
      const deliver = async (batch: typeof bumps): Promise<number> => {
        for (;;) {
          const response = await h.sendEvents(batch);
          if (response.status !== 503) return response.status;
          refused++;
          expect(response.headers.get('retry-after')).toBe('1');
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      };
      const statuses = await Promise.all(batches.map((batch) => limit(() => deliver(batch))));
      const acknowledged = Date.now() - started;
      expect(statuses).toEqual(batches.map(() => 202));
      log(
        `${bumps.length} events acknowledged in ${acknowledged} ms by ${CLIENTS} clients ` +
          `(${refused} requests answered 503 and sent again)`,
      );

      // Redelivering the whole burst is acknowledged as duplicates and changes nothing.
      const again = await Promise.all(
        batches.slice(0, 10).map((batch) => limit(() => deliver(batch))),
      );
      expect(again).toEqual(batches.slice(0, 10).map(() => 200));

      const { Instances, Events, Inbox } = h.xiaoer.models;
      // Looked at every second (the end is seen within a second, not up to ten seconds late),
      // logged every ten.
      let loggedAt = 0;
      await vi.waitFor(
        async () => {
          const counters = await Instances.find({ workflowId: 'counter' })
            .select({ revision: 1 })
            .lean<{ revision: number }[]>();
          const steps = counters.reduce((sum, c) => sum + c.revision - 1, 0);
          if (Date.now() - loggedAt >= 10_000) {
            loggedAt = Date.now();
            log(`${steps} of ${bumps.length} bumps applied after ${Date.now() - started} ms`);
          }
          if (steps < bumps.length) throw new Error(`${steps} of ${bumps.length} bumps applied`);
        },
        { timeout: 840_000, interval: 1000 },
      );
      log(`all ${bumps.length} steps applied ${Date.now() - started} ms after the first request`);
      const details = await Promise.all(
        opened.map(async (_, i) => {
          const response = await h.request('GET', `/api/instances/counter:B-${i}:1`);
          return (await response.json()) as { data: { count: number }; revision: number };
        }),
      );
      expect(details.map((d) => [d.data.count, d.revision])).toEqual(
        details.map(() => [BUMPS, BUMPS + 1]),
      );
      await vi.waitFor(async () => expect(await Inbox.countDocuments()).toBe(0), {
        timeout: 30_000,
      });
      // Each record was written before its inbox entry went (written behind the entry).
      expect(await Events.countDocuments({ _id: { $regex: '^demo-shop/bump-' } })).toBe(
        bumps.length,
      );
    },
  );
});
