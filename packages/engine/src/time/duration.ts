import ms from 'ms';
import { Duration } from 'luxon';

/**
 * Parses a duration written by an operator: `30s`, `15m`, `2h`, `3d`, `1.5h`, `2 days`, or
 * ISO 8601 (`PT48H`, `P1D`). Returns milliseconds, or null when it is not understood.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^P/i.test(trimmed)) {
    const iso = Duration.fromISO(trimmed.toUpperCase());
    return iso.isValid ? iso.as('milliseconds') : null;
  }
  const value = ms(trimmed as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Like parseDuration, but throws with the offending text (for values already validated). */
export function durationMs(text: string): number {
  const value = parseDuration(text);
  if (value === null) throw new Error(`Invalid duration "${text}"`);
  return value;
}
