import { describe, expect, it } from 'vitest';
import type { Effect } from '@xiaoer/engine';
import { BOOKKEEPING_LINGER_MS } from './bookkeeping-writes.ts';
import { isQuietStep, lingerForStep } from './quiet-steps.ts';
import { FAR_AHEAD_MS } from './timer-buckets.ts';

const now = Date.parse('2026-12-05T10:00:00Z');
const timer = (aheadMs: number): Effect => ({
  kind: 'schedule',
  id: 'wait',
  nodeId: 'waitShipment',
  timerId: 'waitShipment#4',
  dueAt: new Date(now + aheadMs).toISOString(),
  purpose: 'timeout',
});
const send: Effect = {
  kind: 'send',
  id: 'notice',
  nodeId: 'shippingNotice',
  channel: 'sms',
  to: '+8613800138000',
  locale: 'zh',
  format: 'text',
  text: '您的订单已发货',
  expectsResult: true,
};

describe('quiet steps', () => {
  it('should take the result of a send that only starts a timer days ahead as quiet', () => {
    expect(isQuietStep('send.succeeded', [timer(48 * 3_600_000)], now)).toBe(true);
    expect(isQuietStep('call.failed', [], now)).toBe(true);
  });

  it('should not take a step that acts now, or one an outside event made, as quiet', () => {
    expect(isQuietStep('send.succeeded', [send], now)).toBe(false);
    expect(isQuietStep('send.failed', [timer(FAR_AHEAD_MS - 1000)], now)).toBe(false);
    expect(isQuietStep('order.paid', [timer(48 * 3_600_000)], now)).toBe(false);
    expect(isQuietStep('timer.fired', [], now)).toBe(false);
    expect(isQuietStep('customer.replied', [], now)).toBe(false);
  });

  it('should let only a quiet step linger', () => {
    expect(lingerForStep('call.succeeded', [])).toBe(BOOKKEEPING_LINGER_MS);
    expect(lingerForStep('order.created', [])).toBeUndefined();
  });
});
