import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DemoShop } from '@xiaoer/demo-shop';
import { signedHeaders } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { cloudEvent, SOURCE, testConfig } from '@xiaoer/server/testing';
import { apiClient, spawnServer, type ServerProcess } from '../runtime/server-process.ts';

/**
 * Two processes on one store; one is killed with SIGKILL while its refunds are in flight. The
 * other takes its work over because the dead one stopped beating (`goneAfterMs`, 2 s here), long
 * before its claims would count as stale by age (`staleAfterMs`, 60 s here), and each refund is
 * executed once and each customer told once.
 */
const PASSWORD = 'takeover-test-password';
const STALE_AFTER_MS = 60_000;
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
          scheduler: { pollMs: 200, timerLockMs: 2000, effectLockMs: STALE_AFTER_MS },
          recovery: {
            sweepEveryMs: 500,
            staleAfterMs: STALE_AFTER_MS,
            beatEveryMs: 500,
            goneAfterMs: 2000,
          },
        }),
      }),
    ),
  );
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) await server.crash();
  await shop?.close();
  await store?.stop();
});

describe('a process killed while it holds work', () => {
  it(
    'should have its work taken over by the other process within seconds, each refund once',
    { timeout: 120_000 },
    async () => {
      const [doomed, survivor] = servers as [ServerProcess, ServerProcess];
      const api = await apiClient(survivor.url, PASSWORD);
      const refund = JSON.parse(
        await readFile(new URL('../../workflows/refund.json', import.meta.url), 'utf8'),
      ) as WorkflowDocument;
      expect((await api('POST', '/api/workflows', refund)).status).toBe(201);
      expect(
        (await api('POST', '/api/workflows/refund/publish', { note: 'takeover' })).status,
      ).toBe(201);
      const N = 8;
      for (let i = 0; i < N; i++) await shop.createOrder({ orderId: `TK-${i}` });
      shop.injectDelay('refund', 1500); // the doomed process is waiting on each refund
      const events = Array.from({ length: N }, (_, i) =>
        cloudEvent('refund.requested', {
          refundId: `TKR-${i}`,
          orderId: `TK-${i}`,
          customer: { name: '顾客', phone: `1370000${i}` },
          amount: 30 + i,
          reason: 'damaged',
        }),
      );
      const statuses = await Promise.all(
        events.map(async (event) => {
          const body = JSON.stringify(event);
          const response = await fetch(`${doomed.url}/api/events`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...signedHeaders(SOURCE.id, SOURCE.secret, body),
            },
            body,
          });
          return response.status;
        }),
      );
      expect(statuses).toEqual(events.map(() => 202));
      await new Promise((resolve) => setTimeout(resolve, 700));
      const killedAt = Date.now();
      await doomed.crash();

      const refunded = async () =>
        (
          (await (
            await api('GET', '/api/instances?workflow=refund&node=refunded&pageSize=100')
          ).json()) as { total: number }
        ).total;
      await expect.poll(refunded, { timeout: 45_000, interval: 250 }).toBe(N);
      const tookMs = Date.now() - killedAt;
      console.info(`process takeover: every refund finished ${tookMs} ms after the kill`);
      // Taken over because the process was gone, not because its claims aged.
      expect(tookMs).toBeLessThan(STALE_AFTER_MS);
      // Refunds carry their idempotency key: a call repeated by the survivor refunds nothing more.
      expect(shop.executions('refund')).toBe(N);
      for (let i = 0; i < N; i++)
        expect(
          shop.messages.filter((m) => m.text.includes(`订单 TK-${i}）`)),
          `refund notices of TK-${i}`,
        ).toHaveLength(1);
    },
  );
});
