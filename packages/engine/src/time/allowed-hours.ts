import { DateTime, IANAZone } from 'luxon';

/** Daily hours in which customers may be contacted, e.g. 09:00-21:00 in their time zone. */
export interface AllowedHours {
  from: string;
  to: string;
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Moves an instant into the next allowed window: unchanged when it already falls inside,
 * otherwise the start of the next window, in the given time zone (daylight saving aware).
 * Windows that cross midnight (`22:00`-`06:00`) are supported.
 */
export function nextAllowedTime(instant: DateTime, hours: AllowedHours): DateTime {
  const local = instant.setZone(hours.timeZone);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  const now = local.hour * 60 + local.minute + local.second / 60;
  const inside = from <= to ? now >= from && now < to : now >= from || now < to;
  if (inside || from === to) return instant;
  const startToday = local.startOf('day').plus({ minutes: from });
  const start = startToday > local ? startToday : startToday.plus({ days: 1 });
  return start.setZone(instant.zone);
}
