import { describe, expect, it } from 'vitest';
import { lastFourMatch } from './order-phone-check.ts';

describe('the last four digits of an order phone', () => {
  it('should match a reply whose only digits are the last four, however written', () => {
    expect(lastFourMatch('13912345678', '5678')).toBe(true);
    expect(lastFourMatch('139-1234-5678', '尾号是 5678。')).toBe(true);
    expect(lastFourMatch('+86 139 1234 5678', 'it is 5678')).toBe(true);
  });

  it('should refuse other digits, more digits, none, or a phone too short to have four', () => {
    expect(lastFourMatch('13912345678', '5679')).toBe(false);
    expect(lastFourMatch('13912345678', '45678')).toBe(false);
    expect(lastFourMatch('13912345678', '5678 1234')).toBe(false);
    expect(lastFourMatch('13912345678', '不知道')).toBe(false);
    expect(lastFourMatch('', '')).toBe(false);
    expect(lastFourMatch('123', '123')).toBe(false);
  });
});
