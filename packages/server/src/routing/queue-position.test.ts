import { describe, expect, it } from 'vitest';
import {
  averageHandlingMs,
  DEFAULT_HANDLING_MS,
  estimateWaitMinutes,
  queuePosition,
} from './queue-position.ts';

const now = new Date('2026-01-01T10:00:00Z');
const waiting = (id: string, waitedSeconds: number) => ({
  _id: id,
  customer: { tier: 'normal' as const },
  priority: 0,
  enqueuedAt: new Date(now.getTime() - waitedSeconds * 1000),
});

describe('queue position', () => {
  it('should tell the third customer that two are ahead, in zh and en', () => {
    const queue = [waiting('a', 30), waiting('b', 20), waiting('c', 10)];
    const position = queuePosition('c', queue, now, { averageHandlingMs: 60_000, onlineAgents: 1 });
    expect(position).toEqual({
      position: 3,
      ahead: 2,
      estimatedWaitMinutes: 3,
      text: {
        zh: '您前面还有 2 位，预计等待约 3 分钟',
        en: '2 customers ahead of you, about 3 minutes',
      },
    });
  });

  it('should tell the first customer they are next, and nobody else a position', () => {
    const first = queuePosition('a', [waiting('a', 1)], now, {
      averageHandlingMs: 1000,
      onlineAgents: 0,
    });
    expect(first?.text).toEqual({
      zh: '您是下一位，预计等待约 1 分钟',
      en: 'You are next, about 1 minute',
    });
    expect(
      queuePosition('x', [waiting('a', 1)], now, { averageHandlingMs: 1, onlineAgents: 1 }),
    ).toBeUndefined();
  });

  it('should share the wait among online agents and round up to whole minutes', () => {
    expect(estimateWaitMinutes(4, 90_000, 2)).toBe(3);
    expect(estimateWaitMinutes(1, 1, 5)).toBe(1);
  });

  it('should average recent handling times, or assume 5 minutes without any', () => {
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    expect(averageHandlingMs([])).toBe(DEFAULT_HANDLING_MS);
    expect(
      averageHandlingMs([
        { assignedAt: at(0), resolvedAt: at(60) },
        { assignedAt: at(0), resolvedAt: at(180) },
        { assignedAt: null, resolvedAt: at(5) },
      ]),
    ).toBe(120_000);
  });
});
