import { describe, expect, it } from 'vitest';
import {
  addToHistogram,
  bucketOf,
  histogramCount,
  mergeHistogram,
  percentileOf,
  PERCENTILE_PRECISION,
  type Histogram,
} from './histogram.ts';

/** The value at the nearest rank of q, from the values themselves. */
function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('duration histograms', () => {
  it('should give percentiles within their stated precision, whatever the spread', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    for (const scale of [1, 40, 2_000, 45_000, 3_600_000]) {
      const values = Array.from({ length: 997 }, () => 1 + Math.floor(-Math.log(random()) * scale));
      const histogram: Histogram = {};
      for (const value of values) addToHistogram(histogram, value);
      expect(histogramCount(histogram)).toBe(997);
      for (const q of [0.5, 0.9, 0.99, 1]) {
        const truth = exact(values, q);
        const given = percentileOf(histogram, q) ?? 0;
        // Rounded to whole ms: half a ms more on the smallest values.
        expect(Math.abs(given - truth), `${scale} ${q}`).toBeLessThanOrEqual(
          truth * PERCENTILE_PRECISION + 0.5,
        );
      }
    }
  });

  it('should add days up into the same percentiles as one histogram of all their values', () => {
    const monday: Histogram = {};
    const tuesday: Histogram = {};
    const both: Histogram = {};
    for (let i = 1; i <= 50; i++) {
      addToHistogram(i % 2 ? monday : tuesday, i * 1000);
      addToHistogram(both, i * 1000);
    }
    const merged = mergeHistogram(mergeHistogram({}, monday), tuesday);
    expect(merged).toEqual(both);
    expect(percentileOf(merged, 0.9)).toBe(percentileOf(both, 0.9));
  });

  it('should put a value on a bucket bound in the bucket it starts, and zero and nothing apart', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(1.05 ** 100)).toBe(101);
    expect(percentileOf({}, 0.5)).toBeNull();
    const zeros: Histogram = {};
    addToHistogram(zeros, 0);
    addToHistogram(zeros, undefined);
    expect(percentileOf(zeros, 0.9)).toBe(0);
    expect(histogramCount(zeros)).toBe(1);
  });
});
