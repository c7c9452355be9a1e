import { describe, expect, it } from 'vitest';
import { translateYouzan } from '@xiaoer/server/internal';
import {
  eventsOf,
  youzanPush,
  youzanRefundPush,
  youzanStatePush,
  problem,
} from './platform-fixtures.ts';

const at = new Date('2026-03-02T01:00:00Z');

describe('Youzan adapter on a real Youzan order', () => {
  it('should map a trade push to an event with the trade number, money and payment', () => {
    const [event] = eventsOf(translateYouzan(youzanPush('trade_TradeSuccess'), at));
    expect(event).toMatchObject({
      id: 'youzan-E20241104143713093806201-trade_TradeSuccess-2024-11-05 15:20:36',
      type: 'order.delivered',
      source: 'youzan://134533635',
    });
    // Youzan encrypts names and phones ($…$1$): they are not used as a name or a number.
    expect(event?.data).toEqual({
      orderId: 'E20241104143713093806201',
      orderNumber: 'E20241104143713093806201',
      customer: { name: '顾客', language: 'zh', country: 'CN' },
      total: 139.14,
      currency: 'CNY',
      paymentStatus: 'TRADE_SUCCESS',
      paid: true,
      test: false,
      shopName: '成都清水河店',
    });
  });

  it('should flag an unpaid order, read a plain phone, and map creation, payment, shipping and closing', () => {
    const created = youzanPush('trade_TradeCreate', { status: 'WAIT_BUYER_PAY' });
    const order = JSON.parse(decodeURIComponent(created.msg)) as {
      full_order_info: { address_info: Record<string, unknown> };
    };
    order.full_order_info.address_info['receiver_tel'] = '13618649324';
    order.full_order_info.address_info['receiver_name'] = '李雷';
    const [event] = eventsOf(
      translateYouzan({ ...created, msg: encodeURIComponent(JSON.stringify(order)) }, at),
    );
    expect(event?.data).toMatchObject({
      paid: false,
      customer: { name: '李雷', phone: '+8613618649324' },
    });
    for (const [type, event] of [
      ['trade_TradeBuyerPay', 'order.paid'],
      ['trade_TradeSellerShip', 'order.shipped'],
      ['trade_TradeClose', 'order.cancelled'],
    ])
      expect(eventsOf(translateYouzan(youzanPush(type as string), at))[0]?.type).toBe(event);
  });

  it('should read shipping, success and closing messages, which carry only the trade number and their own fields', () => {
    const TID = 'E20241104143713093806201';
    const events = [
      'trade_TradePartlySellerShip',
      'trade_TradeSellerShip',
      'trade_TradeSuccess',
      'trade_TradeClose',
    ].map((type) => eventsOf(translateYouzan(youzanStatePush(type), at))[0]);
    expect(events.map((e) => [e?.id, e?.type])).toEqual([
      [`youzan-${TID}-trade_TradePartlySellerShip-2024-11-04 14:50:12`, 'order.shipped'],
      [`youzan-${TID}-trade_TradeSellerShip-2024-11-04 14:53:01`, 'order.shipped'],
      [`youzan-${TID}-trade_TradeSuccess-2024-11-05 15:20:36`, 'order.delivered'],
      [`youzan-${TID}-trade_TradeClose-2024-11-04 15:37:14`, 'order.cancelled'],
    ]);
    expect(events[3]?.data).toEqual({
      orderId: TID,
      orderNumber: TID,
      test: false,
      cancelReason: '买家取消',
    });
    expect(events[1]?.data).toEqual({ orderId: TID, orderNumber: TID, test: false });
    expect(translateYouzan({ ...youzanStatePush('trade_TradeClose'), msg: '%7B%7D' }, at)).toEqual({
      invalid: [problem('/msg/tid', 'missing required property "tid"')],
    });
  });

  it('should mark a trade closed after a refund refundedIfPaid, as a Taobao close, and not a cancellation', () => {
    // Youzan closes a paid trade once it is refunded in full; its close message says so by the
    // reason 「订单退款关单，refund, order closed!」 (the SDKs' documented `close_reson`
    // spelling), or by the close type 2 (标记退款) or 22 (拒单退款).
    const closeData = (changes: Record<string, unknown>) =>
      eventsOf(translateYouzan(youzanStatePush('trade_TradeClose', changes), at))[0]?.data;
    const refundClose = {
      close_reason: undefined,
      close_reson: '订单退款关单，refund, order closed!',
      close_type: 22,
    };
    expect(closeData(refundClose)).toEqual({
      orderId: 'E20241104143713093806201',
      orderNumber: 'E20241104143713093806201',
      test: false,
      cancelReason: '订单退款关单，refund, order closed!',
      refundedIfPaid: true,
    });
    expect(closeData({ close_type: 2, close_reason: '标记退款' })).toMatchObject({
      refundedIfPaid: true,
    });
    expect(
      closeData({ close_type: '1', close_reason: '订单退款关单，refund, order closed!' }),
    ).toMatchObject({ refundedIfPaid: true });
    // A buyer's cancellation, an unpaid order's expiry and a partial refund stay cancellations.
    expect(closeData({})).not.toHaveProperty('refundedIfPaid');
    for (const close of [
      {
        close_type: 1,
        close_reason: '超时未付款系统关单，order expired closed by task, order canceled!',
      },
      { close_type: 4, close_reason: '订单主动取消，close by buyer, order canceled!' },
      { close_type: 6, close_reason: '部分退款' },
    ])
      expect(closeData(close)).not.toHaveProperty('refundedIfPaid');

    // A close carrying the whole order: its refund_state 12 (全额退款成功) says it.
    const whole = (changes: Record<string, unknown>) =>
      eventsOf(
        translateYouzan(youzanPush('trade_TradeClose', { status: 'TRADE_CLOSE', ...changes }), at),
      )[0]?.data;
    expect(whole({ refund_state: 12, close_type: 0 })).toMatchObject({
      paid: true,
      refundedIfPaid: true,
    });
    expect(whole({ refund_state: 0, close_type: 4 })).not.toHaveProperty('refundedIfPaid');
  });

  it('should make one order.paid of trade_TradePaid and trade_TradeBuyerPay (virtual goods send only the first)', () => {
    const paid = eventsOf(
      translateYouzan(youzanPush('trade_TradePaid', { status: 'TRADE_PAID' }), at),
    );
    const awaitingShipment = eventsOf(
      translateYouzan(youzanPush('trade_TradeBuyerPay', { status: 'WAIT_SELLER_SEND_GOODS' }), at),
    );
    expect(paid[0]).toMatchObject({ type: 'order.paid', data: { paid: true } });
    expect(awaitingShipment[0]?.id).toBe(paid[0]?.id);
  });

  it('should decode msg as Youzan form-encodes it (a space is +) and answer test pushes without starting anything', () => {
    const push = youzanPush('trade_TradeCreate');
    const order = JSON.parse(decodeURIComponent(push.msg)) as {
      full_order_info: { address_info: Record<string, unknown> };
    };
    order.full_order_info.address_info['receiver_name'] = 'Li Lei + 韩梅梅';
    // URLSearchParams encodes as a form value, like Java's URLEncoder: ' ' → '+', '+' → '%2B'.
    const msg = new URLSearchParams({ m: JSON.stringify(order) }).toString().slice(2);
    expect(msg).toContain('Li+Lei+%2B+');
    const [event] = eventsOf(translateYouzan({ ...push, msg }, at));
    expect(event?.data['customer']).toMatchObject({ name: 'Li Lei + 韩梅梅' });

    expect(translateYouzan({ ...youzanPush('trade_TradeCreate'), test: true }, at)).toEqual({
      ignored: 'a Youzan test push (test: true): answered, nothing started',
    });
    expect(translateYouzan({ test: true, type: 'trade_TradeCreate' }, at)).toMatchObject({
      ignored: expect.any(String),
    });
  });

  it('should ignore other message types and locate what is wrong in a malformed push', () => {
    expect(translateYouzan(youzanPush('ITEM_STATE'), at)).toEqual({
      ignored: 'message type ITEM_STATE is not used by Xiaoer',
    });
    expect(translateYouzan({ type: 'trade_TradeCreate' }, at)).toEqual({
      invalid: [problem('/msg', 'missing required property "msg"')],
    });
    expect(translateYouzan({ type: 'trade_TradeCreate', msg: '%7B%7D' }, at)).toEqual({
      invalid: [problem('/msg/full_order_info', 'missing required property "full_order_info"')],
    });
    expect(translateYouzan({ type: 'trade_TradeCreate', msg: 'not json' }, at)).toEqual({
      invalid: [problem('/msg', 'must be URL-encoded JSON')],
    });
  });

  it('should map a refund success, in either message family, to one order.refunded with the amount in yuan', () => {
    const [event] = eventsOf(translateYouzan(youzanRefundPush('trade_refund_RefundSuccess'), at));
    expect(event).toEqual({
      id: 'youzan-E20171234567890123456789-refund-W32132132122321',
      type: 'order.refunded',
      source: 'youzan://134533635',
      // Youzan's update_time 2017-05-18 10:00:00 in Beijing time.
      time: '2017-05-18T02:00:00.000Z',
      data: {
        orderId: 'E20171234567890123456789',
        orderNumber: 'E20171234567890123456789',
        refundId: 'W32132132122321',
        amount: 0.01,
        currency: 'CNY',
        refundType: 'REFUND_ONLY',
        reason: 'REFUND_QUALITY',
      },
    });
    // The newer family sends `msg` as an object: the same refund is the same event.
    expect(eventsOf(translateYouzan(youzanRefundPush('youzan_trade_RefundSuccess'), at))).toEqual([
      event,
    ]);
  });

  it("should date each event by Youzan's own time, Beijing time (UTC+8), not by when it was received", () => {
    const timeOf = (push: unknown) => eventsOf(translateYouzan(push, at))[0]?.time;
    // The real order: created 2024-11-04 14:37:14, paid 14:37:23, updated 2024-11-05 15:20:36.
    expect(timeOf(youzanPush('trade_TradeCreate'))).toBe('2024-11-04T06:37:14.000Z');
    expect(timeOf(youzanPush('trade_TradeBuyerPay'))).toBe('2024-11-04T06:37:23.000Z');
    expect(timeOf(youzanPush('trade_TradePaid'))).toBe('2024-11-04T06:37:23.000Z');
    expect(timeOf(youzanPush('trade_TradeSuccess'))).toBe('2024-11-05T07:20:36.000Z');
    // Shipping, success and closing messages: their update_time.
    expect(timeOf(youzanStatePush('trade_TradeSellerShip'))).toBe('2024-11-04T06:53:01.000Z');
    expect(timeOf(youzanStatePush('trade_TradeClose'))).toBe('2024-11-04T07:37:14.000Z');
    // Refunds: the refund message's update_time.
    expect(timeOf(youzanRefundPush('youzan_trade_RefundSuccess'))).toBe('2017-05-18T02:00:00.000Z');
    // A payment whose pay_time is missing is dated by the order's update_time.
    expect(timeOf(youzanPush('trade_TradePaid', { pay_time: '' }))).toBe(
      '2024-11-05T07:20:36.000Z',
    );
    // Absent or malformed: the time it was received.
    expect(timeOf(youzanStatePush('trade_TradeSellerShip', { update_time: undefined }))).toBe(
      at.toISOString(),
    );
    expect(
      timeOf(youzanStatePush('trade_TradeSellerShip', { update_time: '2024-13-04 14:53:01' })),
    ).toBe(at.toISOString());
    expect(
      timeOf(youzanRefundPush('trade_refund_RefundSuccess', { update_time: '42874.4166666667' })),
    ).toBe(at.toISOString());
  });

  it('should ignore refund requests and approvals, and locate a refund without its amount', () => {
    expect(translateYouzan(youzanRefundPush('trade_refund_BuyerCreated'), at)).toEqual({
      ignored: 'message type trade_refund_BuyerCreated is not used by Xiaoer',
    });
    expect(
      translateYouzan(youzanRefundPush('trade_refund_RefundSuccess', { refunded_fee: 'free' }), at),
    ).toEqual({
      invalid: [problem('/msg/refunded_fee', 'must match pattern "^\\d+(\\.\\d{1,2})?$"')],
    });
  });
});
