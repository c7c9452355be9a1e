import { describe, expect, it } from 'vitest';
import { findAmounts } from './message-amounts.ts';

describe('findAmounts', () => {
  it('should read amounts by a sign or word before or after the number, in order', () => {
    expect(findAmounts('多扣了¥12.5 还有30块运费, $20 and 15 dollars, RMB 1,200')).toEqual([
      { value: 12.5, currency: 'CNY', text: '¥12.5' },
      { value: 30, currency: 'CNY', text: '30块' },
      { value: 20, currency: 'USD', text: '$20' },
      { value: 15, currency: 'USD', text: '15 dollars' },
      { value: 1200, currency: 'CNY', text: 'RMB 1,200' },
    ]);
  });

  it.each(['满300减50能叠加吗', '订单A10023', '我170斤穿多大码', 'is it 110V'])(
    'should find no amount in %j',
    (text) => {
      expect(findAmounts(text)).toEqual([]);
    },
  );
});
