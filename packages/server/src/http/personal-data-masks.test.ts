import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskContactsInText,
  maskEmail,
  maskName,
  maskPhone,
} from './personal-data-masks.ts';

describe('maskPhone', () => {
  it.each([
    ['13900000000', '139****0000'],
    ['+8613800138000', '+86 138****8000'],
    ['+86 138-0013-8000', '+86 138****8000'],
    ['0086 13800138000', '+86 138****8000'],
    ['+1 212 555 0123', '+1 212***0123'],
    ['+44 20 7946 0958', '+44 207***0958'],
    ['(217) 555-0123', '217***0123'],
    ['021-12345678', '021****5678'],
  ])('should keep the first 3 and last 4 digits of %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('should keep only the last 4 digits of a short number, and none of a very short one', () => {
    expect(maskPhone('5550123')).toBe('***0123');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('***');
    expect(maskPhone('unknown')).toBe('***');
  });
});

describe('maskEmail', () => {
  it('should keep the first letter and the domain', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
    expect(maskEmail('a@example.com')).toBe('a***@example.com');
  });

  it('should hide what is not an email', () => {
    expect(maskEmail('@example.com')).toBe('***');
    expect(maskEmail('alice')).toBe('***');
  });
});

describe('maskName', () => {
  it('should keep the family name of a Chinese name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('should keep the first letter of a Latin name', () => {
    expect(maskName('John Smith')).toBe('J***');
    expect(maskName('Al')).toBe('A***');
  });

  it('should hide a one-character name whole', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('maskAddress', () => {
  it('should keep the province and the city of a mainland address', () => {
    expect(maskAddress('广东省深圳市南山区科技园南路 88 号')).toBe('广东省深圳市***');
    expect(maskAddress('上海市浦东新区世纪大道 100 号')).toBe('上海市***');
    expect(maskAddress('内蒙古自治区呼和浩特市新城区')).toBe('内蒙古自治区呼和浩特市***');
    expect(maskAddress('北京市')).toBe('北京市');
  });

  it('should not take a shop name ending in 市 for a city', () => {
    expect(maskAddress('广东省东莞长安镇锦厦超市')).toBe('广东省***');
  });

  it('should hide an address it cannot cut safely whole', () => {
    expect(maskAddress('1 Main St, Springfield')).toBe('***');
    expect(maskAddress('浦东新区世纪大道 100 号')).toBe('***');
  });
});

describe('maskContactsInText', () => {
  it('should mask phone numbers and emails inside text', () => {
    expect(maskContactsInText('手机13800138000，邮箱 bob@shop.cn')).toBe(
      '手机138****8000，邮箱 b***@shop.cn',
    );
    expect(maskContactsInText('电话：138 0013 8000。')).toBe('电话：138****8000。');
    expect(maskContactsInText('call +44 20 7946 0958 now')).toBe('call +44 207***0958 now');
    expect(maskContactsInText('landline 021-12345678.')).toBe('landline 021****5678.');
  });

  it('should leave order ids, tracking numbers and long numeric ids alone', () => {
    for (const text of [
      'NT-1',
      'NT-13800138000',
      'order_13800138000',
      '20231201123456789012',
      '138001380001',
      'tracking SF1234567890123',
      'quick-refund:DL-1:1',
      '2026-12-07T14:09:02.000Z',
    ])
      expect(maskContactsInText(text)).toBe(text);
  });

  it('should leave an 11-digit number that follows an order word alone', () => {
    expect(maskContactsInText('订单号 13812345678')).toBe('订单号 13812345678');
    expect(maskContactsInText('订单号：13812345678 电话 13900000000')).toBe(
      '订单号：13812345678 电话 139****0000',
    );
    expect(maskContactsInText('order #13812345678')).toBe('order #13812345678');
  });
});
