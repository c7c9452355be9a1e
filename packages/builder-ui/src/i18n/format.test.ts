import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney, formatNumber, formatOwnClock } from './format.ts';

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

  it("should write a simulated clock's moment as its own offset reads it, whatever the browser's zone", () => {
    const moment = '2026-01-05T10:00:00.000+08:00';
    expect(formatOwnClock(moment, 'en')).toBe('5 Jan 2026, 10:00:00');
    expect(formatOwnClock(moment, 'zh')).toBe('2026年1月5日 10:00:00');
    expect(formatOwnClock(moment, 'en', { withOffset: true })).toBe(
      '5 Jan 2026, 10:00:00 (UTC+08:00)',
    );
    expect(formatOwnClock('2026-01-05T02:30:00Z', 'en', { withOffset: true })).toBe(
      '5 Jan 2026, 02:30:00 (UTC)',
    );
    expect(formatOwnClock('not a moment', 'en')).toBe('not a moment');
  });
});
