import { describe, expect, it } from 'vitest';
import { orderQueue, rankOf, tierOf, type CustomerTier } from './queue-order.ts';

const now = new Date('2026-01-01T10:00:00Z');
const waiting = (id: string, tier: CustomerTier, waitedSeconds: number, priority = 0) => ({
  _id: id,
  customer: { tier },
  priority,
  enqueuedAt: new Date(now.getTime() - waitedSeconds * 1000),
});

describe('queue order', () => {
  it('should serve svip before vip before normal when they waited alike', () => {
    const queue = [waiting('n', 'normal', 10), waiting('v', 'vip', 10), waiting('s', 'svip', 10)];
    expect(orderQueue(queue, now).map((h) => h._id)).toEqual(['s', 'v', 'n']);
  });

  it('should serve the longer wait first within a tier', () => {
    const queue = [waiting('late', 'vip', 5), waiting('early', 'vip', 50)];
    expect(orderQueue(queue, now).map((h) => h._id)).toEqual(['early', 'late']);
  });

  it('should count every 120 s of waiting as one tier step, so a normal customer is not starved', () => {
    const normal = waiting('n', 'normal', 240);
    expect(rankOf(normal, now)).toBe(2);
    const queue = [waiting('v', 'vip', 0), waiting('s', 'svip', 0), normal];
    expect(orderQueue(queue, now).map((h) => h._id)).toEqual(['n', 's', 'v']);
  });

  it('should add the handoff priority boost and honour configured weights', () => {
    const options = { tierSteps: { svip: 10, vip: 5, normal: 0 }, agingSeconds: 0 };
    const queue = [waiting('v', 'vip', 1000), waiting('n', 'normal', 0, 6)];
    expect(orderQueue(queue, now, options).map((h) => h._id)).toEqual(['n', 'v']);
  });

  it('should read regular, unknown and missing tiers as normal', () => {
    expect([tierOf('regular'), tierOf('gold'), tierOf(undefined), tierOf('VIP')]).toEqual([
      'normal',
      'normal',
      'normal',
      'vip',
    ]);
  });
});
