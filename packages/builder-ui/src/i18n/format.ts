import type { Language } from './messages.ts';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

/** A moment as the console's language writes it (Intl): `2026/12/2 14:05` or `2 Dec 2026, 14:05`. */
export function formatDateTime(value: string | number | Date, language: Language): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A count or amount with the language's grouping: `12,345` / `12,345`. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** An amount of money in its currency: `¥199.00` / `CN¥199.00`; a bad code shows the number. */
export function formatMoney(value: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }).format(value);
  } catch {
    return `${formatNumber(value, language)} ${currency}`;
  }
}

/** A duration as the language says it: `350毫秒`, `2.5秒`, `3分钟` / `350 ms`, `2.5 secs`, `3 mins`. */
export function formatDuration(ms: number, language: Language): string {
  const unit = (value: number, name: 'millisecond' | 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(LOCALES[language], {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  if (ms < 1000) return unit(Math.round(ms), 'millisecond');
  if (ms < 60_000) return unit(ms / 1000, 'second');
  if (ms < 3_600_000) return unit(ms / 60_000, 'minute');
  return unit(ms / 3_600_000, 'hour');
}
