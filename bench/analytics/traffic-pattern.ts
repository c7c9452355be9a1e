/**
 * When generated traffic happens: 90 days (by default) in the shop's time zone with a daily
 * shape (peaks at 10–11 and 20–22), busier weekends and a slow growth, split into hours whose
 * counts add up to the total asked for. Seeded, so every run generates the same traffic.
 */
import { addDays, weekdayOf } from '../../packages/server/src/analytics/local-time.ts';

/** Asia/Shanghai has no daylight saving: local = UTC + 8 h all year. */
export const BENCH_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
/** The first generated day; fixed so runs are comparable. */
export const FIRST_DAY = '2026-09-01';

/** Relative traffic of each local hour. */
const HOURLY = [
  0.35, 0.2, 0.1, 0.06, 0.05, 0.08, 0.2, 0.45, 0.8, 1.3, 1.9, 2.0, 1.5, 1.2, 1.4, 1.5, 1.4, 1.3,
  1.3, 1.6, 2.1, 2.3, 2.2, 1.1,
];
/** Monday … Sunday. */
const WEEKDAY = [1, 0.95, 0.95, 1, 1.05, 1.35, 1.3];

export interface TrafficHour {
  date: string;
  hour: number;
  /** The hour's first instant. */
  start: Date;
}

/** The local hour `hour` of `date` as an instant. */
export function hourStart(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00${OFFSET}`);
}

/** Every hour of `days` days from {@link FIRST_DAY}. */
export function trafficHours(days: number): TrafficHour[] {
  return Array.from({ length: days * 24 }, (_, i) => {
    const date = addDays(FIRST_DAY, Math.floor(i / 24));
    return { date, hour: i % 24, start: hourStart(date, i % 24) };
  });
}

/** Splits `total` over `hours` by the pattern (±10 % a day), each count a whole number. */
export function hourlyCounts(total: number, hours: TrafficHour[], random: () => number): number[] {
  const days = new Map<string, number>();
  const weights = hours.map(({ date, hour }, i) => {
    let noise = days.get(date);
    if (noise === undefined) days.set(date, (noise = 0.9 + random() * 0.2));
    const growth = 0.85 + (0.3 * i) / hours.length;
    return (HOURLY[hour] ?? 1) * (WEEKDAY[weekdayOf(date)] ?? 1) * growth * noise;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  let carried = 0;
  return weights.map((weight, i) => {
    const exact = (total * weight) / sum + carried;
    const count = i === weights.length - 1 ? Math.round(exact) : Math.floor(exact);
    carried = exact - count;
    return count;
  });
}

/** A random instant within `ms` after `start`. */
export const within = (start: Date, ms: number, random: () => number) =>
  new Date(start.getTime() + Math.floor(random() * ms));

/** A draw from an exponential distribution with mean `mean` (waits, handling times). */
export const exponential = (mean: number, random: () => number) =>
  Math.round(-Math.log(1 - random()) * mean);

/** One of `choices`, drawn by weight. */
export function pick<T>(choices: readonly (readonly [T, number])[], random: () => number): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [choice, weight] of choices) if ((left -= weight) < 0) return choice;
  return choices[choices.length - 1]![0];
}
