import { describe, expect, it } from 'vitest';
import { extractEntities, messageLanguage } from '@xiaoer/server/internal';

describe('extractEntities', () => {
  it.each([
    ['我的快递到哪了 订单号 A10023', ['A10023']],
    ['东西到哪儿了 订单号A10023', ['A10023']],
    ['订单2024112300123怎么还没发', ['2024112300123']],
    ['order #b20931 status please', ['B20931']],
    ['淘宝订单 3345678901234567890 申请退款', ['3345678901234567890']],
    ['订单ＡＢ１２３４５ 什么时候发', ['AB12345']],
    ['A10023 和 A10024 一起发吗', ['A10023', 'A10024']],
    ['A10023 A10023 重复', ['A10023']],
  ])('should find the order numbers in %j', (text, expected) => {
    expect(extractEntities(text).orderNumbers).toEqual(expected);
  });

  it.each([
    '我170斤穿多大码',
    'does this work with iPhone 15?',
    '满300减50能叠加吗',
    'is it 110V',
    'I am 5 foot 9',
    '税号91310000XXXX',
    '',
  ])('should find no order number in %j', (text) => {
    expect(extractEntities(text).orderNumbers).toEqual([]);
  });

  it.each([
    ['收件人电话改成13812345678', '13812345678'],
    ['新号码 139 1234 5678', '13912345678'],
    ['call me on +86 138-1234-5678', '13812345678'],
    ['手机+8615912345678', '15912345678'],
    ['0086 186 0000 1111 是我的号', '18600001111'],
  ])('should find the mobile number in %j', (text, expected) => {
    expect(extractEntities(text).phoneNumbers).toEqual([expected]);
    expect(extractEntities(text).orderNumbers).toEqual([]);
  });

  it.each([
    '12812345678 is not a mobile number',
    '订单2024112300123',
    '电话 1381234567 少了一位',
    '138123456789 多了一位',
  ])('should find no mobile number in %j', (text) => {
    expect(extractEntities(text).phoneNumbers).toEqual([]);
  });

  it.each([
    ['顺丰单号SF1234567890123 查不到', 'SF1234567890123', 'SF'],
    ['tracking sf1234567890123 please', 'SF1234567890123', 'SF'],
    ['圆通 YT1234567890123 到哪了', 'YT1234567890123', 'YTO'],
    ['京东物流 JDVA12345678901', 'JDVA12345678901', 'JD'],
    ['极兔JT1234567890123', 'JT1234567890123', 'J&T'],
    ['EMS EA123456789CN where is it', 'EA123456789CN', 'UPU'],
    ['中通快递单号 773012345678901 怎么没动静', '773012345678901', 'unknown'],
    ['运单号：462012345678', '462012345678', 'unknown'],
    ['tracking number: 462012345678 where', '462012345678', 'unknown'],
  ])('should find the tracking number in %j', (text, number, carrier) => {
    const entities = extractEntities(text);
    expect(entities.trackingNumbers).toEqual([{ number, carrier }]);
    expect(entities.orderNumbers).toEqual([]);
  });

  it('should read a plain long number after 订单号 as an order, not a parcel', () => {
    const entities = extractEntities('订单号 773012345678901');
    expect(entities.orderNumbers).toEqual(['773012345678901']);
    expect(entities.trackingNumbers).toEqual([]);
  });

  it('should keep order, phone and tracking numbers of one message apart', () => {
    expect(extractEntities('订单A10023 改电话13812345678，顺丰SF1234567890123 还没到')).toEqual({
      orderNumbers: ['A10023'],
      phoneNumbers: ['13812345678'],
      trackingNumbers: [{ number: 'SF1234567890123', carrier: 'SF' }],
      amounts: [],
      dates: [],
      addresses: [],
    });
  });

  it("should use the shop's own order number pattern", () => {
    const shop = { orderNumber: /XE-\d{6}/ };
    expect(extractEntities('where is XE-123456 and A10023', shop).orderNumbers).toEqual([
      'XE-123456',
    ]);
  });
});

describe('messageLanguage', () => {
  it.each([
    ['我的快递到哪了', 'zh'],
    ['帮我check一下物流', 'zh'],
    ['where is my parcel', 'en'],
    ['A10023', 'en'],
    ['😀', 'en'],
  ] as const)('should read %j as %s', (text, language) => {
    expect(messageLanguage(text)).toBe(language);
  });
});

describe('extractEntities: context, amounts, dates, addresses', () => {
  it.each([
    ['订单号13812345678怎么还没发货', ['13812345678'], []],
    ['order number: 13912345678 status?', ['13912345678'], []],
    ['订单号: 15912345678 电话13812345678', ['15912345678'], ['13812345678']],
    ['收件人电话改成13812345678', [], ['13812345678']],
    ['13812345678这个订单怎么还没发', ['13812345678'], []],
    ['15912345678 is my order, where is it', ['15912345678'], []],
    ['电话13812345678 订单还没到', [], ['13812345678']],
    ['我的手机号是13812345678', [], ['13812345678']],
  ])('should tell an order number from a phone number by context in %j', (text, orders, phones) => {
    const entities = extractEntities(text);
    expect(entities.orderNumbers).toEqual(orders);
    expect(entities.phoneNumbers).toEqual(phones);
  });

  it('should bring amounts, dates and addresses', () => {
    const entities = extractEntities('昨天多扣了30元 地址改成浙江省杭州市西湖区文三路100号', {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(entities.amounts).toEqual([{ value: 30, currency: 'CNY', text: '30元' }]);
    expect(entities.dates).toEqual([{ text: '昨天', date: '2026-12-01' }]);
    expect(entities.addresses[0]).toMatchObject({ city: '杭州市', street: '文三路' });
  });
});
