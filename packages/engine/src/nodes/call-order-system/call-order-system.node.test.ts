import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../workflow/workflow.types.ts';
import { journeyTest } from '../../testing/journey-test.ts';
import { endNode, orderTrigger, workflowOf } from '../../testing/fixtures/workflow-builder.ts';
import { backoffDelay } from './call-order-system.node.ts';

const callJourney = (retry?: JsonObject) =>
  workflowOf(
    [
      orderTrigger(),
      [
        'refund',
        'callOrderSystem',
        {
          operation: 'refund',
          args: { orderId: '{{orderId}}', amount: '{{total}}', note: '订单 {{orderId}} 退款' },
          saveAs: 'refundResult',
          errorAs: 'refundError',
          ...(retry ? { retry } : {}),
        },
      ],
      endNode('ok'),
      endNode('ko', 'failed'),
    ],
    [
      ['start', 'next', 'refund'],
      ['refund', 'succeeded', 'ok'],
      ['refund', 'failed', 'ko'],
    ],
  );

describe('callOrderSystem', () => {
  it('should render arguments, keeping the type of single-variable templates', () => {
    const t = journeyTest(callJourney());
    t.trigger({ orderId: 'A1', total: 99.5 });
    expect(t.calls[0]).toEqual(
      expect.objectContaining({
        operation: 'refund',
        args: { orderId: 'A1', amount: 99.5, note: '订单 A1 退款' },
        idempotencyKey: 'refund#2:call',
        attempt: 1,
      }),
    );
  });

  it('should back off exponentially, capped by maxDelay', () => {
    const retry = { maxAttempts: 5, delay: '1m', factor: 2, maxDelay: '3m' };
    expect([2, 3, 4, 5].map((a) => backoffDelay(retry, a) / 60_000)).toEqual([1, 2, 3, 3]);
  });

  it('should retry until the policy is exhausted, then fail with the error saved', () => {
    const t = journeyTest(callJourney({ maxAttempts: 3, delay: '1m', factor: 2 }));
    t.trigger({ orderId: 'A1', total: 10 });
    t.failCall('refund');
    t.advance('1m');
    t.failCall('refund');
    t.advance('2m');
    t.failCall('refund', { code: 'declined', message: '余额不足' });
    expect(t.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(t.node).toBe('ko');
    expect(t.data['refundError']).toEqual({ code: 'declined', message: '余额不足' });
  });

  it('should record the backoff each retry timer asked for', () => {
    const t = journeyTest(callJourney({ maxAttempts: 3, delay: '1m', factor: 2 }), {
      startAt: '2026-03-01T10:00:00+08:00',
    });
    t.trigger({ orderId: 'A1', total: 10 });
    t.failCall('refund');
    expect(t.timers).toEqual([
      expect.objectContaining({
        purpose: 'retry',
        requestedDelayMs: 60_000,
        requestedAt: '2026-03-01T10:01:00.000+08:00',
        dueAt: '2026-03-01T10:01:00.000+08:00',
      }),
    ]);
    t.advance('1m');
    t.failCall('refund');
    expect(t.timers).toEqual([expect.objectContaining({ requestedDelayMs: 120_000 })]);
  });

  it('should not retry a failure the order system marks as final', () => {
    const t = journeyTest(callJourney({ maxAttempts: 3, delay: '1m', factor: 2 }));
    t.trigger({ orderId: 'A1', total: 10 });
    t.failCall('refund', { code: 'invalid_order', message: 'no such order' }, false);
    expect(t.node).toBe('ko');
    expect(t.calls).toHaveLength(1);
  });

  it('should save the result and succeed', () => {
    const t = journeyTest(callJourney());
    t.trigger({ orderId: 'A1', total: 10 });
    t.succeedCall('refund', { refundId: 'R1' });
    expect(t.node).toBe('ok');
    expect(t.data['refundResult']).toEqual({ refundId: 'R1' });
  });
});
