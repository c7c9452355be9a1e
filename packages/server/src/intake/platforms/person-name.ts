import { asText } from './platform-json.ts';

/** Han characters (Chinese names; Japanese and Korean ones written in them too). */
const HAN = /\p{Script=Han}/u;

/**
 * A person's name from a shop's given and family name fields, written as the customer writes
 * it: a Chinese name family name first and without a space (姓 张 + 名 三 → 张三), any other
 * given name first (John Smith). Undefined when neither is given.
 */
export function personName(given: unknown, family: unknown): string | undefined {
  const first = asText(given)?.trim();
  const last = asText(family)?.trim();
  if (first && last && HAN.test(first) && HAN.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ') || undefined;
}
