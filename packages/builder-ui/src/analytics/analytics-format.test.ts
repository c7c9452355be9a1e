import { describe, expect, it } from 'vitest';
import {
  NO_VALUE,
  formatChange,
  formatDuration,
  formatHour,
  formatRate,
  formatScore,
} from './analytics-format.ts';

describe('the figures of the analytics as people read them', () => {
  it('should write a duration in ms, seconds, minutes or hours, in either language', () => {
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(4200, 'en')).toBe('4.2 secs');
    expect(formatDuration(42_000, 'en')).toBe('42 secs');
    expect(formatDuration(95_000, 'en')).toBe('1.6 mins');
    expect(formatDuration(1_800_000, 'en')).toBe('30 mins');
    expect(formatDuration(172_000_000, 'en')).toBe('47.8 hrs');
    expect(formatDuration(172_800_000, 'en')).toBe('2 days');
    expect(formatDuration(4200, 'zh')).toBe('4.2秒');
    expect(formatDuration(95_000, 'zh')).toBe('1.6分钟');
  });

  it('should mark a measure without a value instead of writing 0', () => {
    expect(formatDuration(null, 'en')).toBe(NO_VALUE);
    expect(formatRate(null, 'zh')).toBe(NO_VALUE);
    expect(formatChange(null, 'en')).toBe(NO_VALUE);
    expect(formatScore(null, 'zh')).toBe(NO_VALUE);
  });

  it('should write rates as percentages and changes signed', () => {
    expect(formatRate(0.75, 'en')).toBe('75.0%');
    expect(formatRate(1 / 3, 'zh')).toBe('33.3%');
    expect(formatChange(0.25, 'en')).toBe('+25.0%');
    expect(formatChange(-0.031, 'zh')).toBe('-3.1%');
    expect(formatChange(0, 'en')).toBe('0.0%');
    expect(formatScore(4.32, 'en')).toBe('4.3');
    expect(formatScore(4, 'zh')).toBe('4.0');
    expect(formatHour(9)).toBe('09:00');
  });
});
