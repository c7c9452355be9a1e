import { describe, expect, it } from 'vitest';
import type { ScheduleEffect, WorkflowDocument } from '@xiaoer/engine';
import type { InstanceDetail, InstanceStep } from '../api/api-client.ts';
import {
  allowedHoursOf,
  delayText,
  effectsOfStep,
  retryPolicyOf,
  stepAlarmed,
  stepsOfNode,
  timerShift,
} from './step-view.ts';

const step = (revision: number, over: Partial<InstanceStep> = {}): InstanceStep => ({
  revision,
  at: '2026-12-02T10:00:00.000Z',
  event: { type: 'order.created', data: { orderId: 'A1' } },
  from: null,
  to: 'thankYou',
  path: [{ nodeId: 'start', outcome: 'next', target: 'thankYou' }],
  effects: [],
  status: 'active',
  ...over,
});
const send = (to: string) => ({
  kind: 'send' as const,
  id: 'thankYou#1:send',
  nodeId: 'thankYou',
  channel: 'sms' as const,
  to,
  locale: 'zh' as const,
  format: 'text' as const,
  text: '感谢',
  expectsResult: true,
});
const detail = (steps: InstanceStep[], statuses: Record<string, string> = {}): InstanceDetail =>
  ({
    id: 'j:A1:1',
    timeline: steps,
    effects: Object.entries(statuses).map(([_id, status]) => ({
      _id,
      status,
      attempts: 3,
      retries: 0,
      effect: send('x'),
      lastError: { code: 'http', message: '502' },
    })),
    timers: [
      { timerId: 'j:A1:1|pause#1:wait', dueAt: '2026-12-03T01:00:00.000Z', status: 'scheduled' },
    ],
  }) as unknown as InstanceDetail;

/** A wait of two hours inside 09:00-21:00 (Asia/Shanghai by default). */
const pause = {
  id: 'pause',
  type: 'wait',
  position: { x: 0, y: 0 },
  config: { duration: '2h', allowedHours: { from: '09:00', to: '21:00' } },
};

describe("the run history's view of a step", () => {
  it('should join each effect with what became of it', () => {
    const s = step(1, { effects: [send('13800000000')] });
    const [entry] = effectsOfStep(detail([s], { 'j:A1:1:1:0': 'dead' }), s);
    expect(entry).toMatchObject({ status: 'dead', attempts: 3, alarm: 'failed' });
    expect(entry?.lastError?.message).toBe('502');
  });

  it('should mark a message to nobody even when the channel took it', () => {
    const s = step(1, { effects: [send('  ')] });
    const d = detail([s], { 'j:A1:1:1:0': 'done' });
    expect(effectsOfStep(d, s)[0]?.alarm).toBe('empty-recipient');
    expect(stepAlarmed(d, s)).toBe(true);
    const fine = step(2, { effects: [send('13800000000')] });
    expect(stepAlarmed(detail([fine], { 'j:A1:1:2:0': 'done' }), fine)).toBe(false);
  });

  it("should find a node's steps: entered, left or passed through", () => {
    const steps = [
      step(1),
      step(2, { from: 'thankYou', to: 'done', path: [] }),
      step(3, { from: 'other', to: 'x', path: [] }),
    ];
    expect(stepsOfNode(steps, 'thankYou').map((s) => s.revision)).toEqual([1, 2]);
    expect(stepsOfNode(steps, 'start').map((s) => s.revision)).toEqual([1]);
  });

  it("should read a waiting node's allowed hours, and say how far a due time is", () => {
    const document = { nodes: [pause] } as unknown as WorkflowDocument;
    expect(allowedHoursOf(document, 'pause')).toEqual({ from: '09:00', to: '21:00' });
    expect(allowedHoursOf(document, 'missing')).toBeUndefined();
    expect(delayText('2026-12-02T10:00:00Z', '2026-12-02T23:30:00Z', 'en')).toBe('13.5 hrs');
    expect(delayText('2026-12-02T10:00:00Z', '2026-12-02T23:30:00Z', 'zh')).toBe('13.5小时');
    expect(delayText('2026-12-02T10:00:00Z', '2026-12-02T10:20:00Z', 'en')).toBe('20 mins');
    expect(delayText('2026-12-02T10:00:00Z', '2026-12-05T10:00:00Z', 'en')).toBe('3 days');
    expect(delayText('2026-12-02T10:00:00Z', '2026-12-05T10:00:00Z', 'zh')).toBe('3天');
  });

  it("should read the due time a wait asked for and how far its allowed hours moved it, as the engine recorded them (issue 21's 13.5 h)", () => {
    const document = {
      nodes: [
        pause,
        {
          id: 'refund',
          type: 'callOrderSystem',
          position: { x: 0, y: 0 },
          config: { operation: 'refund', retry: { maxAttempts: 4, delay: '1m', factor: 3 } },
        },
      ],
    } as unknown as WorkflowDocument;
    const hours = { from: '09:00', to: '21:00', timeZone: 'Asia/Shanghai' };
    const timer = (over: Partial<ScheduleEffect>): ScheduleEffect => ({
      kind: 'schedule',
      id: 'pause#1:wait',
      nodeId: 'pause',
      timerId: 'pause#1:wait',
      dueAt: '2026-12-03T01:00:00.000Z',
      purpose: 'wait',
      ...over,
    });
    // 20:00 in Shanghai plus two hours is 22:00, outside 09:00-21:00: due at 09:00 next day.
    expect(
      timerShift(
        timer({
          requestedAt: '2026-12-02T14:00:00.000Z',
          requestedDelayMs: 7_200_000,
          allowedHours: hours,
        }),
      ),
    ).toEqual({
      requestedAt: '2026-12-02T14:00:00.000Z',
      requestedDelayMs: 7_200_000,
      hours,
      movedMs: 11 * 3_600_000,
    });
    // Inside the hours: not moved; a wait `until` asked for a time, not a delay.
    expect(
      timerShift(
        timer({
          dueAt: '2026-12-02T04:00:00.000Z',
          requestedAt: '2026-12-02T04:00:00.000Z',
          allowedHours: hours,
        }),
      ),
    ).toEqual({ requestedAt: '2026-12-02T04:00:00.000Z', hours, movedMs: 0 });
    // Timers no allowed hours governed, and those recorded before the engine kept what was
    // asked, have nothing to say.
    expect(
      timerShift(timer({ purpose: 'retry', requestedAt: '2026-12-03T01:00:00.000Z' })),
    ).toBeUndefined();
    expect(timerShift(timer({}))).toBeUndefined();
    expect(retryPolicyOf(document, 'refund')).toEqual({ maxAttempts: 4, delay: '1m', factor: 3 });
    expect(retryPolicyOf(document, 'pause')).toBeUndefined();
  });
});
