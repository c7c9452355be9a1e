/** A moment as the shop's clock shows it. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows (`Asia/Shanghai`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every zone's offset from UTC is a whole number of quarter hours, and it changes only on a
 * quarter hour (daylight saving, a zone's new rules): within one UTC quarter hour, every moment
 * has the same local date, hour and weekday. The rollup asks for thousands of facts' local times
 * at once, nearly all in a few quarter hours; `formatToParts` takes several microseconds a call.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
/** Quarter hours remembered per zone (the oldest forgotten first): a week of them. */
const REMEMBERED_QUARTERS = 7 * 24 * 4;
const quarters = new Map<string, Map<number, LocalTime>>();

/** The shop's date, hour and weekday of `at`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  let known = quarters.get(timeZone);
  const remembered = known?.get(quarter);
  if (remembered) return { ...remembered };
  const local = readLocalTime(at, timeZone);
  if (Number.isNaN(quarter)) return local;
  if (!known) quarters.set(timeZone, (known = new Map()));
  if (known.size >= REMEMBERED_QUARTERS) known.delete(known.keys().next().value as number);
  known.set(quarter, local);
  return { ...local };
}

function readLocalTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatOf(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    hour: Number(parts['hour']),
    weekday: WEEKDAYS[parts['weekday'] ?? 'Mon'] ?? 0,
  };
}

/** Weekday (0 = Monday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
