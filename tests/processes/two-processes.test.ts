import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DemoShop } from '@xiaoer/demo-shop';
import { signedHeaders } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { cloudEvent, SOURCE, testConfig } from '@xiaoer/server/testing';
import { Exposition } from '../metrics/exposition.ts';
import { pingWorkflow } from '../runtime/test-workflows.ts';
import { apiClient, spawnServer, type ServerProcess } from '../runtime/server-process.ts';

const PASSWORD = 'two-processes-password';
let store: RunningStore;
let shop: DemoShop;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  store = await startTestStore();
  shop = new DemoShop();
  const shopUrl = await shop.listen();
  // Both at once: their start (module loading, intent model) is most of the file's set-up.
  // Every one that started is kept, so that one failing leaves no other running.
  const started = await Promise.allSettled(
    [0, 1].map(() =>
      spawnServer({
        storeUri: store.uri,
        adminPassword: PASSWORD,
        config: testConfig(shopUrl, {
          recovery: { sweepEveryMs: 500, staleAfterMs: 3000 },
          // The outbox gauge read at each scrape: the test waits for it to empty.
          metrics: { cacheMs: 0 },
        }),
      }),
    ),
  );
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});
afterAll(async () => {
  for (const server of servers)
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      console.error(
        `a server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output().slice(-5000)}`,
      );
  for (const server of servers) if (server.child.exitCode === null) await server.stop();
  await shop?.close();
  await store?.stop();
});

const send = (url: string, event: unknown) => {
  const body = JSON.stringify(event);
  return fetch(`${url}/api/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signedHeaders(SOURCE.id, SOURCE.secret, body),
    },
    body,
  });
};

describe('two server processes on one store', () => {
  it('should fire each timer and run each effect once', { timeout: 330_000 }, async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const api = await apiClient(a.url, PASSWORD);
    const refund = JSON.parse(
      await readFile(new URL('../../workflows/refund.json', import.meta.url), 'utf8'),
    ) as WorkflowDocument;
    for (const workflow of [pingWorkflow('1s'), refund]) {
      expect((await api('POST', '/api/workflows', workflow)).status).toBe(201);
      expect((await api('POST', `/api/workflows/${workflow.id}/publish`, {})).status).toBe(201);
    }
    const N = 8;
    for (let i = 0; i < N; i++) await shop.createOrder({ orderId: `TP-${i}` });
    // Each message takes longer than the stale time (3 s): its step's outbox note and its
    // attempt are older than that while their live process is on them, and must not be taken
    // over by the other process (found once in CI under load: a message sent twice).
    shop.injectDelay('messages', 4000);
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => [
        send(
          i % 2 ? a.url : b.url,
          cloudEvent('ping.started', { orderId: `TP-${i}`, phone: `1380000${i}` }),
        ),
        send(
          i % 2 ? b.url : a.url,
          cloudEvent('refund.requested', {
            refundId: `TR-${i}`,
            orderId: `TP-${i}`,
            customer: { name: '顾客', phone: `1390000${i}` },
            amount: 20,
            reason: 'damaged',
          }),
        ),
      ]).flat(),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 202));
    const accepted = Date.now();

    const apiB = await apiClient(b.url, PASSWORD);
    const finished = async (workflow: string, node: string) =>
      (
        (await (
          await apiB('GET', `/api/instances?workflow=${workflow}&node=${node}&pageSize=100`)
        ).json()) as { total: number }
      ).total;
    // Two processes share one SQLite writer here; measured 20–100 s for this load (docs/store.md).
    await expect.poll(() => finished('ping', 'done'), { timeout: 150_000, interval: 500 }).toBe(N);
    await expect
      .poll(() => finished('refund', 'refunded'), { timeout: 150_000, interval: 500 })
      .toBe(N);
    console.info(`two processes: journeys finished ${Date.now() - accepted} ms after intake`);

    for (let i = 0; i < N; i++) {
      const timeline = (
        (await (await api('GET', `/api/instances/ping:TP-${i}:1`)).json()) as {
          timeline: { event: { type: string } }[];
        }
      ).timeline;
      expect(timeline.filter((s) => s.event.type === 'timer.fired')).toHaveLength(1);
    }
    expect(shop.executions('refund')).toBe(N);
    console.info(
      `two processes: ${shop.idempotency.replays} refund calls answered from idempotency keys`,
    );
    // Nothing is left that could be taken over and sent again: every step's outbox note is
    // gone, and no message is on its way to the shop.
    const outbox = async () =>
      new Exposition(await (await apiB('GET', '/metrics')).text()).value('xiaoer_outbox_steps');
    await expect.poll(outbox, { timeout: 60_000, interval: 500 }).toBe(0);
    await expect.poll(() => shop.messagesPending, { timeout: 30_000 }).toBe(0);
    expect(shop.duplicateMessages).toBe(0);
    expect(shop.messages).toHaveLength(N * 2);
  });
});
