import type { LocalizedText } from '@xiaoer/engine';
import { compileSchema } from '../json-schema-check.ts';
import { isDate } from '../analytics/local-time.ts';

/**
 * One query parameter a route takes: the JSON Schema of its value (as the OpenAPI document
 * shows it), what it allows in zh and en (for the 400 that refuses a bad value), and how its
 * text is read.
 */
export interface QueryParameter<T = unknown> {
  schema: Record<string, unknown>;
  allowed: LocalizedText;
  /** Absent, it is a 400 (no default). */
  required?: boolean;
  /** The value the text stands for, or `undefined` when it breaks the schema. */
  read: (text: string) => T | undefined;
}

/** A date or date-time (`2025-01-31`, `2025-01-31T08:00:00Z`). */
export const DATE_QUERY =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** A date-time with its zone (`2026-11-30T00:00:00Z`). */
const TIME_QUERY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Text that matches `pattern` (its source is the schema's), read as it is. */
export function matching(
  pattern: RegExp,
  allowed: LocalizedText,
  required = false,
): QueryParameter<string> {
  return {
    schema: { type: 'string', pattern: pattern.source },
    allowed,
    ...(required ? { required } : {}),
    read: (text) => (pattern.test(text) ? text : undefined),
  };
}

/** A number of `type` in `[minimum, maximum]` whose text matches `written`. */
function numberIn(
  type: 'integer' | 'number',
  written: RegExp,
  [minimum, maximum]: [number, number],
  allowed: LocalizedText,
): QueryParameter<number> {
  const schema = { type, minimum, maximum };
  const check = compileSchema(schema);
  return {
    schema,
    allowed,
    read: (text) => {
      const value = written.test(text) ? Number(text) : NaN;
      return check(value) ? value : undefined;
    },
  };
}

/** A whole number in `[minimum, maximum]`, written in decimal digits. */
export const wholeNumber = (minimum: number, maximum: number) =>
  numberIn('integer', /^-?\d{1,16}$/, [minimum, maximum], {
    zh: `${minimum} 到 ${maximum} 之间的整数`,
    en: `a whole number from ${minimum} to ${maximum}`,
  });

/** A number in `[minimum, maximum]` (`0.8`, `.8`, `20`). */
export const numberBetween = (minimum: number, maximum: number) =>
  numberIn('number', /^-?(\d{1,16}(\.\d{1,16})?|\.\d{1,16})$/, [minimum, maximum], {
    zh: `${minimum} 到 ${maximum} 之间的数`,
    en: `a number from ${minimum} to ${maximum}`,
  });

/** One of `values`. */
export function oneOf<const V extends string>(values: readonly V[]): QueryParameter<V> {
  return {
    schema: { type: 'string', enum: [...values] },
    allowed: { zh: `其中之一：${values.join('、')}`, en: `one of ${values.join(', ')}` },
    read: (text) => values.find((value) => value === text),
  };
}

/** A real calendar day written `YYYY-MM-DD`, read as it is. */
export const day: QueryParameter<string> = {
  schema: { type: 'string', format: 'date' },
  allowed: {
    zh: 'YYYY-MM-DD 格式、真实存在的日期',
    en: 'a real date written YYYY-MM-DD',
  },
  read: (text) => (isDate(text) ? text : undefined),
};

/** A time matching `pattern` on a real calendar day, read as a `Date`. */
function pointInTime(pattern: RegExp, allowed: LocalizedText): QueryParameter<Date> {
  return {
    schema: { type: 'string', pattern: pattern.source },
    allowed,
    read: (text) => {
      const time = pattern.test(text) && isDate(text.slice(0, 10)) ? new Date(text) : undefined;
      return time && !Number.isNaN(time.getTime()) ? time : undefined;
    },
  };
}

/** A date or a date-time with its zone, read as a `Date`. */
export const dateOrTime = pointInTime(DATE_QUERY, {
  zh: '日期或带时区的时间，例如 2026-01-31 或 2026-01-31T08:00:00Z',
  en: 'a date or a time with its zone, e.g. 2026-01-31 or 2026-01-31T08:00:00Z',
});

/** An ISO 8601 time with its zone, read as a `Date`. */
export const isoTime = pointInTime(TIME_QUERY, {
  zh: '带时区的 ISO 8601 时间，例如 2026-11-30T00:00:00Z',
  en: 'an ISO 8601 time with its zone, e.g. 2026-11-30T00:00:00Z',
});
