import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../workflow/parse-workflow.ts';
import { journeyTest, JourneyAssertionError } from './journey-test.ts';
import { PathCoverage, pathKey } from './journey-paths.ts';
import smallJourney from './fixtures/small-journey.json' with { type: 'json' };

const workflow = parseWorkflow(smallJourney);
const order = { orderId: 'A1', customer: { name: '李雷', phone: '13800000000' }, total: 200 };

describe('journeyTest', () => {
  it('should confirm sends automatically and wait at the next node', () => {
    const t = journeyTest(workflow);
    t.trigger(order);
    t.expectNode('ship');
    expect(t.messages[0]?.text).toBe('您好 李雷，订单 A1 已确认');
    expect(t.timers.map((x) => x.purpose)).toEqual(['timeout']);
  });

  it('should fire the timeout when the clock passes it, not before', () => {
    const t = journeyTest(workflow);
    t.trigger(order);
    t.advance('47h');
    t.expectNode('ship');
    t.advance('1h');
    t.expectEnded('failed');
  });

  it('should retry a failed call after the backoff delay and keep the idempotency key', () => {
    const t = journeyTest(workflow);
    t.trigger(order);
    t.send('order.shipped', { orderId: 'A1' });
    t.failCall('getOrder');
    expect(t.calls).toHaveLength(1);
    t.advance('59s');
    expect(t.calls).toHaveLength(1);
    t.advance('1s');
    expect(t.calls.map((c) => c.attempt)).toEqual([1, 2]);
    expect(new Set(t.calls.map((c) => c.idempotencyKey)).size).toBe(1);
    t.succeedCall('getOrder', { status: 'paid' });
    t.expectEnded('completed');
    expect(t.data['order']).toEqual({ status: 'paid' });
  });

  it('should say where the journey is when an expectation fails', () => {
    const t = journeyTest(workflow);
    t.trigger(order);
    expect(() => t.expectNode('get')).toThrow(JourneyAssertionError);
    expect(() => t.expectNode('get')).toThrow(/at "ship"/);
  });

  it('should list every path and the ones no run has walked', () => {
    const coverage = new PathCoverage(workflow);
    expect(coverage.paths.length).toBe(5);
    const t = journeyTest(workflow);
    t.trigger({ ...order, total: 10 });
    t.send('order.shipped', { orderId: 'A1' });
    coverage.record(t.path);
    expect(coverage.covered().map(pathKey)).toEqual([
      'start:next → hello:sent → ship:received → big:else',
    ]);
    expect(coverage.uncovered()).toHaveLength(4);
    expect(coverage.report()).toContain('1/5 paths covered');
  });
});
