import type { Histogram } from '../model/analytics-rollup.types.ts';

export type { Histogram } from '../model/analytics-rollup.types.ts';

/**
 * Durations counted in buckets whose bounds grow 5 % a step, so days add up (a percentile of
 * a period cannot be made from the days' averages, nor kept as every value: a busy day has
 * tens of thousands). Bucket 0 holds durations under 1 ms; bucket b ≥ 1 holds
 * [GROWTH^(b−1), GROWTH^b) ms: a week is bucket 413, and a day uses a few dozen buckets.
 */
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

/**
 * A percentile is given as the geometric middle of the bucket holding its rank: within
 * √1.05 − 1 ≈ 2.5 % of the value at that rank (nearest rank: the smallest value with at least
 * q of the values at or below it).
 */
export const PERCENTILE_PRECISION = Math.sqrt(GROWTH) - 1;

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  const bucket = 1 + Math.floor(Math.log(ms) / LOG_GROWTH);
  // Floating point may put a value on a bound one bucket off: the bounds decide.
  if (ms < GROWTH ** (bucket - 1)) return bucket - 1;
  if (ms >= GROWTH ** bucket) return bucket + 1;
  return bucket;
}

/** Counts `ms` (none when undefined, as a {@link Sum} does). */
export function addToHistogram(histogram: Histogram, ms: number | undefined): void {
  if (ms === undefined) return;
  const key = String(bucketOf(ms));
  histogram[key] = (histogram[key] ?? 0) + 1;
}

/** Adds `from`'s counts into `into`. */
export function mergeHistogram(into: Histogram, from: Histogram | undefined): Histogram {
  for (const [bucket, count] of Object.entries(from ?? {}))
    into[bucket] = (into[bucket] ?? 0) + count;
  return into;
}

/** How many values a histogram counts. */
export const histogramCount = (histogram: Histogram): number =>
  Object.values(histogram).reduce((sum, count) => sum + count, 0);

/**
 * The `q` percentile (0 < q ≤ 1) of the values counted, in whole ms, within
 * {@link PERCENTILE_PRECISION}; null when nothing was counted.
 */
export function percentileOf(histogram: Histogram, q: number): number | null {
  const buckets = Object.entries(histogram)
    .map(([bucket, count]) => [Number(bucket), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return bucket === 0 ? 0 : Math.round(GROWTH ** (bucket - 0.5));
  }
  return null;
}
