import { describe, expect, it } from 'vitest';
import {
  journeyTest,
  PathCoverage,
  walkPath,
  type JourneyPath,
  type WalkFixtures,
} from '@xiaoer/engine/testing';
import { expectEveryPathWalked, loadJourney, staffEvents, takes } from './journey-files.ts';

const journey = loadJourney('order-lifecycle');
const customer = { name: '韩梅梅', phone: '13900000000' };
const order = { orderId: 'SO-1001', customer, total: 268 };
/** An order as the Shopify adapter makes it: the shop's number, payment and test flags. */
const shopOrder = {
  orderId: '820982911946154508',
  orderNumber: '#9999',
  customer: { name: 'John Smith', email: 'jon@example.com', language: 'en' },
  total: 398,
  currency: 'USD',
  paid: true,
  test: false,
};
const shipped = {
  orderId: 'SO-1001',
  carrier: '顺丰速运',
  trackingNumber: 'SF1234567890',
  trackingUrl: 'https://www.sf-express.com/track/SF1234567890',
};

/** Trigger and event data for a walk along `path`. */
function fixturesFor(path: JourneyPath): WalkFixtures {
  return {
    trigger: {
      ...order,
      ...(takes(path, 'checkPayment', 'test') ? { test: true } : {}),
      ...(takes(path, 'checkPayment', 'unpaid') ? { paid: false } : {}),
      // As if told at a wait before: a refund in the data takes refundToldBefore's told branch.
      ...(takes(path, 'refundToldBefore', 'told')
        ? { refund: { amount: 10, currency: 'CNY' } }
        : {}),
      // As if refunded in full at a wait before delivery: refundedBeforeDelivery's full branch.
      ...(takes(path, 'refundedBeforeDelivery', 'full') ? { refunded: order.total } : {}),
    },
    events: {
      'order.shipped': shipped,
      // A refund of the whole order after delivery takes refundedInFull's full branch.
      'order.refunded': {
        amount: takes(path, 'refundedInFull', 'full') ? order.total : 10,
        currency: 'CNY',
      },
      'order.cancelled': {
        cancelReason: 'customer',
        ...(takes(path, 'closedByRefund', 'refunded') ? { refundedIfPaid: true } : {}),
      },
    },
  };
}

