import { describe, expect, expectTypeOf, it } from 'vitest';
import { journeyTest } from './journey-test.ts';
import type { StepResult } from '../runtime/step.ts';
import { endNode, orderTrigger, workflowOf } from './fixtures/workflow-builder.ts';
import { EventNotAcceptedError } from '../errors.ts';

const order = { orderId: 'A1', customer: { id: 'c1' } };

/** Waits an hour, then for payment, then for shipping. */
const payThenShip = workflowOf(
  [
    orderTrigger(),
    ['pause', 'wait', { duration: '1h' }],
    ['waitPaid', 'waitForEvent', { event: 'order.paid', timeout: '1d', saveAs: 'payment' }],
    ['waitShipped', 'waitForEvent', { event: 'order.shipped', timeout: '3d', saveAs: 'shipment' }],
    endNode(),
    endNode('late', 'failed'),
  ],
  [
    ['start', 'next', 'pause'],
    ['pause', 'next', 'waitPaid'],
    ['waitPaid', 'received', 'waitShipped'],
    ['waitPaid', 'timeout', 'late'],
    ['waitShipped', 'received', 'done'],
    ['waitShipped', 'timeout', 'late'],
  ],
);

/** Waits a day, then asks the customer to confirm. */
const waitThenAsk = workflowOf(
  [
    orderTrigger(),
    ['pause', 'wait', { duration: '1d' }],
    [
      'ask',
      'askCustomer',
      {
        channel: 'chat',
        to: '{{customer.id}}',
        question: { zh: '确认收货了吗？', en: 'Did it arrive?' },
        options: [
          { id: 'yes', label: { zh: '是', en: 'Yes' }, keywords: ['是', 'yes'] },
          { id: 'no', label: { zh: '否', en: 'No' }, keywords: ['否', 'no'] },
        ],
        timeout: '2h',
        saveAs: 'answer',
      },
    ],
    endNode('yes'),
    endNode('no'),
    endNode('late', 'failed'),
  ],
  [
    ['start', 'next', 'pause'],
    ['pause', 'next', 'ask'],
    ['ask', 'yes', 'yes'],
    ['ask', 'no', 'no'],
    ['ask', 'timeout', 'late'],
  ],
);

