import { describe, expect, it } from 'vitest';
import type { ScheduleEffect } from '@xiaoer/engine';
import { timerDueAt, timerKey, timerOfKey } from './effect.model.ts';

const scheduledAt = new Date('2026-12-06T08:00:00Z');
const effect = (purpose: ScheduleEffect['purpose'], delayMs: number): ScheduleEffect => ({
  kind: 'schedule',
  id: 'call#2:retry-1',
  nodeId: 'call',
  timerId: 'call#2:retry-1',
  purpose,
  dueAt: new Date(scheduledAt.getTime() + delayMs).toISOString(),
});

describe('timerDueAt', () => {
  it('should keep the due time of a timer that is not a retry', () => {
    const wait = effect('wait', 60_000);
    expect(timerDueAt(wait, 'i:1|call#2:retry-1', scheduledAt).toISOString()).toBe(wait.dueAt);
  });

  it('should move a retry up to a fifth of its delay later, the same for the same key', () => {
    const retry = effect('retry', 10_000);
    const keys = Array.from({ length: 200 }, (_, i) => `order-lifecycle:O-${i}:1|call#2:retry-1`);
    const offsets = keys.map(
      (key) => timerDueAt(retry, key, scheduledAt).getTime() - Date.parse(retry.dueAt),
    );
    for (const offset of offsets) {
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(2_000);
    }
    // Spread: many journeys failing together do not retry at one instant.
    expect(new Set(offsets.map((offset) => Math.floor(offset / 100))).size).toBeGreaterThan(15);
    // The same timer, asked again (a step dispatched again, the instance page), the same time.
    expect(timerDueAt(retry, keys[7] as string, scheduledAt)).toEqual(
      timerDueAt(retry, keys[7] as string, scheduledAt),
    );
  });

  it('should move a retry far ahead at most 30 s', () => {
    const retry = effect('retry', 3_600_000);
    const offsets = Array.from(
      { length: 100 },
      (_, i) =>
        timerDueAt(retry, `w:O-${i}:1|call#2:retry-1`, scheduledAt).getTime() -
        Date.parse(retry.dueAt),
    );
    expect(Math.max(...offsets)).toBeLessThan(30_000);
    expect(Math.max(...offsets)).toBeGreaterThan(15_000);
  });
});

describe('timerOfKey', () => {
  it('should split a key at its last bar: an order value may hold one, a timer id never', () => {
    const key = timerKey('order-lifecycle:A|B:1', 'wait#4:timeout');
    expect(timerOfKey(key)).toEqual({
      instanceId: 'order-lifecycle:A|B:1',
      timerId: 'wait#4:timeout',
    });
  });
});