describe('order lifecycle journey', () => {
  it('should confirm the order in Chinese, or in English for an English-speaking customer', () => {
    const zh = journeyTest(journey);
    zh.trigger(order);
    expect(zh.messages[0]?.text).toBe(
      '【小二商城】韩梅梅您好，您的订单 SO-1001 已确认，我们会尽快为您发货。',
    );
    expect(zh.messages[0]?.to).toBe('13900000000');
    zh.expectNode('waitShipment');

    const en = journeyTest(journey);
    en.trigger({ ...order, customer: { ...customer, language: 'en' } });
    expect(en.messages[0]?.text).toBe(
      'Hi 韩梅梅, your order SO-1001 is confirmed. We will ship it soon.',
    );
  });

  it('should send the carrier, tracking number and link when the order ships', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.advance('20h');
    t.send('order.shipped', shipped);
    const notice = t.messages.at(-1)?.text ?? '';
    expect(notice).toContain('顺丰速运');
    expect(notice).toContain('SF1234567890');
    expect(notice).toContain('https://www.sf-express.com/track/SF1234567890');
    t.expectNode('waitDelivery');
    expect(staffEvents(t)).toEqual([]);
  });

  it('should ignore another order being shipped', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    expect(() => t.send('order.shipped', { ...shipped, orderId: 'SO-9999' })).toThrow();
    t.expectNode('waitShipment');
  });

  it('should apologise and alert staff when nothing ships within 48 hours', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.advance('47h59m');
    t.expectNode('waitShipment');
    t.advance('1m');
    expect(t.messages.at(-1)?.text).toContain('非常抱歉，您的订单 SO-1001 还没有发出');
    expect(staffEvents(t)).toEqual([
      expect.objectContaining({
        event: 'staff.alert',
        data: { kind: 'order-not-shipped', orderId: 'SO-1001', waited: '48h' },
      }),
    ]);
    t.expectNode('waitLateShipment');
    t.send('order.shipped', shipped);
    t.expectNode('waitDelivery');
  });

  it('should give up after seven days without a shipment, visibly', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.advance('7d');
    t.expectEnded('failed');
    expect(t.output?.reason).toBe('not shipped within 7 days');
  });

  it('should survey one day after delivery', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.advance('1d1h'); // Tuesday 10:00
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('23h59m');
    t.expectNode('waitBeforeSurvey');
    t.advance('1m');
    t.expectNode('satisfactionSurvey');
    expect(t.clock.now).toBe('2026-03-04T10:00:00.000+08:00');
    expect(t.messages.at(-1)?.text).toContain('请为本次购物体验打分');
  });

  it('should not survey at night: a day after a 22:30 delivery it waits until 09:00', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.advance('13h30m'); // 22:30
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    t.expectNode('waitBeforeSurvey');
    t.advance('10h29m');
    t.expectNode('waitBeforeSurvey');
    t.advance('1m');
    t.expectNode('satisfactionSurvey');
    expect(t.clock.now).toBe('2026-03-04T09:00:00.000+08:00');
  });

  it('should hand a low score to staff with the customer and the reply', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    t.reply('2');
    expect(t.messages.at(-1)?.text).toBe('很抱歉这次没能让您满意，客服专员会尽快联系您。');
    expect(staffEvents(t).at(-1)).toMatchObject({
      event: 'staff.handoff',
      data: {
        reason: 'low-satisfaction',
        orderId: 'SO-1001',
        score: 's2',
        reply: '2',
        customerName: '韩梅梅',
        phone: '13900000000',
      },
    });
    t.expectEnded('completed');
  });

  it('should thank a happy customer, understanding words as well as numbers', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    t.reply('非常满意，包装很好');
    expect(t.data['survey']).toMatchObject({ option: 's5' });
    expect(t.messages.at(-1)?.text).toBe('感谢您的评价，期待再次为您服务！');
    expect(staffEvents(t)).toEqual([]);
    t.expectEnded('completed');
  });

  it('should ask again, not score, when the survey reply is hedged or negated', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    for (const reply of ['不太满意', 'not really', '还行吧，可能']) {
      t.reply(reply);
      t.expectNode('satisfactionSurvey');
      expect(t.messages.at(-1)?.text).toBe('请回复 1 到 5 之间的数字。');
    }
    t.reply('不满意');
    expect(t.data['survey']).toMatchObject({ option: 's2' });
    expect(staffEvents(t).at(-1)).toMatchObject({ event: 'staff.handoff' });
  });

  it('should alert staff when the customer cannot be reached', () => {
    const t = journeyTest(journey, { autoConfirmSends: false });
    t.trigger(order);
    t.failSend();
    expect(staffEvents(t).at(-1)).toMatchObject({
      event: 'staff.alert',
      data: { kind: 'customer-unreachable', orderId: 'SO-1001' },
    });
    t.expectEnded('failed');
  });

  it('should use the order number as the shop shows it, and email a customer with no phone', () => {
    const t = journeyTest(journey);
    t.trigger(shopOrder);
    expect(t.messages[0]).toMatchObject({
      channel: 'email',
      to: 'jon@example.com',
      text: 'Hi John Smith, your order #9999 is confirmed. We will ship it soon.',
    });
    t.expectNode('waitShipment');
  });

  it('should fail visibly, not "send", when the customer has neither phone nor email', () => {
    const t = journeyTest(journey);
    t.trigger({ ...shopOrder, customer: { name: 'John Smith' } });
    expect(t.messages[0]?.to).toBe('');
    expect(staffEvents(t).at(-1)).toMatchObject({
      event: 'staff.alert',
      data: { kind: 'customer-unreachable', orderId: shopOrder.orderId },
    });
    t.expectEnded('failed');
  });

  it('should wait for payment before confirming an unpaid order, and give up after 3 days', () => {
    const t = journeyTest(journey);
    t.trigger({ ...order, paid: false });
    expect(t.messages).toEqual([]);
    t.expectNode('waitPayment');
    t.send('order.paid', { orderId: 'SO-1001' });
    expect(t.messages[0]?.text).toContain('您的订单 SO-1001 已确认');
    t.expectNode('waitShipment');

    const unpaid = journeyTest(journey);
    unpaid.trigger({ ...order, paid: false });
    unpaid.advance('3d');
    unpaid.expectEnded('completed');
    expect(unpaid.output?.reason).toBe('not paid within 3 days');
    expect(unpaid.messages).toEqual([]);
  });

  it('should tell a test order nothing', () => {
    const t = journeyTest(journey);
    t.trigger({ ...shopOrder, test: true });
    expect(t.messages).toEqual([]);
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('test order: nothing sent');
  });

  it('should say honestly when a parcel has no tracking number', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', { orderId: 'SO-1001', carrier: '顺丰速运' });
    expect(t.messages.at(-1)?.text).toBe(
      '您的订单 SO-1001 有一个包裹已发出（顺丰速运）。商家暂未提供运单号，需要查询请直接回复本消息。',
    );
    const en = journeyTest(journey);
    en.trigger(shopOrder);
    en.send('order.shipped', { orderId: shopOrder.orderId });
    expect(en.messages.at(-1)?.text).toBe(
      'A parcel of your order #9999 has shipped. The shop has not given a tracking number yet; reply to this message if you need one.',
    );
  });

  it('should notify each parcel of a split shipment', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.shipped', {
      orderId: 'SO-1001',
      carrier: 'TNT',
      trackingNumber: '123456789',
    });
    expect(t.messages.map((m) => m.text).slice(1)).toEqual([
      '您的订单 SO-1001 有一个包裹已发出（顺丰速运）。运单号 SF1234567890，查看物流：https://www.sf-express.com/track/SF1234567890',
      '您的订单 SO-1001 有一个包裹已发出（TNT）。运单号 123456789',
    ]);
    t.expectNode('waitDelivery');
  });

  it('should end politely on cancellation, with only the wait for its refund left', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.advance('20h');
    t.send('order.cancelled', { orderId: 'SO-1001', cancelReason: 'customer' });
    expect(t.messages.at(-1)?.text).toBe(
      '您的订单 SO-1001 已取消。如有疑问请直接回复本消息，期待再次为您服务。',
    );
    expect(t.data['cancellation']).toEqual({ orderId: 'SO-1001', cancelReason: 'customer' });
    // The shipment's timer is cancelled; the order was paid, so its refund is awaited for 3 days.
    t.expectNode('waitCancelledRefund');
    expect(t.timers.map((timer) => timer.nodeId)).toEqual(['waitCancelledRefund']);
    expect(() => t.send('order.shipped', shipped)).toThrow();
    t.advance('3d');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('order cancelled');
    expect(t.timers).toEqual([]);
    expect(t.messages).toHaveLength(2);
    expect(staffEvents(t)).toEqual([]);

    const late = journeyTest(journey);
    late.trigger(order);
    late.advance('48h'); // apology sent, still waiting
    late.send('order.cancelled', { orderId: 'SO-1001' });
    expect(late.messages.at(-1)?.text).toContain('已取消');
    late.expectNode('waitCancelledRefund');
  });

  it('should tell the refund that follows a cancellation, once, in either order', () => {
    // WooCommerce tells a cancelled order's refunds in the same delivery, after the cancellation;
    // Shopify's refunds/create and orders/cancelled come in either order; a shop may refund later.
    const t = journeyTest(journey);
    t.trigger(shopOrder);
    t.send('order.cancelled', { orderId: shopOrder.orderId, cancelReason: 'customer' });
    t.send('order.refunded', { orderId: shopOrder.orderId, amount: 398, currency: 'USD' });
    expect(t.messages.map((m) => m.text).slice(1)).toEqual([
      'Your order #9999 has been cancelled. Reply to this message with any question; we hope to serve you again.',
      'A refund of 398 USD for your order #9999 has been issued to your original payment method.',
    ]);
    t.expectNode('waitCancelledRefund');
    t.advance('3d');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('order cancelled');

    const refundFirst = journeyTest(journey);
    refundFirst.trigger(order);
    refundFirst.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    refundFirst.send('order.cancelled', { orderId: 'SO-1001' });
    refundFirst.advance('3d');
    refundFirst.expectEnded('completed');
    expect(refundFirst.messages.map((m) => m.text).slice(1)).toEqual([
      '您的订单 SO-1001 已退款 268 CNY，款项将原路退回。',
      '您的订单 SO-1001 已取消。如有疑问请直接回复本消息，期待再次为您服务。',
    ]);

    // Refunded in two parts after the cancellation: each part is told.
    const parts = journeyTest(journey);
    parts.trigger(order);
    parts.send('order.cancelled', { orderId: 'SO-1001' });
    parts.advance('1d');
    parts.send('order.refunded', { orderId: 'SO-1001', amount: 200, currency: 'CNY' });
    parts.send('order.refunded', { orderId: 'SO-1001', amount: 68, currency: 'CNY' });
    expect(parts.messages.map((m) => m.text).filter((text) => text.includes('已退款'))).toEqual([
      '您的订单 SO-1001 已退款 200 CNY，款项将原路退回。',
      '您的订单 SO-1001 已退款 68 CNY，款项将原路退回。',
    ]);
  });

  it('should not tell an unpaid order that is cancelled anything, nor wait for a refund', () => {
    const t = journeyTest(journey);
    t.trigger({ ...order, paid: false });
    t.send('order.cancelled', { orderId: 'SO-1001' });
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('order cancelled');
    expect(t.messages).toEqual([]);
    expect(t.timers).toEqual([]);
  });

  it('should tell a full refund after delivery (a return) and send no survey', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('5h');
    t.expectNode('waitBeforeSurvey');
    t.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('refunded in full after delivery: no survey');
    expect(t.timers).toEqual([]);
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('打分'))).toEqual([]);

    const en = journeyTest(journey);
    en.trigger(shopOrder);
    en.send('order.shipped', { orderId: shopOrder.orderId });
    en.send('order.delivered', { orderId: shopOrder.orderId });
    en.send('order.refunded', { orderId: shopOrder.orderId, amount: 398, currency: 'USD' });
    expect(en.messages.at(-1)?.text).toBe(
      'A refund of 398 USD for your order #9999 has been issued to your original payment method.',
    );
    en.expectEnded('completed');
  });

  it('should tell a partial refund after delivery and survey a day after it; parts that make the total end it', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('5h'); // 14:00
    t.send('order.refunded', { orderId: 'SO-1001', amount: 30, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 30 CNY，款项将原路退回。');
    t.expectNode('waitBeforeSurvey');
    t.advance('23h59m');
    t.expectNode('waitBeforeSurvey');
    t.advance('1m');
    t.expectNode('satisfactionSurvey');
    expect(t.clock.now).toBe('2026-03-03T14:00:00.000+08:00');
    expect(t.messages.at(-1)?.text).toContain('请为本次购物体验打分');

    // Two items returned one after the other: the second brings the refunds to the total.
    const parts = journeyTest(journey);
    parts.trigger(order);
    parts.send('order.shipped', shipped);
    parts.send('order.delivered', { orderId: 'SO-1001' });
    parts.send('order.refunded', { orderId: 'SO-1001', amount: 168, currency: 'CNY' });
    parts.expectNode('waitBeforeSurvey');
    parts.send('order.refunded', { orderId: 'SO-1001', amount: 100, currency: 'CNY' });
    parts.expectEnded('completed');
    expect(parts.output?.reason).toBe('refunded in full after delivery: no survey');

    // Without the order's total a refund cannot be known to be full: the survey is kept.
    const noTotal = journeyTest(journey);
    noTotal.trigger({ orderId: 'SO-1001', customer });
    noTotal.send('order.shipped', shipped);
    noTotal.send('order.delivered', { orderId: 'SO-1001' });
    noTotal.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    noTotal.expectNode('waitBeforeSurvey');
  });

  it('should tell a refund that comes during the survey; a full one ends it without waiting for the score', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    t.expectNode('satisfactionSurvey');
    t.advance('5h');
    t.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('refunded in full after delivery: no survey');
    expect(t.timers).toEqual([]);
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('打分'))).toHaveLength(1);

    const en = journeyTest(journey);
    en.trigger(shopOrder);
    en.send('order.shipped', { orderId: shopOrder.orderId });
    en.send('order.delivered', { orderId: shopOrder.orderId });
    en.advance('1d');
    en.expectNode('satisfactionSurvey');
    en.send('order.refunded', { orderId: shopOrder.orderId, amount: 398, currency: 'USD' });
    expect(en.messages.at(-1)?.text).toBe(
      'A refund of 398 USD for your order #9999 has been issued to your original payment method.',
    );
    en.expectEnded('completed');
  });

  it('should tell a partial refund during the survey and ask again a day after it', () => {
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d'); // asked Tuesday 09:00
    t.advance('11h'); // 20:00
    t.send('order.refunded', { orderId: 'SO-1001', amount: 30, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 30 CNY，款项将原路退回。');
    t.expectNode('waitBeforeSurvey');
    expect(t.timers).toHaveLength(1);
    t.advance('1d');
    t.expectNode('satisfactionSurvey');
    expect(t.clock.now).toBe('2026-03-04T20:00:00.000+08:00');
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('打分'))).toHaveLength(2);
    t.reply('5');
    expect(t.messages.at(-1)?.text).toBe('感谢您的评价，期待再次为您服务！');
    t.expectEnded('completed');
  });

  it('should not take a reply sent during the day after a partial refund as the answer to the survey asked again', () => {
    // The wait takes no reply: parked as the server parks it, it is offered once the survey is
    // asked again, and refused there. It answered the first question, not this one.
    const t = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00', early: 'park' });
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d'); // asked Tuesday 09:00
    t.send('order.refunded', { orderId: 'SO-1001', amount: 30, currency: 'CNY' });
    t.expectNode('waitBeforeSurvey');
    t.advance('1h');
    t.reply('5');
    t.expectNode('waitBeforeSurvey');
    expect(t.parked).toEqual([
      {
        type: 'customer.replied',
        at: '2026-03-03T10:00:00.000+08:00',
        data: { text: '5' },
      },
    ]);
    t.advance('1d');
    t.expectNode('satisfactionSurvey');
    expect(t.parked).toEqual([]);
    expect(t.dropped).toEqual([
      {
        event: {
          type: 'customer.replied',
          at: '2026-03-03T10:00:00.000+08:00',
          data: { text: '5' },
        },
        node: 'satisfactionSurvey',
        reason: 'refused',
        droppedAt: '2026-03-04T09:00:00.000+08:00', // when the survey was asked again
      },
    ]);
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('打分'))).toHaveLength(2);
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('感谢'))).toEqual([]);
    t.reply('4');
    expect(t.data['survey']).toMatchObject({ option: 's4' });
    expect(t.messages.at(-1)?.text).toBe('感谢您的评价，期待再次为您服务！');
    t.expectEnded('completed');
  });

  it('should tell a cancellation during the survey, and a Taobao close after a full refund as the refund', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.advance('1d');
    t.send('order.cancelled', { orderId: 'SO-1001' });
    expect(t.messages.at(-1)?.text).toBe(
      '您的订单 SO-1001 已取消。如有疑问请直接回复本消息，期待再次为您服务。',
    );
    t.expectNode('waitCancelledRefund');
    expect(t.timers).toHaveLength(1);

    const closed = journeyTest(journey);
    closed.trigger(order);
    closed.send('order.shipped', shipped);
    closed.send('order.delivered', { orderId: 'SO-1001' });
    closed.advance('1d');
    closed.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    closed.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(closed.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    closed.expectEnded('completed');
    expect(closed.output?.reason).toBe(
      'closed after a full refund: told as a refund, not a cancellation',
    );
  });

  it('should count a refund before shipping toward the total: the rest returned after delivery ends it without a survey', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.refunded', { orderId: 'SO-1001', amount: 68, currency: 'CNY' }); // an item out of stock
    t.expectNode('waitShipment');
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.send('order.refunded', { orderId: 'SO-1001', amount: 200, currency: 'CNY' }); // the rest returned
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 200 CNY，款项将原路退回。');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('refunded in full after delivery: no survey');
    expect(t.data['refunded']).toBe(268);

    // Refunds while the shipment is late and while the parcel travels count as well.
    const late = journeyTest(journey);
    late.trigger(order);
    late.advance('48h');
    late.send('order.refunded', { orderId: 'SO-1001', amount: 18, currency: 'CNY' });
    late.send('order.shipped', shipped);
    late.send('order.refunded', { orderId: 'SO-1001', amount: 50, currency: 'CNY' });
    late.send('order.delivered', { orderId: 'SO-1001' });
    late.send('order.refunded', { orderId: 'SO-1001', amount: 199, currency: 'CNY' });
    late.expectNode('waitBeforeSurvey'); // 267 of 268
    late.send('order.refunded', { orderId: 'SO-1001', amount: 1, currency: 'CNY' });
    late.expectEnded('completed');
    expect(late.output?.reason).toBe('refunded in full after delivery: no survey');
  });

  it('should not survey an order refunded in full before it was delivered; a partial refund keeps the survey', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.refunded', { orderId: 'SO-1001', amount: 68, currency: 'CNY' }); // before shipping
    t.send('order.shipped', shipped);
    t.send('order.refunded', { orderId: 'SO-1001', amount: 200, currency: 'CNY' }); // on its way
    t.expectNode('waitDelivery');
    const told = t.messages.length;
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('refunded in full before delivery: no survey');
    expect(t.messages).toHaveLength(told);
    expect(t.timers).toEqual([]);

    // Refunded in full while the shipment was late, then shipped and delivered all the same.
    const late = journeyTest(journey, { startAt: '2026-03-02T09:00:00+08:00' });
    late.trigger(shopOrder);
    late.advance('48h');
    late.send('order.refunded', { orderId: shopOrder.orderId, amount: 398, currency: 'USD' });
    late.send('order.shipped', { orderId: shopOrder.orderId });
    late.send('order.delivered', { orderId: shopOrder.orderId });
    late.expectEnded('completed');
    expect(late.output?.reason).toBe('refunded in full before delivery: no survey');
    late.advance('3d');
    expect(late.messages.map((m) => m.text).filter((text) => text.includes('How was it'))).toEqual(
      [],
    );

    // A partial refund before delivery: the survey comes a day after delivery as ever.
    const partial = journeyTest(journey);
    partial.trigger(order);
    partial.send('order.shipped', shipped);
    partial.send('order.refunded', { orderId: 'SO-1001', amount: 267, currency: 'CNY' });
    partial.send('order.delivered', { orderId: 'SO-1001' });
    partial.expectNode('waitBeforeSurvey');
    partial.advance('1d');
    partial.expectNode('satisfactionSurvey');
    expect(partial.messages.at(-1)?.text).toContain('请为本次购物体验打分');
  });

  it('should tell a cancellation after delivery, then its refund, and send no survey', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.shipped', shipped);
    t.send('order.delivered', { orderId: 'SO-1001' });
    t.send('order.cancelled', { orderId: 'SO-1001' });
    expect(t.messages.at(-1)?.text).toBe(
      '您的订单 SO-1001 已取消。如有疑问请直接回复本消息，期待再次为您服务。',
    );
    t.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    t.advance('3d');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('order cancelled');
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('打分'))).toEqual([]);

    // A Taobao trade closed after a full refund is told as the refund there too.
    const closed = journeyTest(journey);
    closed.trigger(order);
    closed.send('order.shipped', shipped);
    closed.send('order.delivered', { orderId: 'SO-1001' });
    closed.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    closed.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    closed.expectEnded('completed');
    expect(closed.output?.reason).toBe(
      'closed after a full refund: told as a refund, not a cancellation',
    );
    expect(closed.messages.map((m) => m.text).filter((text) => text.includes('已取消'))).toEqual(
      [],
    );
  });

  it('should tell the customer of a refund and keep following the order', () => {
    const t = journeyTest(journey);
    t.trigger(shopOrder);
    t.send('order.refunded', { orderId: shopOrder.orderId, amount: 20, currency: 'USD' });
    expect(t.messages.at(-1)?.text).toBe(
      'A refund of 20 USD for your order #9999 has been issued to your original payment method.',
    );
    t.expectNode('waitShipment');
    t.send('order.shipped', { orderId: shopOrder.orderId, carrier: 'UPS', trackingNumber: '1Z' });
    t.send('order.refunded', { orderId: shopOrder.orderId, amount: 5, currency: 'USD' });
    expect(t.messages.at(-1)?.text).toContain('A refund of 5 USD');
    t.expectNode('waitDelivery');
  });

  it('should tell a refund that comes while the shipment is late, and keep waiting for it', () => {
    const t = journeyTest(journey);
    t.trigger(order);
    t.advance('48h'); // apology sent, waiting 5 more days
    t.expectNode('waitLateShipment');
    t.send('order.refunded', { orderId: 'SO-1001', amount: 30, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 30 CNY，款项将原路退回。');
    t.expectNode('waitLateShipment');
    t.send('order.shipped', shipped);
    expect(t.messages.at(-1)?.text).toContain('SF1234567890');
    t.expectNode('waitDelivery');
  });

  it('should tell a Taobao trade closed after a full refund as the refund, never as a cancellation', () => {
    // Taobao closes a paid trade once it is refunded in full (TRADE_CLOSED, "付款以后用户退款成功，
    // 交易自动关闭", the Trade structure's status in the TOP API docs): RefundSuccess, then
    // TradeClose, which the adapter makes order.cancelled with refundedIfPaid.
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    t.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    t.advance('1h');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe(
      'closed after a full refund: told as a refund, not a cancellation',
    );
    expect(t.messages.map((m) => m.text).filter((text) => text.includes('已取消'))).toEqual([]);
    expect(t.timers).toEqual([]);

    // TMC does not promise the order of messages: a close before its refund waits for it.
    const early = journeyTest(journey);
    early.trigger(order);
    early.advance('20h');
    early.send('order.shipped', shipped);
    early.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    early.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    expect(early.messages.at(-1)?.text).toBe('您的订单 SO-1001 已退款 268 CNY，款项将原路退回。');
    early.expectEnded('completed');
    expect(early.messages.map((m) => m.text).filter((text) => text.includes('已取消'))).toEqual([]);
  });

  it('should tell a Taobao trade closed after a full refund whose refund never comes, once', () => {
    // The close says the trade was refunded in full; when RefundSuccess does not follow within
    // the hour, the customer is still told of the refund (without its amount), not left unaware.
    const t = journeyTest(journey);
    t.trigger(order);
    t.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    t.advance('1h');
    expect(t.messages.at(-1)?.text).toBe('您的订单 SO-1001 已全额退款，款项将原路退回。');
    t.expectEnded('completed');
    expect(t.output?.reason).toBe(
      'closed after a full refund: told as a refund, not a cancellation',
    );

    // A refund told before the close is not told again.
    const told = journeyTest(journey);
    told.trigger(order);
    told.send('order.refunded', { orderId: 'SO-1001', amount: 268, currency: 'CNY' });
    told.send('order.cancelled', { orderId: 'SO-1001', refundedIfPaid: true });
    told.advance('1h');
    told.expectEnded('completed');
    expect(told.messages.map((m) => m.text).filter((text) => text.includes('退款'))).toEqual([
      '您的订单 SO-1001 已退款 268 CNY，款项将原路退回。',
    ]);
  });

  // 285 walks and the ways back: longer than the default timeout on a busy machine.
  it(
    'should walk every path from the trigger to an end, and every loop back to a wait',
    { timeout: 120_000 },
    () => {
      const paths = expectEveryPathWalked(journey, (path) => fixturesFor(path));
      // 279, and 6 more since a delivery is checked against the refunds so far: the full branch
      // ends each of the 6 simple ways to waitDelivery (paid or paid later, times shipped in time
      // or late after an apology sent or failed), the else branch goes on as delivery did.
      expect(paths).toBe(285);

      // A simple path never comes back to a node, so an edge on a way back to a wait (a refund
      // told and added up, another parcel, a partial refund short of the total) is walked here:
      // along a simple path up to the wait, out of it the shortest way through the edge and back
      // to it, then on along that path (the shortest such walk that succeeds: the fixtures decide
      // the branches, e.g. a refund already in the data).
      const all = new PathCoverage(journey).paths;
      const walked = new Set(all.flatMap((path) => path.map((s) => `${s.nodeId}:${s.outcome}`)));
      type Edge = (typeof journey.edges)[number];
      const step = (e: Edge) => ({ nodeId: e.source, outcome: e.sourceHandle, target: e.target });
      /** The fewest edges from `from` to every node it leads to (none to itself). */
      const routes = new Map<string, Map<string, Edge[]>>();
      const route = (from: string, to: string): Edge[] | undefined => {
        let via = routes.get(from);
        if (!via) {
          via = new Map([[from, []]]);
          for (const [node, edges] of via)
            for (const e of journey.edges.filter((x) => x.source === node))
              if (!via.has(e.target)) via.set(e.target, [...edges, e]);
          routes.set(from, via);
        }
        return via.get(to);
      };
      const offPaths = journey.edges.filter((e) => !walked.has(`${e.source}:${e.sourceHandle}`));
      expect(offPaths.map((e) => e.id).sort()).toEqual([
        'countRefund-next',
        'countRefundLate-next',
        'countRefundShipped-next',
        'refundNotice-failed',
        'refundNotice-sent',
        'refundNoticeCancelled-failed',
        'refundNoticeCancelled-sent',
        'refundNoticeLate-failed',
        'refundNoticeLate-sent',
        'refundNoticeShipped-failed',
        'refundNoticeShipped-sent',
        'refundedInFull-else',
        'waitCancelledRefund-received',
        'waitDelivery-anotherParcel',
        'waitDelivery-refunded',
        'waitLateShipment-refunded',
        'waitShipment-refunded',
      ]);
      for (const back of journey.edges) {
        if (walked.has(`${back.source}:${back.sourceHandle}`)) continue;
        // Shortest first: the fewer branches a walk takes, the fewer its fixtures can upset.
        const tries = all.flatMap((path) =>
          path.flatMap((at, i) => {
            const out = route(at.nodeId, back.source);
            const home = route(back.target, at.nodeId);
            // Past the wait, the path must not come to the edge's source again (a partial refund
            // walked back to the wait cannot be followed by the path's full one at that node).
            const again = path.slice(i + 1).some((s) => s.nodeId === back.source);
            if (!out || !home || again) return [];
            return [[...path.slice(0, i), ...[...out, back, ...home].map(step), ...path.slice(i)]];
          }),
        );
        tries.sort((a, b) => a.length - b.length);
        const looped = tries.find((tried) => {
          try {
            return walkPath(journey, tried, fixturesFor(tried)).status === 'done';
          } catch {
            return false;
          }
        });
        if (!looped) throw new Error(`No walk takes ${back.id}`);
        for (const s of looped) walked.add(`${s.nodeId}:${s.outcome}`);
      }
      expect(journey.edges.filter((e) => !walked.has(`${e.source}:${e.sourceHandle}`))).toEqual([]);
    },
  );
});
