import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonObject, WorkflowDocument } from '@xiaoer/engine';
import { localTime, type JourneyFunnel } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { funnelCounts, surveyWorkflow } from './analytics-fixture.ts';

/**
 * A survey that asks again when the customer wants to think it over: its question is on a loop.
 * Customers who answer "later" enter the question again; the funnel's `reached` counts each
 * customer there once (its rate at most 100 %), `entered` every time.
 */
const options: JsonObject[] = [
  { id: 's5', label: { zh: '5 分', en: '5' }, score: 5 },
  { id: 'later', label: { zh: '稍后再说', en: 'Later' } },
];
const again: WorkflowDocument = {
  ...surveyWorkflow,
  id: 'survey-again',
  name: '可重问的调查 / Survey asked again',
  nodes: surveyWorkflow.nodes.map((node) =>
    node.id === 'rate'
      ? {
          ...node,
          config: {
            ...node.config,
            options: options,
          },
        }
      : node,
  ),
  edges: [
    { id: 'e0', source: 'asked', sourceHandle: 'next', target: 'rate' },
    { id: 'e5', source: 'rate', sourceHandle: 's5', target: 'thanks' },
    { id: 'eLater', source: 'rate', sourceHandle: 'later', target: 'rate' },
  ],
};

let h: Harness;
const day = () => localTime(new Date(h.clock.now()), 'Asia/Shanghai').date;

async function status(id: string): Promise<{ node: string; revision: number }> {
  const response = await h.request('GET', `/api/instances/${id}`);
  return response.status === 200
    ? ((await response.json()) as { node: string; revision: number })
    : { node: '', revision: 0 };
}

/** The customer of `orderId` answers; waits until the instance took the step. */
async function answer(orderId: string, option: string): Promise<void> {
  const before = (await status(`survey-again:${orderId}:1`)).revision;
  const sent = await h.sendEvents(cloudEvent('customer.replied', { orderId, option }));
  expect(sent.status, await sent.clone().text()).toBe(202);
  await vi.waitFor(
    async () =>
      expect((await status(`survey-again:${orderId}:1`)).revision).toBeGreaterThan(before),
    { timeout: 10_000 },
  );
}

async function rollup(): Promise<void> {
  await h.xiaoer.runtime.idle();
  expect((await h.request('POST', '/api/analytics/rollup', {})).status).toBe(200);
}

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await h.publish(again);
  for (const orderId of ['L1', 'L2', 'L3']) {
    const sent = await h.sendEvents(
      cloudEvent('survey.requested', { orderId, phone: '13800000000' }),
    );
    expect(sent.status, await sent.clone().text()).toBe(202);
    await vi.waitFor(
      async () => expect((await status(`survey-again:${orderId}:1`)).node).toBe('rate'),
      {
        timeout: 10_000,
      },
    );
  }
  // L1 asks to be asked later twice, then answers; L2 once, and has not answered yet; L3 answers.
  // Rolled up in between: an instance's earlier entries are remembered from one rollup to the next.
  await answer('L1', 'later');
  await answer('L2', 'later');
  await rollup();
  await answer('L1', 'later');
  await rollup();
  await answer('L1', 's5');
  await answer('L3', 's5');
  await rollup();
}, 120_000);
afterAll(async () => h?.close());

describe('the funnel of a journey with a loop', () => {
  it('should count each instance once in reached, every entry in entered', async () => {
    const response = await h.request(
      'GET',
      `/api/analytics/journeys/survey-again/funnel?from=${day()}&to=${day()}`,
    );
    expect(response.status).toBe(200);
    const funnel = (await response.json()) as JourneyFunnel;
    expect(funnel).toMatchObject({ started: 3, completed: 2, cancelled: 0 });
    expect(funnelCounts(funnel)).toEqual([
      { nodeId: 'asked', entered: 3, left: 3, waiting: 0, dropped: 0, reachedRate: 1 },
      // Six times asked (L1 three times, L2 twice, L3 once), three customers: 100 %, not 200 %.
      { nodeId: 'rate', entered: 6, left: 5, waiting: 1, dropped: 0, reachedRate: 1 },
      { nodeId: 'thanks', entered: 2, left: 0, waiting: 0, dropped: 0, reachedRate: 0.6667 },
    ]);
    expect(funnel.nodes.map((n) => n.reached)).toEqual([3, 3, 2]);
    // Only the instance still going is remembered; the ended ones were forgotten.
    const remembered = await h.xiaoer.models.JourneyReach.find({}).lean();
    expect(remembered.map((r) => r._id)).toEqual(['survey-again:L2:1']);
  });
});
