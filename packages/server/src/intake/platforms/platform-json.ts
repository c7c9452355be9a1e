import { isSafeNumber, parse } from 'lossless-json';
import type { ValidateFunction } from 'ajv';
import { schemaProblems, type SchemaProblem } from '../../json-schema-check.ts';

/**
 * Parses a platform's webhook body keeping big integer ids exact: Shopify ids such as
 * 820982911946154508 exceed 2^53 and would silently change as JS numbers; they become strings.
 */
export function parsePlatformJson(text: string): unknown {
  return parse(text, null, (value) => (isSafeNumber(value) ? Number(value) : value));
}

export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

export const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** A money amount as a number (platforms send "199.00"). */
export const asAmount = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : Number(asText(value));
  return Number.isFinite(number) ? number : undefined;
};

/** Drops undefined fields so the event data stays storable JSON. */
export function compact(data: Json): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    result[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? compact(value as Json)
        : value;
  }
  return result;
}

/** One Xiaoer event made from a platform's message. */
export interface PlatformEvent {
  id: string;
  type: string;
  source: string;
  time: string;
  data: Json;
}

/**
 * What an adapter makes of one webhook: events for the runtime (a split shipment can make
 * several), a reason to ignore it (answered 200), or the problems of a malformed body of a
 * topic Xiaoer uses (answered 400, located by JSON pointers).
 */
export type Translation =
  { events: PlatformEvent[] } | { ignored: string } | { invalid: SchemaProblem[] };

/** Checks a payload against a topic's schema; the problems, or none. */
export function payloadProblems(validate: ValidateFunction, payload: unknown): SchemaProblem[] {
  return validate(payload) ? [] : schemaProblems(validate.errors);
}

/** A JSON Schema for an id that is a number, or a string when too big for one. */
export const idSchema = { type: ['integer', 'string'], minLength: 1 } as const;
