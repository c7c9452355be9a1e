import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { bucketClosedMarker, bucketOf } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow, guardWorkflow, pingWorkflow } from './test-workflows.ts';
import { moveToTimer } from './timer-moves.ts';

let h: Harness;
const shipped = async (name: string) =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${name}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

interface InstanceDetail {
  id: string;
  status: string;
  node: string;
  revision: number;
  data: Record<string, unknown>;
  timeline: { revision: number; event: { type: string }; from: string | null; to: string }[];
  effects: { status: string; effect: { kind: string } }[];
  timers: { timerId: string; status: string; dueAt: string }[];
}

async function instance(id: string): Promise<InstanceDetail> {
  const response = await h.request('GET', `/api/instances/${encodeURIComponent(id)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InstanceDetail;
}

async function waitForNode(id: string, node: string): Promise<InstanceDetail> {
  let detail: InstanceDetail | undefined;
  await expect
    .poll(async () => (detail = await instance(id).catch(() => undefined))?.node, {
      timeout: 15_000,
    })
    .toBe(node);
  return detail as InstanceDetail;
}

beforeAll(async () => {
  // Timers fall due when the test moves the clock (and so `Date`, for Agenda), not seconds later.
  h = await startHarness({ movesDate: true });
  await h.publish(
    await shipped('order-lifecycle'),
    await shipped('refund'),
    counterWorkflow,
    pingWorkflow('1s'),
    guardWorkflow,
  );
});
afterAll(async () => h?.close());

describe('journeys on the durable runtime', () => {
  it('should answer the liveness and readiness probes without a login', async () => {
    expect(await (await h.request('GET', '/healthz', undefined, '')).json()).toEqual({
      status: 'alive',
    });
    const ready = await h.request('GET', '/readyz', undefined, '');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('should run the order lifecycle from the demo shop webhooks to messages at the shop', async () => {
    const order = await h.shop.createOrder({ orderId: 'L-1001' });
    const id = `order-lifecycle:${order.orderId}:1`;
    await waitForNode(id, 'waitShipment');
    expect(h.shop.messages.filter((m) => m.text.includes('L-1001'))).toHaveLength(1);

    await h.shop.advance(order.orderId, 'shipped');
    const detail = await waitForNode(id, 'waitDelivery');
    expect(detail.status).toBe('active');
    expect(detail.timeline.map((s) => s.event.type)).toEqual([
      'order.created',
      'send.succeeded',
      'order.shipped',
      'send.succeeded',
    ]);
    expect(detail.timeline[0]).toMatchObject({ from: null, revision: 1 });
    // The executor reports a message's result to the journey, then marks the effect done.
    await expect
      .poll(async () => (await instance(id)).effects.every((e) => e.status === 'done'), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(h.shop.messages.filter((m) => m.text.includes('L-1001'))).toHaveLength(2);
  });

  it('should fire a durable timer and then deliver the message', async () => {
    const response = await h.sendEvents(
      cloudEvent('ping.started', { orderId: 'P-1', phone: '13800000001' }),
    );
    expect(response.status).toBe(202);
    await moveToTimer(h, 'ping:P-1:1');
    const detail = await waitForNode('ping:P-1:1', 'done');
    expect(detail.status).toBe('done');
    expect(detail.timeline.map((s) => s.event.type)).toEqual([
      'ping.started',
      'timer.fired',
      'send.succeeded',
    ]);
    expect(h.shop.messages.some((m) => m.text === '订单 P-1 提醒')).toBe(true);
  });

  it('should never fire a timer the journey cancelled, and fire the one it did not', async () => {
    const start = (orderId: string) =>
      h.sendEvents(cloudEvent('guard.started', { orderId, phone: '13800000002' }));
    await start('G-1');
    await start('G-2');
    await waitForNode('guard:G-1:1', 'waitAnswer');
    await h.sendEvents(cloudEvent('guard.answered', { orderId: 'G-1' }));
    await waitForNode('guard:G-1:1', 'answered');
    // G-2 was not answered: its timeout (2 s) fires. G-1's was due at the same time.
    await moveToTimer(h, 'guard:G-2:1');
    const expired = await waitForNode('guard:G-2:1', 'expired');
    expect(expired.timeline.map((s) => s.event.type)).toContain('timer.fired');
    // G-1's timer bucket has run (closed, and its job removed on completion): had the
    // cancelled timer been fired, it would show now.
    const [timer] = (await instance('guard:G-1:1')).timers;
    const bucket = bucketOf(`guard:G-1:1|${timer?.timerId}`, new Date(timer?.dueAt ?? 0)).id;
    await expect
      .poll(async () => {
        const closed = await h.connection
          .collection('jobMarkers')
          .countDocuments({ _id: bucketClosedMarker(bucket) as never });
        const jobs = await h.connection
          .collection('jobs')
          .countDocuments({ 'data.bucket': bucket });
        return closed === 1 && jobs === 0;
      })
      .toBe(true);
    const answered = await instance('guard:G-1:1');
    expect(answered.timeline.map((s) => s.event.type)).toEqual(['guard.started', 'guard.answered']);
    expect(answered.timers.map((t) => t.status)).toEqual(['cancelled']);
    // G-2's shows as fired (noted beside its record once the journey has heard it).
    await expect
      .poll(async () => (await instance('guard:G-2:1')).timers.map((t) => t.status))
      .toEqual(['fired']);
    expect(h.shop.messages.filter((m) => m.text.includes('G-1'))).toEqual([]);
    expect(h.shop.messages.filter((m) => m.text.includes('G-2'))).toHaveLength(1);
  });

  it(
    'should apply every one of 300 concurrent events to one instance, none lost',
    { timeout: 120_000 },
    async () => {
      await h.sendEvents(cloudEvent('counter.opened', { counterId: 'C-1', count: 0 }));
      await waitForNode('counter:C-1:1', 'waitBump');
      const bumps = Array.from({ length: 300 }, (_, i) =>
        cloudEvent('counter.bump', { counterId: 'C-1' }, `bump-${i}`),
      );
      const answers = await Promise.all(bumps.map((event) => h.sendEvents(event)));
      expect(answers.map((a) => a.status)).toEqual(bumps.map(() => 202));
      await expect
        .poll(async () => (await instance('counter:C-1:1')).data['count'], { timeout: 110_000 })
        .toBe(300);
      const detail = await instance('counter:C-1:1');
      expect(detail.revision).toBe(301);
      expect(detail.timeline.filter((s) => s.event.type === 'counter.bump')).toHaveLength(300);
    },
  );

  it('should count instances per node and steps per outcome for the editor overlay', async () => {
    // After the 300 bumps above: counter C-1 waits in waitBump, having passed it 300 times.
    const response = await h.request('GET', '/api/workflows/counter/flow');
    expect(response.status).toBe(200);
    const flow = (await response.json()) as {
      nodes: Record<string, number>;
      outcomes: Record<string, number>;
    };
    expect(flow.nodes['waitBump']).toBeGreaterThanOrEqual(1);
    expect(flow.outcomes['waitBump/received']).toBeGreaterThanOrEqual(300);
    expect(flow.outcomes['add/next']).toBe(flow.outcomes['waitBump/received']);
    const later = await h.request(
      'GET',
      `/api/workflows/counter/flow?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(((await later.json()) as { outcomes: object }).outcomes).toEqual({});
    const list = (await (await h.request('GET', '/api/workflows')).json()) as {
      workflows: { id: string; runningInstances: number }[];
    };
    expect(list.workflows.find((w) => w.id === 'counter')?.runningInstances).toBe(
      flow.nodes['waitBump'],
    );
    for (const query of ['since=yesterday', 'since[$gt]=', 'node=waitBump']) {
      const bad = await h.request('GET', `/api/workflows/counter/flow?${query}`);
      expect(bad.status).toBe(400);
    }
  });

  it('should acknowledge a redelivered event as a duplicate and change nothing', async () => {
    const event = cloudEvent('counter.opened', { counterId: 'C-2', count: 5 });
    expect((await h.sendEvents(event)).status).toBe(202);
    await waitForNode('counter:C-2:1', 'waitBump');
    const again = await h.sendEvents(event);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ events: [{ id: event.id, status: 'duplicate' }] });
    const detail = await instance('counter:C-2:1');
    expect(detail.revision).toBe(1);
  });

  it('should park an event that arrives before the journey waits for it', async () => {
    await h.sendEvents(
      cloudEvent('order.created', {
        orderId: 'L-2002',
        customer: { name: 'Ann', phone: '1', language: 'en' },
      }),
    );
    // delivered before shipped: kept until the journey waits for delivery
    await h.sendEvents(cloudEvent('order.delivered', { orderId: 'L-2002' }));
    await h.sendEvents(
      cloudEvent('order.shipped', { orderId: 'L-2002', trackingNumber: 'SF1', carrier: 'SF' }),
    );
    const detail = await waitForNode('order-lifecycle:L-2002:1', 'waitBeforeSurvey');
    expect(detail.timeline.map((s) => s.event.type)).toContain('order.delivered');
  });
});
