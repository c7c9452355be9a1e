import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '@xiaoer/engine';
import { journeyTest, PathCoverage, pathKey, walkPath } from '@xiaoer/engine/testing';
import refundJson from '../../workflows/refund.json' with { type: 'json' };

const refund = parseWorkflow(refundJson); // throws with every problem if the file is invalid
const request = (amount: number) => ({
  refundId: 'RF-1',
  orderId: 'SO-2001',
  customer: { name: '王芳', phone: '13700000000', tier: 'regular' },
  amount,
  reason: 'damaged',
});

describe('refund', () => {
  it('refunds a small amount at once and tells the customer', () => {
    const t = journeyTest(refund);
    t.trigger(request(88));
    expect(t.calls[0]).toMatchObject({ operation: 'refund', args: { amount: 88 } });
    t.succeedCall('refund');
    expect(t.messages.at(-1)?.text).toContain('¥88 已原路退回');
    t.expectEnded('completed');
  });

  it('retries the refund call with backoff, then fails visibly', () => {
    const t = journeyTest(refund);
    t.trigger(request(50));
    t.failCall('refund');
    t.advance('1m'); // first retry after 1 minute
    t.failCall('refund');
    t.advance('3m'); // then 3 minutes (factor 3)
    t.failCall('refund');
    t.advance('9m');
    t.failCall('refund', { code: 'declined', message: '支付通道拒绝' });
    expect(t.calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(t.calls.map((c) => c.idempotencyKey)).size).toBe(1); // one key for all attempts
    expect(t.emitted.find((e) => e.event === 'staff.alert')?.data).toMatchObject({
      kind: 'refund-failed',
    });
    t.expectEnded('failed');
  });

  it('reminds reviewers every 24 hours', () => {
    const t = journeyTest(refund);
    t.trigger(request(900));
    t.advance('3d');
    expect(t.emitted.filter((e) => e.event === 'staff.alert')).toHaveLength(3);
    t.send('refund.reviewed', { refundId: 'RF-1', decision: 'approved' });
    t.expectNode('issueRefund');
  });

  it('walks every path', () => {
    const coverage = new PathCoverage(refund);
    for (const path of coverage.paths) {
      // The path decides the data: the auto-approval branch needs a small amount.
      const auto = path.some((s) => s.nodeId === 'refundRules' && s.outcome === 'autoApprove');
      const approved = path.some((s) => s.nodeId === 'reviewDecision' && s.outcome === 'approved');
      const t = walkPath(refund, path, {
        trigger: request(auto ? 60 : 900),
        events: { 'refund.reviewed': { decision: approved ? 'approved' : 'rejected' } },
      });
      coverage.record(t.path);
    }
    expect(coverage.uncovered().map(pathKey)).toEqual([]); // names each missing path
  });
});
