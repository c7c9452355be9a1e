import { describe, expect, it } from 'vitest';
import { journeyTest } from '../../testing/journey-test.ts';
import { endNode, orderTrigger, workflowOf } from '../../testing/fixtures/workflow-builder.ts';
import { waitNode, waitTiming, type WaitConfig } from './wait.node.ts';
import { validate } from '../../validation/validate.ts';

const dueTime = (...args: Parameters<typeof waitTiming>) => waitTiming(...args).dueAt;

const window = {
  from: '09:00',
  to: '21:00',
  timeZone: 'Asia/Shanghai',
  timeZoneVariable: 'customer.timeZone',
};
const waitJourney = (config: Record<string, unknown>) =>
  workflowOf(
    [orderTrigger(), ['pause', 'wait', config as never], endNode()],
    [
      ['start', 'next', 'pause'],
      ['pause', 'next', 'done'],
    ],
  );

describe('wait', () => {
  it('should schedule a timer a duration ahead and continue when it fires', () => {
    const t = journeyTest(waitJourney({ duration: '1d' }), {
      startAt: '2026-03-01T10:00:00+08:00',
    });
    t.trigger({ orderId: 'A1' });
    expect(t.timers).toEqual([
      expect.objectContaining({ dueAt: '2026-03-02T10:00:00.000+08:00', purpose: 'wait' }),
    ]);
    t.advance('23h');
    t.expectNode('pause');
    t.advance('1h');
    t.expectEnded('completed');
  });

  it('should move a due time outside allowed hours to the next morning', () => {
    expect(dueTime({ duration: '1d', allowedHours: window }, {}, '2026-03-01T22:30:00+08:00')).toBe(
      '2026-03-03T09:00:00.000+08:00',
    );
  });

  it('should keep a due time already inside allowed hours', () => {
    expect(dueTime({ duration: '2h', allowedHours: window }, {}, '2026-03-01T10:00:00+08:00')).toBe(
      '2026-03-01T12:00:00.000+08:00',
    );
  });

  it("should use the customer's own time zone when the data has a valid one", () => {
    // 22:00 in Shanghai is 15:00 in Berlin (UTC+1 in March): inside the window there.
    const data = { customer: { timeZone: 'Europe/Berlin' } };
    expect(
      dueTime({ duration: '0s', allowedHours: window }, data, '2026-03-01T22:00:00+08:00'),
    ).toBe('2026-03-01T22:00:00.000+08:00');
    const night = dueTime(
      { duration: '0s', allowedHours: window },
      data,
      '2026-03-02T06:00:00+08:00',
    );
    expect(night).toBe('2026-03-02T16:00:00.000+08:00'); // 09:00 in Berlin
  });

  it('should wait until a time taken from data, or not at all when it is past or invalid', () => {
    const data = { promisedAt: '2026-03-05T18:00:00+08:00' };
    const at = '2026-03-01T10:00:00+08:00';
    expect(dueTime({ until: '{{promisedAt}}' }, data, at)).toBe('2026-03-05T18:00:00.000+08:00');
    expect(dueTime({ until: '{{promisedAt}}' }, { promisedAt: 'soon' }, at)).toBe(
      '2026-03-01T10:00:00.000+08:00',
    );
    expect(dueTime({ until: '{{promisedAt}}' }, { promisedAt: '2020-01-01T00:00:00Z' }, at)).toBe(
      '2026-03-01T10:00:00.000+08:00',
    );
  });

  it('should record the time asked for and the allowed hours that moved it later', () => {
    const t = journeyTest(
      waitJourney({ duration: '2h', allowedHours: { from: '09:00', to: '21:00' } }),
      { startAt: '2026-03-01T19:30:00+08:00' },
    );
    t.trigger({ orderId: 'A1' });
    expect(t.timers).toEqual([
      expect.objectContaining({
        purpose: 'wait',
        requestedAt: '2026-03-01T21:30:00.000+08:00',
        requestedDelayMs: 2 * 3_600_000,
        dueAt: '2026-03-02T09:00:00.000+08:00',
        allowedHours: { from: '09:00', to: '21:00', timeZone: 'Asia/Shanghai' },
      }),
    ]);
  });

  it("should record the customer's time zone when the allowed hours used it", () => {
    const timing = waitTiming(
      { duration: '0s', allowedHours: window },
      { customer: { timeZone: 'Europe/Berlin' } },
      '2026-03-02T06:00:00+08:00',
    );
    expect(timing).toEqual({
      requestedAt: '2026-03-02T06:00:00.000+08:00',
      requestedDelayMs: 0,
      dueAt: '2026-03-02T16:00:00.000+08:00',
      allowedHours: { from: '09:00', to: '21:00', timeZone: 'Europe/Berlin' },
    });
  });

  it('should record a time asked for by `until` with no delay, and its due time unmoved', () => {
    const timing = waitTiming(
      { until: '{{promisedAt}}' },
      { promisedAt: '2026-03-05T18:00:00+08:00' },
      '2026-03-01T10:00:00+08:00',
    );
    expect(timing).toEqual({
      requestedAt: '2026-03-05T18:00:00.000+08:00',
      dueAt: '2026-03-05T18:00:00.000+08:00',
    });
  });

  describe('ended early by an event', () => {
    const refundable = workflowOf(
      [
        orderTrigger(),
        [
          'pause',
          'wait',
          {
            duration: '1d',
            allowedHours: { from: '09:00', to: '21:00' },
            match: { orderId: 'orderId' },
            alternatives: [
              { id: 'refunded', event: 'order.refunded', saveAs: 'refund' },
              { id: 'cancelled', event: 'order.cancelled' },
            ],
          },
        ],
        endNode(),
        endNode('refunded'),
        endNode('cancelled'),
      ],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'done'],
        ['pause', 'refunded', 'refunded'],
        ['pause', 'cancelled', 'cancelled'],
      ],
    );

    it("should leave by the event's outcome, saving its data and cancelling the timer", () => {
      const t = journeyTest(refundable, { startAt: '2026-03-01T10:00:00+08:00' });
      t.trigger({ orderId: 'A1' });
      t.advance('2h');
      t.send('order.refunded', { orderId: 'A1', amount: 30 });
      t.expectEnded('completed');
      expect(t.path.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual([
        'start:next',
        'pause:refunded',
      ]);
      expect(t.data['refund']).toEqual({ orderId: 'A1', amount: 30 });
      expect(t.timers).toEqual([]);
    });

    it('should still continue by `next` when the time comes first', () => {
      const t = journeyTest(refundable, { startAt: '2026-03-01T10:00:00+08:00' });
      t.trigger({ orderId: 'A1' });
      t.advance('1d');
      expect(t.path.at(-1)).toMatchObject({ nodeId: 'pause', outcome: 'next' });
      t.expectEnded('completed');
    });

    it("should not take another order's event", () => {
      const t = journeyTest(refundable);
      t.trigger({ orderId: 'A1' });
      expect(() => t.send('order.cancelled', { orderId: 'B2' })).toThrow();
      t.expectNode('pause');
    });

    it('should list its events as awaited and outcomes, and refuse a reserved or repeated id', () => {
      const config = (refundable.nodes[1]?.config ?? {}) as unknown as WaitConfig;
      expect(waitNode.awaits(config)).toEqual(['timer.fired', 'order.refunded', 'order.cancelled']);
      expect(waitNode.outcomes(config).map((o) => o.id)).toEqual(['next', 'refunded', 'cancelled']);
      expect(waitNode.writes(config)).toEqual(['refund']);
      const repeated = {
        duration: '1d',
        alternatives: [
          { id: 'x', event: 'order.refunded' },
          { id: 'x', event: 'order.cancelled' },
        ],
      };
      expect(waitNode.check?.(repeated)).toEqual([
        { code: 'option.duplicateId', pointer: '/alternatives/1/id', value: 'x' },
      ]);
      expect(
        validate(
          workflowOf(
            [
              orderTrigger(),
              ['pause', 'wait', { duration: '1d', alternatives: [{ id: 'next', event: 'a.b' }] }],
              endNode(),
            ],
            [
              ['start', 'next', 'pause'],
              ['pause', 'next', 'done'],
            ],
          ),
        ).valid,
      ).toBe(false);
    });
  });
});
