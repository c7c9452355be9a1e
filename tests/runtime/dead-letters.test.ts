import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { pingWorkflow, quickRefundWorkflow as quickRefund } from './test-workflows.ts';
import { moveToTimer } from './timer-moves.ts';

let h: Harness;
interface Detail {
  node: string;
  status: string;
  data: Record<string, unknown>;
  deadLetters: { _id: string; kind: string; error: { code: string }; attempts: number }[];
  effects: { _id: string; status: string; effect: { kind: string } }[];
}
const detail = async (id: string) =>
  (await (await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)).json()) as Detail;

beforeAll(async () => {
  h = await startHarness({
    config: {
      // SMS goes to a port nobody listens on: every delivery fails.
      channels: { sms: { kind: 'webhook', preset: 'generic', url: 'http://127.0.0.1:9/sms' } },
    },
    // The refund's retries fall due when the test moves the clock (and `Date`, for Agenda).
    movesDate: true,
  });
  await h.publish(quickRefund, pingWorkflow('100ms'));
});
afterAll(async () => h?.close());

describe('retries and dead letters', () => {
  it('should retry a failing call by the node policy, then take "failed" and dead-letter it', async () => {
    await h.shop.createOrder({ orderId: 'DL-1' });
    h.shop.injectFault({ operation: 'refund', count: 3, status: 503 });
    await h.sendEvents(cloudEvent('quickRefund.requested', { orderId: 'DL-1', amount: 30 }));
    // Attempts 2 and 3 wait for their back-off (300 ms, then 600 ms): the clock moves to each.
    for (const count of [1, 2]) await moveToTimer(h, 'quick-refund:DL-1:1', count);
    // The dead letter is written once the journey has taken "failed" (that is how the executor
    // knows the policy is spent), so an observer can see the node a moment before it.
    await vi.waitFor(
      async () => {
        const instance = await detail('quick-refund:DL-1:1');
        expect(instance.node).toBe('failed');
        expect(instance.deadLetters).toHaveLength(1);
      },
      { timeout: 15_000 },
    );
    expect(h.shop.requests.get('refund')).toBe(3);
    expect(h.shop.executions('refund')).toBe(0);
    const failed = await detail('quick-refund:DL-1:1');
    expect(failed.data['refundError']).toMatchObject({ code: 'http-503' });
    expect(failed.deadLetters).toEqual([
      expect.objectContaining({
        kind: 'call',
        error: expect.objectContaining({ code: 'http-503' }),
        attempts: 3,
      }),
    ]);
    const list = (await (await h.request('GET', '/api/dead-letters')).json()) as {
      deadLetters: { _id: string }[];
    };
    expect(list.deadLetters.map((d) => d._id)).toContain(failed.deadLetters[0]?._id);
  });

  it('should let an operator retry a dead letter, once, with an audit record naming them', async () => {
    const key = (await detail('quick-refund:DL-1:1')).deadLetters[0]?._id ?? '';
    const retried = await h.request('POST', `/api/effects/${encodeURIComponent(key)}/retry`);
    expect(retried.status).toBe(200);
    await vi.waitFor(() => expect(h.shop.executions('refund')).toBe(1), { timeout: 10_000 });
    await vi.waitFor(
      async () => {
        const effect = (await detail('quick-refund:DL-1:1')).effects.find((e) => e._id === key);
        expect(effect?.status).toBe('done');
      },
      { timeout: 10_000 },
    );
    expect((await detail('quick-refund:DL-1:1')).deadLetters).toEqual([]);
    const again = await h.request('POST', `/api/effects/${encodeURIComponent(key)}/retry`);
    expect(again.status).toBe(409);
    const audit = await h.connection
      .collection('audit')
      .findOne({ action: 'effect.retry', target: key });
    expect(audit?.['actor']).toBe('admin');
  });

  it('should dead-letter a message after its delivery attempts and take the send node\'s "failed" outcome', async () => {
    await h.sendEvents(cloudEvent('ping.started', { orderId: 'DL-2', phone: '13800000000' }));
    // Three deliveries with back-off: on a loaded machine this takes a while.
    await vi.waitFor(
      async () => {
        const instance = await detail('ping:DL-2:1');
        expect(instance.node).toBe('failed');
        expect(instance.deadLetters).toHaveLength(1);
      },
      { timeout: 45_000 },
    );
    const failed = await detail('ping:DL-2:1');
    expect(failed.deadLetters).toEqual([
      expect.objectContaining({
        kind: 'send',
        attempts: 3,
        error: expect.objectContaining({ code: 'network' }),
      }),
    ]);
  }, 60_000);

  it('should cancel an instance by hand with an audit record, and then ignore its events', async () => {
    await h.shop.createOrder({ orderId: 'DL-3' });
    h.shop.injectDelay('refund', 2000);
    await h.sendEvents(cloudEvent('quickRefund.requested', { orderId: 'DL-3', amount: 10 }));
    await vi.waitFor(
      async () => expect((await detail('quick-refund:DL-3:1')).node).toBe('refund'),
      {
        timeout: 10_000,
      },
    );
    const cancelled = await h.request('POST', '/api/instances/quick-refund:DL-3:1/cancel');
    expect(await cancelled.json()).toEqual({ id: 'quick-refund:DL-3:1', status: 'cancelled' });
    const manual = await h.request('POST', '/api/instances/quick-refund:DL-3:1/events', {
      type: 'call.succeeded',
    });
    expect(await manual.json()).toMatchObject({
      result: 'ignored',
      reason: 'ended',
      status: 'cancelled',
    });
    const audit = await h.connection
      .collection('audit')
      .find({ target: 'quick-refund:DL-3:1' })
      .toArray();
    expect(audit.map((a) => [a['action'], a['actor']])).toEqual([
      ['instance.cancel', 'admin'],
      ['instance.sendEvent', 'admin'],
    ]);
    h.shop.injectDelay('refund', 0);
  });
});
