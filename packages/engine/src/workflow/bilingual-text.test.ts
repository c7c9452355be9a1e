import { describe, expect, it } from 'vitest';
import { bilingualHalf } from './bilingual-text.ts';

describe('bilingualHalf', () => {
  it('should take the half of an "English / 中文" text in the language asked for', () => {
    expect(bilingualHalf('Channel / 渠道', 'zh')).toBe('渠道');
    expect(bilingualHalf('Channel / 渠道', 'en')).toBe('Channel');
    expect(bilingualHalf('修改收货地址 / Address change', 'en')).toBe('Address change');
    expect(bilingualHalf('Value (JSON Logic) / 值', 'en')).toBe('Value (JSON Logic)');
  });

  it('should say nothing of a text in one language or with no Chinese half to tell apart', () => {
    expect(bilingualHalf('English', 'zh')).toBeUndefined();
    expect(bilingualHalf('Orders / Refunds', 'en')).toBeUndefined();
    expect(bilingualHalf('订单 / 退款', 'zh')).toBeUndefined();
  });
});
