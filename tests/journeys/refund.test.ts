import { describe, expect, it } from 'vitest';
import { journeyTest, type JourneyTest } from '@xiaoer/engine/testing';
import { expectEveryPathWalked, loadJourney, takes } from './journey-files.ts';

const journey = loadJourney('refund');
type Tier = 'regular' | 'vip' | 'svip';
const request = (amount: number, reason = 'damaged', tier: Tier = 'regular') => ({
  refundId: 'RF-1',
  orderId: 'SO-2001',
  customer: { name: '王芳', phone: '13700000000', tier },
  amount,
  reason,
});

function started(amount: number, reason?: string, tier?: Tier): JourneyTest {
  const t = journeyTest(journey);
  t.trigger(request(amount, reason, tier));
  return t;
}

describe('refund journey', () => {
  it.each([
    [99, 'changed_mind', 'regular', 'issueRefund'],
    [100, 'damaged', 'regular', 'issueRefund'],
    [100.5, 'damaged', 'regular', 'waitReview'],
    [480, 'changed_mind', 'vip', 'issueRefund'],
    [501, 'changed_mind', 'vip', 'waitReview'],
    [1800, 'not_received', 'svip', 'issueRefund'],
    [1800, 'changed_mind', 'svip', 'waitReview'],
    [2001, 'damaged', 'svip', 'waitReview'],
    [20, 'other', 'svip', 'waitReview'],
  ] as const)('should route ¥%s for %s from a %s customer to %s', (amount, reason, tier, node) => {
    started(amount, reason, tier).expectNode(node);
  });

  it('should refund automatically and tell the customer the amount', () => {
    const t = started(88);
    expect(t.calls[0]).toMatchObject({
      operation: 'refund',
      args: { orderId: 'SO-2001', refundId: 'RF-1', amount: 88 },
    });
    t.succeedCall('refund', { transactionId: 'T-1' });
    expect(t.messages.at(-1)?.text).toBe(
      '退款成功：¥88 已原路退回，预计 1–3 个工作日到账（订单 SO-2001）。',
    );
    t.expectEnded('completed');
  });

  it('should ask for a review, tell the customer, and refund once approved', () => {
    const t = started(900);
    expect(t.emitted[0]).toMatchObject({
      event: 'refund.reviewRequested',
      data: { refundId: 'RF-1', amount: 900, reason: 'damaged' },
    });
    expect(t.messages[0]?.text).toContain('已提交人工审核');
    expect(t.calls).toEqual([]);
    t.send('refund.reviewed', { refundId: 'RF-1', decision: 'approved', reviewer: 'agent-7' });
    t.expectNode('issueRefund');
    t.succeedCall('refund');
    t.expectEnded('completed');
  });

  it('should explain a rejection with the reviewer note', () => {
    const t = started(900);
    t.send('refund.reviewed', { refundId: 'RF-1', decision: 'rejected', note: '商品已使用' });
    expect(t.messages.at(-1)?.text).toContain('未通过审核：商品已使用');
    expect(t.calls).toEqual([]);
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('refund rejected');
  });

  it('should remind reviewers every 24 hours until the review arrives', () => {
    const t = started(900);
    t.advance('3d');
    const reminders = t.emitted.filter((e) => e.event === 'staff.alert');
    expect(reminders).toHaveLength(3);
    expect(reminders[0]?.data).toMatchObject({ kind: 'refund-review-overdue', refundId: 'RF-1' });
    t.expectNode('waitReview');
    t.send('refund.reviewed', { refundId: 'RF-1', decision: 'approved' });
    t.expectNode('issueRefund');
  });

  it('should retry a failing refund call with backoff, then fail visibly', () => {
    const t = started(50);
    t.failCall('refund');
    t.advance('1m');
    t.failCall('refund');
    t.advance('2m59s');
    expect(t.calls).toHaveLength(2);
    t.advance('1s');
    t.failCall('refund');
    t.advance('9m');
    t.failCall('refund', { code: 'declined', message: '支付通道拒绝' });
    expect(t.calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(t.calls.map((c) => c.idempotencyKey)).size).toBe(1);
    expect(t.emitted.find((e) => e.event === 'staff.alert')?.data).toMatchObject({
      kind: 'refund-failed',
      error: '支付通道拒绝',
    });
    expect(t.messages.at(-1)?.text).toContain('客服已介入');
    t.expectEnded('failed');
  });

  it('should take a success on a retry', () => {
    const t = started(50);
    t.failCall('refund');
    t.advance('1m');
    t.succeedCall('refund');
    t.expectEnded('completed');
  });

  it('should refuse a request without an amount and start nothing', () => {
    const t = journeyTest(journey);
    const { amount: _amount, ...missing } = request(10);
    expect(() => t.trigger(missing)).toThrow(/amount/);
    expect(t.timeline).toEqual([]);
  });

  it('should walk every path from the trigger to an end', () => {
    const paths = expectEveryPathWalked(journey, (path) => ({
      trigger: request(takes(path, 'refundRules', 'autoApprove') ? 60 : 900),
      events: {
        'refund.reviewed': {
          decision: takes(path, 'reviewDecision', 'approved') ? 'approved' : 'rejected',
        },
      },
    }));
    expect(paths).toBe(16);
  });
});
