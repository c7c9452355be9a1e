import { isSafeNumber, parse } from 'lossless-json';

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

/** What an adapter makes of one webhook: an event for the runtime, or a reason to ignore it. */
export type Translation =
  | { event: { id: string; type: string; source: string; time: string; data: Json } }
  | { ignored: string };
