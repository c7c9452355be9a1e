import type { TFunction } from 'i18next';

/** What shows for a measure that has no value (no measurements, or nothing to divide by). */
export const NO_VALUE = '—';

const oneDecimal = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

/** A duration for people: `850 ms`, `4.2 s`, `12 s`, `3.5 min`, `1.2 h` (`秒`, `分钟`, `小时`). */
export function formatDuration(ms: number | null | undefined, t: TFunction): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NO_VALUE;
  if (ms < 1000) return t('analytics.unit.ms', { value: Math.round(ms) });
  const seconds = ms / 1000;
  if (seconds < 60) return t('analytics.unit.seconds', { value: oneDecimal(seconds) });
  const minutes = seconds / 60;
  if (minutes < 60) return t('analytics.unit.minutes', { value: oneDecimal(minutes) });
  return t('analytics.unit.hours', { value: oneDecimal(minutes / 60) });
}

/** A rate (0–1) as a percentage with one decimal: `62.5%`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NO_VALUE;
  return `${(rate * 100).toFixed(1)}%`;
}

/** A change against the previous period, signed: `+12.5%`, `-3.0%`, `0.0%`. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return NO_VALUE;
  const percent = (change * 100).toFixed(1);
  return change > 0 ? `+${percent}%` : `${percent}%`;
}

/** An average score with one decimal (`4.3`), or the no-value mark. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return NO_VALUE;
  return score.toFixed(1);
}

/** A local hour as a clock time: `09:00`. */
export const formatHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