describe("journeyTest with early: 'park'", () => {
  it('should still throw on an event the node does not wait for by default', () => {
    const t = journeyTest(payThenShip);
    t.trigger(order);
    expect(() => t.send('order.paid', { orderId: 'A1' })).toThrow(EventNotAcceptedError);
    expect(t.parked).toEqual([]);
  });

  it('should park an event that comes early and take it, with its own time, once the journey waits for it', () => {
    const t = journeyTest(payThenShip, { early: 'park', startAt: '2026-03-02T10:00:00+08:00' });
    t.trigger(order);
    t.advance('10m');
    expect(t.send('order.paid', { orderId: 'A1' })).toBeNull();
    t.expectNode('pause');
    expect(t.parked).toEqual([
      { type: 'order.paid', at: '2026-03-02T10:10:00.000+08:00', data: { orderId: 'A1' } },
    ]);
    expect(t.timeline.at(-1)).toMatchObject({ event: { type: 'order.paid' }, parked: true });
    t.advance('1h');
    t.expectNode('waitShipped');
    expect(t.parked).toEqual([]);
    expect(t.data['payment']).toEqual({ orderId: 'A1' });
    expect(t.timeline.at(-1)).toMatchObject({
      at: '2026-03-02T11:00:00.000+08:00',
      event: { type: 'order.paid', at: '2026-03-02T10:10:00.000+08:00' },
      from: 'waitPaid',
      to: 'waitShipped',
      unparked: true,
    });
    expect(t.dropped).toEqual([]);
  });

  it('should offer parked events oldest first, to each node the type it waits for', () => {
    const t = journeyTest(payThenShip, { early: 'park' });
    t.trigger(order);
    t.send('order.shipped', { orderId: 'A1', n: 1 });
    t.send('order.paid', { orderId: 'A1', n: 1 });
    t.send('order.paid', { orderId: 'A1', n: 2 });
    t.advance('1h');
    t.expectEnded('completed');
    expect(t.data['payment']).toEqual({ orderId: 'A1', n: 1 });
    expect(t.data['shipment']).toEqual({ orderId: 'A1', n: 1 });
    // No node took the second payment: it stays parked, as on the server.
    expect(t.parked.map((e) => e.data)).toEqual([{ orderId: 'A1', n: 2 }]);
  });

  it('should drop a reply parked during the wait: the question asked after it refuses it', () => {
    const t = journeyTest(waitThenAsk, { early: 'park' });
    t.trigger(order);
    t.advance('1h');
    t.send('customer.replied', { orderId: 'A1', text: '是' });
    expect(t.parked.map((e) => e.type)).toEqual(['customer.replied']);
    t.advance('23h');
    t.expectNode('ask');
    expect(t.parked).toEqual([]);
    expect(t.dropped).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ type: 'customer.replied' }),
        node: 'ask',
        reason: 'refused',
      }),
    ]);
    expect(t.timeline.at(-1)).toMatchObject({ ignored: true, unparked: true });
    t.reply('是');
    t.expectEnded('completed');
    expect(t.node).toBe('yes');
  });

  it('should never park a timer or effect result, nor an event no node waits for', () => {
    const t = journeyTest(payThenShip, { early: 'park' });
    t.trigger(order);
    expect(t.send('send.succeeded', undefined, { effectId: 'gone' })).toBeNull();
    expect(t.send('order.reviewed', { orderId: 'A1' })).toBeNull();
    expect(t.parked).toEqual([]);
    expect(t.dropped.map((d) => [d.event.type, d.node, d.reason])).toEqual([
      ['send.succeeded', 'pause', 'stale'],
      ['order.reviewed', 'pause', 'unmatched'],
    ]);
  });

  it('should keep the newest 20 parked events and drop older ones', () => {
    const t = journeyTest(payThenShip, { early: 'park' });
    t.trigger(order);
    for (let n = 1; n <= 21; n++) t.send('order.shipped', { orderId: 'A1', n });
    expect(t.parked).toHaveLength(20);
    expect(t.parked[0]?.data).toEqual({ orderId: 'A1', n: 2 });
    expect(t.dropped).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ data: { orderId: 'A1', n: 1 } }),
        reason: 'overflow',
      }),
    ]);
  });

  it('should keep order events sent before the start for 7 days and apply them after it', () => {
    const t = journeyTest(payThenShip, { early: 'park' });
    t.send('order.shipped', { orderId: 'A1', n: 1 });
    t.send('customer.replied', { orderId: 'A1', text: 'hi' });
    t.advance('7d');
    t.send('order.paid', { orderId: 'A1' });
    t.send('order.shipped', { orderId: 'A1', n: 2 });
    expect(t.earlyEvents.map((e) => e.type)).toEqual([
      'order.shipped',
      'order.paid',
      'order.shipped',
    ]);
    t.advance('1m');
    t.trigger(order);
    expect(t.earlyEvents).toEqual([]);
    expect(t.dropped.map((d) => [d.event.type, d.node, d.reason])).toEqual([
      ['customer.replied', null, 'unmatched'],
      ['order.shipped', 'pause', 'expired'],
    ]);
    expect(t.parked.map((e) => e.type)).toEqual(['order.paid', 'order.shipped']);
    t.advance('1h');
    t.expectEnded('completed');
    expect(t.data['shipment']).toEqual({ orderId: 'A1', n: 2 });
  });

  it('should let go of an event that comes after the end', () => {
    const t = journeyTest(payThenShip, { early: 'park' });
    t.trigger(order);
    t.advance('1h');
    t.send('order.paid', { orderId: 'A1' });
    t.send('order.shipped', { orderId: 'A1' });
    t.expectEnded('completed');
    expect(t.send('order.paid', { orderId: 'A1' })).toBeNull();
    expect(t.dropped.map((d) => [d.event.type, d.node, d.reason])).toEqual([
      ['order.paid', 'done', 'ended'],
    ]);
    expect(() => t.send('order.created', order)).toThrow(/new journeyTest/);
  });
});

describe("the helper's types in each mode", () => {
  it('should return a step, never null, unless events are parked', () => {
    const throwing = journeyTest(payThenShip);
    throwing.trigger(order);
    throwing.fireNextTimer();
    const parking = journeyTest(payThenShip, { early: 'park' });
    parking.trigger(order);
    // Without parking every delivered event moved the journey or threw: no null to check.
    expectTypeOf(throwing.send('order.paid', {})).toEqualTypeOf<StepResult>();
    expectTypeOf(parking.send('order.shipped', {})).toEqualTypeOf<StepResult | null>();
    expect(parking.parked.map((event) => event.type)).toEqual(['order.shipped']);
  });
});
