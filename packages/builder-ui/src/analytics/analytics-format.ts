import type { Language } from '../i18n/messages.ts';
import { formatDuration as intlDuration, formatNumber, formatPercent } from '../i18n/format.ts';

/** What shows for a measure that has no value (no measurements, or nothing to divide by). */
export const NO_VALUE = '—';

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

/** A duration for people, through Intl: `850 ms`, `4.2 secs`, `3.5 mins` / `4.2秒`, `1.6分钟`. */
export function formatDuration(ms: number | null | undefined, language: Language): string {
  return missing(ms) ? NO_VALUE : intlDuration(ms, language);
}

/** A rate (0–1) as a percentage with one decimal: `62.5%`. */
export function formatRate(rate: number | null | undefined, language: Language): string {
  return missing(rate) ? NO_VALUE : formatPercent(rate, language);
}

/** A change against the previous period, signed: `+12.5%`, `-3.0%`, `0.0%`. */
export function formatChange(change: number | null | undefined, language: Language): string {
  return missing(change) ? NO_VALUE : formatPercent(change, language, { signed: true });
}

/** An average score with one decimal (`4.3`), or the no-value mark. */
export function formatScore(score: number | null | undefined, language: Language): string {
  return missing(score) ? NO_VALUE : formatNumber(score, language, { min: 1, max: 1 });
}

/** A local hour as a clock time: `09:00`. */
export const formatHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
