import { describe, expect, it } from 'vitest';
import { formatEffect } from './timeline.format.ts';

describe("the simulation timeline's effect lines", () => {
  const wait = {
    kind: 'schedule' as const,
    id: 'pause#2:wait',
    nodeId: 'pause',
    timerId: 'pause#2:wait',
    purpose: 'wait' as const,
    requestedAt: '2026-03-01T21:30:00.000+08:00',
    requestedDelayMs: 7_200_000,
    dueAt: '2026-03-02T09:00:00.000+08:00',
    allowedHours: { from: '09:00', to: '21:00', timeZone: 'Asia/Shanghai' },
  };

  it('should say when a timer was asked for and that the allowed hours moved it', () => {
    expect(formatEffect(wait)).toBe(
      'schedule wait timer pause#2:wait at 2026-03-02T09:00:00.000+08:00 (asked for 2026-03-01T21:30:00.000+08:00, moved by the allowed hours 09:00-21:00 Asia/Shanghai)',
    );
  });

  it('should say nothing more of a timer due when asked', () => {
    expect(formatEffect({ ...wait, dueAt: wait.requestedAt })).toBe(
      'schedule wait timer pause#2:wait at 2026-03-01T21:30:00.000+08:00',
    );
  });
});
