import { describe, expect, it } from 'vitest';
import { journeyTest, type JourneyTest } from '@xiaoer/engine/testing';
import { expectEveryPathWalked, loadJourney, staffEvents, takes } from './journey-files.ts';

const journey = loadJourney('address-change');
const request = {
  orderId: 'SO-3001',
  customer: { name: '赵敏', phone: '13300000000' },
  newAddress: '上海市浦东新区世纪大道 100 号 25 楼',
};

function lookedUp(status: string): JourneyTest {
  const t = journeyTest(journey);
  t.trigger(request);
  expect(t.calls[0]).toMatchObject({ operation: 'getOrder', args: { orderId: 'SO-3001' } });
  t.succeedCall('getOrder', { status, carrier: '顺丰速运', trackingNumber: 'SF99' });
  return t;
}

describe('address change journey', () => {
  it('should ask the customer to confirm the new address when the order has not shipped', () => {
    const t = lookedUp('paid');
    t.expectNode('confirmAddress');
    expect(t.messages.at(-1)?.text).toContain(
      '确认把收货地址改为：上海市浦东新区世纪大道 100 号 25 楼？',
    );
  });

  it('should change the address once confirmed and confirm by message', () => {
    const t = lookedUp('processing');
    t.reply('确认');
    expect(t.calls.at(-1)).toMatchObject({
      operation: 'changeAddress',
      args: { orderId: 'SO-3001', address: request.newAddress },
    });
    t.succeedCall('changeAddress');
    expect(t.messages.at(-1)?.text).toBe(
      '修改成功：订单 SO-3001 的收货地址已更新为 上海市浦东新区世纪大道 100 号 25 楼。',
    );
    t.expectEnded('completed');
  });

  it('should keep the address when the customer cancels', () => {
    const t = lookedUp('created');
    t.reply('算了，不改了');
    expect(t.calls.map((c) => c.operation)).toEqual(['getOrder']);
    t.expectEnded('completed');
    expect(t.output?.reason).toBe('customer cancelled the change');
  });

  it('should ask again when the reply is neither yes nor no', () => {
    const t = lookedUp('paid');
    t.reply('嗯？');
    t.expectNode('confirmAddress');
    expect(t.messages.at(-1)?.text).toBe('请回复「确认」或「取消」。');
  });

  it('should read 「不好」 as a no and ask again at a hedge, never changing the address by guess', () => {
    const no = lookedUp('paid');
    no.reply('不好');
    no.expectEnded('completed');
    expect(no.output?.reason).toBe('customer cancelled the change');

    const unsure = lookedUp('paid');
    unsure.reply('可能是吧');
    unsure.expectNode('confirmAddress');
    expect(unsure.messages.at(-1)?.text).toBe('请回复「确认」或「取消」。');
    unsure.reply('No thanks');
    unsure.expectEnded('completed');
    expect(unsure.calls.map((c) => c.operation)).toEqual(['getOrder']);
  });

  it('should not request an interception on 「不需要」 or 「不用了」', () => {
    for (const reply of ['不需要', '不用了', 'no thanks']) {
      const t = lookedUp('shipped');
      t.reply(reply);
      expect(t.calls.map((c) => c.operation)).toEqual(['getOrder']);
      expect(t.status).toBe('done');
    }
  });

  it('should close politely when no confirmation comes within 24 hours', () => {
    const t = lookedUp('paid');
    t.advance('23h');
    t.expectNode('confirmAddress');
    t.advance('1h');
    expect(t.messages.at(-1)?.text).toContain('本次修改地址的请求已关闭');
    t.expectEnded('completed');
    expect(t.calls.map((c) => c.operation)).toEqual(['getOrder']);
  });

  it('should explain a shipped order and request an interception when asked', () => {
    const t = lookedUp('shipped');
    t.expectNode('offerInterception');
    expect(t.messages.at(-1)?.text).toContain('已经发出，无法直接修改地址');
    t.reply('拦截');
    expect(t.calls.at(-1)).toMatchObject({
      operation: 'interceptShipment',
      args: { orderId: 'SO-3001', address: request.newAddress },
    });
    t.succeedCall('interceptShipment');
    expect(t.messages.at(-1)?.text).toContain('已为订单 SO-3001 提交拦截改派申请');
    t.expectEnded('completed');
  });

  it('should hand over to staff when the order system keeps failing', () => {
    const t = journeyTest(journey);
    t.trigger(request);
    t.failCall('getOrder');
    t.advance('30s');
    t.failCall('getOrder');
    t.advance('1m');
    t.failCall('getOrder');
    expect(t.calls).toHaveLength(3);
    expect(staffEvents(t)).toEqual([
      expect.objectContaining({
        event: 'staff.handoff',
        data: expect.objectContaining({ reason: 'address-change-failed', orderId: 'SO-3001' }),
      }),
    ]);
    t.expectEnded('failed');
  });

  it('should walk every path from the trigger to an end', () => {
    const paths = expectEveryPathWalked(journey, (path) => ({
      trigger: request,
      calls: { getOrder: { status: takes(path, 'shippedYet', 'notShipped') ? 'paid' : 'shipped' } },
    }));
    expect(paths).toBe(18);
  });
});
