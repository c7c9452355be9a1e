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
