import ms from 'ms';
import { Duration } from 'luxon';

/**
 * Parses a duration written by an operator: `30s`, `15m`, `2h`, `3d`, `1.5h`, `2 days`,
 * compound `1d 2h` / `47h59m`, or
 * ISO 8601 (`PT48H`, `P1D`). Returns milliseconds, or null when it is not understood.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^P/i.test(trimmed)) {
    const iso = Duration.fromISO(trimmed.toUpperCase());
    return iso.isValid ? iso.as('milliseconds') : null;
  }
  const parts = trimmed.match(COMPOUND_PART);
  if (parts && parts.length > 1 && trimmed.replace(COMPOUND_PART, '').trim() === '') {
    const values = parts.map((part) => single(part));
    return values.every((v) => v !== null) ? values.reduce((a, b) => a + b, 0) : null;
  }
  return single(trimmed);
}

/** One part of a compound duration such as `1d 2h 30m`. */
const COMPOUND_PART = /\d+(?:\.\d+)?\s*[a-z]+/gi;

function single(text: string): number | null {
  const value = ms(text.trim() as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Like parseDuration, but throws with the offending text (for values already validated). */
export function durationMs(text: string): number {
  const value = parseDuration(text);
  if (value === null) throw new Error(`Invalid duration "${text}"`);
  return value;
}
