import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney, formatNumber } from './format.ts';

describe('the console formats through Intl', () => {
  it('should write money in its currency for each language', () => {
    expect(formatMoney(1234.5, 'CNY', 'zh')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'USD', 'en')).toBe('US$1,234.50');
    expect(formatMoney(3, 'not-a-code', 'en')).toBe('3 not-a-code');
  });

  it('should write durations in the unit that reads best', () => {
    expect(formatDuration(350, 'en')).toBe('350 ms');
    expect(formatDuration(2500, 'en')).toBe('2.5 secs');
    expect(formatDuration(2500, 'zh')).toBe('2.5秒');
    expect(formatDuration(180_000, 'zh')).toBe('3分钟');
    expect(formatDuration(5_400_000, 'en')).toBe('1.5 hrs');
  });

  it('should group numbers', () => {
    expect(formatNumber(12345, 'zh')).toBe('12,345');
  });
});
