import dayjs, { type Dayjs } from 'dayjs';
import type { DateRange } from './analytics-api.ts';

const DAY = 'YYYY-MM-DD';

/**
 * Today as the shop's clock shows it (`timeZone`, the zone its reports count days in), or the
 * browser's today before the zone is known: a manager whose browser runs on another clock (a
 * trip, a cloud desktop on UTC) still gets the shop's today, not a day that ended or has not begun.
 */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): Dayjs {
  if (!timeZone) return dayjs(now);
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now))
    parts[part.type] = part.value;
  return dayjs(`${parts['year']}-${parts['month']}-${parts['day']}`);
}

/** The last `days` days up to `today`, both ends included (30 days: today and the 29 before). */
export function lastDays(days: number, today: Dayjs = dayjs()): DateRange {
  return {
    from: today.subtract(days - 1, 'day').format(DAY),
    to: today.format(DAY),
  };
}

/** The day after `today`, as the staffing plan asks for it. */
export function tomorrow(today: Dayjs = dayjs()): string {
  return today.add(1, 'day').format(DAY);
}

/** A range picked in the date picker, as the API writes it. */
export function rangeOf(from: Dayjs, to: Dayjs): DateRange {
  return { from: from.format(DAY), to: to.format(DAY) };
}
