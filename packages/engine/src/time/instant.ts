import { DateTime } from 'luxon';

/**
 * An instant in UTC as `Date#toISOString` writes it (`2026-03-01T10:00:00.000Z`, milliseconds
 * optional): the form the host stamps on every event it makes. Such instants take the fast
 * path below; any other ISO 8601 form (an offset, a week date) goes through luxon.
 */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** Milliseconds since the epoch of a plain UTC instant that names a real time, else undefined. */
function utcMillis(at: string): number | undefined {
  if (!UTC_INSTANT.test(at)) return undefined;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over into March; a real time writes itself back unchanged.
  const written = new Date(ms).toISOString();
  return written === (at.length === 20 ? `${at.slice(0, 19)}.000Z` : at) ? ms : undefined;
}

/** True when `at` is an ISO 8601 time. */
export function isInstant(at: string): boolean {
  return utcMillis(at) !== undefined || DateTime.fromISO(at, { setZone: true }).isValid;
}

/**
 * `at` plus some milliseconds, as ISO 8601 in `at`'s own offset (UTC stays `…Z`). Luxon
 * parses and formats an instant in ~40 µs; a step that schedules a timer does this on the
 * hot path of every event, so the host's UTC instants are added with `Date` (~4 µs).
 */
export function plusMs(at: string, milliseconds: number): string {
  const ms = utcMillis(at);
  if (ms !== undefined) {
    const sum = new Date(ms + milliseconds);
    const year = sum.getUTCFullYear();
    if (year >= 0 && year <= 9999) return sum.toISOString();
  }
  return DateTime.fromISO(at, { setZone: true }).plus({ milliseconds }).toISO() ?? at;
}

/** Milliseconds since the epoch of an ISO 8601 time (`NaN` when it is none). */
export function instantMillis(at: string): number {
  return utcMillis(at) ?? DateTime.fromISO(at, { setZone: true }).toMillis();
}
