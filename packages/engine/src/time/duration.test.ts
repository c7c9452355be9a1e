import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it('should read short forms and ISO 8601', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration('PT48H')).toBe(172_800_000);
    expect(parseDuration('p1d')).toBe(86_400_000);
  });

  it('should add up compound durations', () => {
    expect(parseDuration('1d1h')).toBe(90_000_000);
    expect(parseDuration('47h 59m')).toBe(172_740_000);
    expect(parseDuration('1h30m15s')).toBe(5_415_000);
  });

  it('should refuse what it does not understand', () => {
    expect(parseDuration('1d soon')).toBeNull();
    expect(parseDuration('1d 2h x')).toBeNull();
    expect(parseDuration('1d-2h')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('-5m')).toBeNull();
  });
});
