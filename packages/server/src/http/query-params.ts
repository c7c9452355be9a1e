import type { Request } from 'express';
import { ApiError } from './api-error.ts';

/** A date or date-time query parameter (`2025-01-31`, `2025-01-31T08:00:00Z`). */
export const DATE_QUERY =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The query parameters named in `patterns`, each checked (those in `dates` must also be real
 * dates); 400 naming the first bad one.
 */
export function readQuery<K extends string>(
  request: Request,
  patterns: Record<K, RegExp>,
  dates: readonly NoInfer<K>[] = [],
): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const name of Object.keys(patterns) as K[]) {
    const value = request.query[name];
    if (value === undefined) continue;
    if (
      typeof value !== 'string' ||
      !patterns[name].test(value) ||
      (dates.includes(name) && Number.isNaN(Date.parse(value)))
    )
      throw new ApiError(400, 'invalid-filter', {
        zh: `参数 "${name}" 不合法。`,
        en: `The parameter "${name}" is invalid.`,
      });
    values[name] = value;
  }
  return values;
}
