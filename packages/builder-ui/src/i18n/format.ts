import type { Language } from './messages.ts';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

/**
 * A moment as the console's language writes it (Intl): `2026年12月2日 14:05` or `2 Dec 2026,
 * 14:05`; in the browser's time zone, or in `timeZone` (a journey's allowed hours).
 */
export function formatDateTime(
  value: string | number | Date,
  language: Language,
  timeZone?: string,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A moment to the second, for timelines where order within a minute matters. */
export function formatDateTimeSeconds(value: string | number | Date, language: Language): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

/** An ISO 8601 moment with its offset: date, time to the second (fraction ignored), offset. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment as read on the clock of its own offset, to the second: `2026-01-05T10:00:00+08:00`
 * is `2026年1月5日 10:00:00` / `5 Jan 2026, 10:00:00` wherever the browser is (a simulated
 * journey's virtual clock keeps the offset it started in), with ` (UTC+08:00)` after it when
 * `withOffset`. A string without an offset is written in the browser's time zone.
 */
export function formatOwnClock(
  iso: string,
  language: Language,
  { withOffset = false }: { withOffset?: boolean } = {},
): string {
  const parts = ISO_WITH_OFFSET.exec(iso);
  if (!parts) return formatDateTimeSeconds(iso, language);
  const [, year, month, day, hour, minute, second = '0', offset = 'Z'] = parts;
  const wall = new Date(
    Date.UTC(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
    ),
  );
  if (Number.isNaN(wall.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }).format(wall);
  return withOffset ? `${text} (UTC${offset === 'Z' ? '' : offset})` : text;
}

/** A time of day: `14:05`. */
export function formatTime(value: string | number | Date, language: Language): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short' }).format(date);
}

/** A calendar day: `2026年12月2日` / `2 Dec 2026`. */
export function formatDate(value: string | number | Date, language: Language): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(date);
}

/** A count or amount with the language's grouping: `12,345` / `12,345`. */
export function formatNumber(
  value: number,
  language: Language,
  fractionDigits?: { min?: number; max?: number },
): string {
  return new Intl.NumberFormat(LOCALES[language], {
    ...(fractionDigits?.min === undefined ? {} : { minimumFractionDigits: fractionDigits.min }),
    ...(fractionDigits?.max === undefined ? {} : { maximumFractionDigits: fractionDigits.max }),
  }).format(value);
}

/** A share (0–1) as a percentage with one decimal, signed if asked: `62.5%`, `+12.5%`. */
export function formatPercent(
  share: number,
  language: Language,
  { signed = false }: { signed?: boolean } = {},
): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(share);
}

/** An amount of money in its currency: `¥199.00` / `CN¥199.00`; a bad code shows the number. */
export function formatMoney(value: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }).format(value);
  } catch {
    return `${formatNumber(value, language)} ${currency}`;
  }
}

/**
 * A duration as the language says it, in the unit that reads best (days from 48 hours):
 * `350毫秒`, `2.5秒`, `3分钟`, `3天` / `350 ms`, `2.5 secs`, `3 mins`, `3 days`.
 */
export function formatDuration(ms: number, language: Language): string {
  const unit = (value: number, name: 'millisecond' | 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(LOCALES[language], {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      // Tenths where they matter: `4.2 secs`, `13.5 hrs`, but `42 secs`.
      maximumFractionDigits: Math.abs(value) < 10 || name === 'hour' || name === 'day' ? 1 : 0,
    }).format(value);
  const size = Math.abs(ms);
  if (size < 1000) return unit(Math.round(ms), 'millisecond');
  if (size < 60_000) return unit(ms / 1000, 'second');
  if (size < 3_600_000) return unit(ms / 60_000, 'minute');
  if (size < 172_800_000) return unit(ms / 3_600_000, 'hour');
  return unit(ms / 86_400_000, 'day');
}

/** A list as the console's language writes it (Intl): `标签、消息内容和等待时长`, `A, B and C`. */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);
}
