import dayjs, { type Dayjs } from 'dayjs';
import type { DateRange } from './analytics-api.ts';

const DAY = 'YYYY-MM-DD';

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
