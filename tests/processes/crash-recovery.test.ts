import { readFile } from 'node:fs/promises';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DemoShop } from '@xiaoer/demo-shop';
import { signedHeaders } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { cloudEvent, SOURCE, testConfig } from '@xiaoer/server/testing';
import { pingWorkflow } from '../runtime/test-workflows.ts';
import { apiClient, spawnServer, type ServerProcess } from '../runtime/server-process.ts';

const PASSWORD = 'crash-test-password';
let store: RunningStore;
let shop: DemoShop;
let shopUrl: string;
const servers: ServerProcess[] = [];

const shipped = async (name: string) =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${name}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

async function start(): Promise<ServerProcess> {
  const server = await spawnServer({
    storeUri: store.uri,
    adminPassword: PASSWORD,
    config: testConfig(shopUrl, {
      scheduler: { pollMs: 200, timerLockMs: 2000, effectLockMs: 4000 },
      recovery: { sweepEveryMs: 500, staleAfterMs: 2000 },
    }),
  });
  servers.push(server);
  return server;
}

async function send(url: string, events: unknown[]): Promise<number[]> {
  return Promise.all(
    events.map(async (event) => {
      const body = JSON.stringify(event);
      const response = await fetch(`${url}/api/events`, {
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
}

/** The state of instances that did not reach `node`: for a failure message worth reading. */
async function describeStuck(workflowId: string, node: string): Promise<string> {
  const connection = await mongoose.createConnection(store.uri).asPromise();
  const lines: string[] = [];
  const stuck = await connection
    .collection('instances')
    .find({ workflowId, node: { $ne: node } })
    .toArray();
  for (const instance of stuck) {
    const id = String(instance._id);
    const mine = (documents: Record<string, unknown>[], field = '_id') =>
      documents.filter((d) => JSON.stringify(d[field]).includes(id));
    lines.push(`${id} at ${String(instance['node'])} rev ${String(instance['revision'])}`);
    lines.push(
      `  effects ${JSON.stringify(mine(await connection.collection('effects').find().toArray()).map((e) => [e['_id'], e['status'], e['attempts']]))}`,
    );
    lines.push(
      `  attempts ${JSON.stringify(mine(await connection.collection('effectAttempts').find().toArray()))}`,
    );
    lines.push(
      `  jobs ${JSON.stringify(mine(await connection.collection('jobs').find().toArray(), 'data').map((j) => [j['data'], j['nextRunAt'], j['lockedAt'], j['lastRunAt'], j['failCount']]))}`,
    );
    lines.push(
      `  outbox ${JSON.stringify(mine(await connection.collection('outbox').find().toArray()))}`,
    );
    lines.push(
      `  steps ${JSON.stringify(mine(await connection.collection('steps').find().toArray(), 'instanceId').map((step) => [step['_id'], step['to'], step['at']]))}`,
    );
    lines.push(
      `  timer slots ${JSON.stringify(mine(await connection.collection('timerSlots').find().toArray(), 'timer'))}`,
    );
    lines.push(
      `  timers fired ${JSON.stringify(mine(await connection.collection('timerFires').find().toArray()))}`,
    );
  }
  await connection.close();
  return lines.join('\n');
}

beforeAll(async () => {
  store = await startTestStore();
  shop = new DemoShop();
  shopUrl = await shop.listen();
});
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) await server.crash();
  await shop?.close();
  await store?.stop();
});

describe('a server killed with SIGKILL in the middle of journeys', () => {
  it(
    'should finish every journey after a restart, calling each refund and sending each message once',
    // Generous deadlines, not speed goals: `npm test` runs this file at a lower priority beside
    // Vitest, and on a slow, busy machine it got a tenth of a core for minutes (a CI run on
    // 2026-12-06 took 172 s for what takes 15 s alone).
    { timeout: 600_000 },
    async () => {
      const first = await start();
      const api = await apiClient(first.url, PASSWORD);
      for (const workflow of [await shipped('refund'), pingWorkflow('2s')]) {
        expect((await api('POST', '/api/workflows', workflow)).status).toBe(201);
        expect(
          (await api('POST', `/api/workflows/${workflow.id}/publish`, { note: 'crash test' }))
            .status,
        ).toBe(201);
      }
      for (let i = 0; i < 12; i++) await shop.createOrder({ orderId: `CO-${i}` });
      shop.injectDelay('refund', 1200); // refunds are in flight when the server dies
      const refunds = Array.from({ length: 12 }, (_, i) =>
        cloudEvent('refund.requested', {
          refundId: `CR-${i}`,
          orderId: `CO-${i}`,
          customer: { name: '顾客', phone: `1380000${i}` },
          amount: 40 + i,
          reason: 'damaged',
        }),
      );
      const pings = Array.from({ length: 12 }, (_, i) =>
        cloudEvent('ping.started', { orderId: `CP-${i}`, phone: `1390000${i}` }),
      );
      expect(await send(first.url, [...refunds, ...pings])).toEqual(
        [...refunds, ...pings].map(() => 202),
      );
      await new Promise((resolve) => setTimeout(resolve, 800));
      await first.crash();

      const second = await start();
      const api2 = await apiClient(second.url, PASSWORD);
      const instances = async (workflow: string) =>
        (
          (await (
            await api2('GET', `/api/instances?workflow=${workflow}&pageSize=100`)
          ).json()) as {
            instances: { id: string; status: string; node: string }[];
          }
        ).instances;
      const reach = async (workflow: string, node: string) => {
        try {
          await expect
            .poll(async () => (await instances(workflow)).filter((i) => i.node === node).length, {
              timeout: 200_000,
              interval: 500,
            })
            .toBe(12);
        } catch (error) {
          throw new Error(
            `${String(error)}\n${await describeStuck(workflow, node)}\n` +
              `the restarted server's log (warnings and errors):\n${second.output().slice(-4000)}`,
          );
        }
      };
      await reach('refund', 'refunded');
      await reach('ping', 'done');

      expect(shop.executions('refund')).toBe(12);
      for (let i = 0; i < 12; i++) {
        const notices = shop.messages.filter((m) => m.text.includes(`订单 CO-${i}）`));
        expect(notices, `refund notices of CO-${i}`).toHaveLength(1);
        expect(
          shop.messages.filter((m) => m.text === `订单 CP-${i} 提醒`),
          `reminders of CP-${i}`,
        ).toHaveLength(1);
      }
      console.info(
        `crash test: ${shop.idempotency.replays} order-system calls answered from idempotency keys, ${shop.duplicateMessages} message redeliveries dropped by key`,
      );
      await second.stop();
      expect(second.child.exitCode).toBe(0);
    },
  );
});
