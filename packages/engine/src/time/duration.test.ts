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

  it('should refuse what it does not understand', () => {
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('-5m')).toBeNull();
  });
});
