import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { asText } from './platform-json.ts';

/** Countries and regions whose customers are written to in Chinese by default. */
const CHINESE_SPEAKING = new Set(['CN', 'TW', 'HK', 'MO']);

/**
 * A phone number as a channel can dial it: E.164 (`+8613800138000`) when it parses as a possible
 * number for the address's country, else undefined, so a send chooses another channel instead
 * of texting `555-555-SHIP` or `""`.
 */
export function normalisePhone(raw: unknown, country?: string): string | undefined {
  const text = asText(raw)?.trim();
  if (!text) return undefined;
  const region = country?.toUpperCase() as CountryCode | undefined;
  const phone = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  return phone?.isPossible() ? phone.number : undefined;
}

/** An email address trimmed and lower-cased, or undefined when it is not one. */
export function normaliseEmail(raw: unknown): string | undefined {
  const text = asText(raw)?.trim().toLowerCase();
  return text && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : undefined;
}

/**
 * The language to write to the customer in: the shop's locale for them (`zh-CN`, `en`) when
 * known, else the country of their address; English when neither says.
 */
export function languageOf(locale: unknown, country: unknown): 'zh' | 'en' {
  const code = asText(locale)?.toLowerCase();
  if (code) return code.startsWith('zh') ? 'zh' : 'en';
  const region = asText(country)?.toUpperCase();
  return region && CHINESE_SPEAKING.has(region) ? 'zh' : 'en';
}

/** The first value that is present. */
export const firstOf = <T>(...values: (T | undefined)[]): T | undefined =>
  values.find((value) => value !== undefined);
