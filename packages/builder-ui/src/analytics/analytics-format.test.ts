import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { translations } from '../testing/translations.ts';
import {
  NO_VALUE,
  formatChange,
  formatDuration,
  formatHour,
  formatRate,
  formatScore,
} from './analytics-format.ts';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  ({ en, zh } = await translations());
});

describe('the figures of the analytics as people read them', () => {
  it('should write a duration in ms, seconds, minutes or hours, in either language', () => {
    expect(formatDuration(850, en)).toBe('850 ms');
    expect(formatDuration(4200, en)).toBe('4.2 s');
    expect(formatDuration(42_000, en)).toBe('42 s');
    expect(formatDuration(95_000, en)).toBe('1.6 min');
    expect(formatDuration(1_800_000, en)).toBe('30 min');
    expect(formatDuration(172_800_000, en)).toBe('48 h');
    expect(formatDuration(4200, zh)).toBe('4.2 秒');
    expect(formatDuration(95_000, zh)).toBe('1.6 分钟');
  });

  it('should mark a measure without a value instead of writing 0', () => {
    expect(formatDuration(null, en)).toBe(NO_VALUE);
    expect(formatRate(null)).toBe(NO_VALUE);
    expect(formatChange(null)).toBe(NO_VALUE);
    expect(formatScore(null)).toBe(NO_VALUE);
  });

  it('should write rates as percentages and changes signed', () => {
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatChange(0.25)).toBe('+25.0%');
    expect(formatChange(-0.031)).toBe('-3.1%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatScore(4.32)).toBe('4.3');
    expect(formatHour(9)).toBe('09:00');
  });
});
