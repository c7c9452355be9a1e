/** A sum of money a customer names. */
export interface MoneyAmount {
  value: number;
  currency: 'CNY' | 'USD' | 'EUR' | 'GBP';
  /** The words it was written as, e.g. `¥99.5` or `30块`. */
  text: string;
}

const SYMBOLS: Record<string, MoneyAmount['currency']> = {
  '¥': 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  $: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
};
const SUFFIXES: Record<string, MoneyAmount['currency']> = {
  元: 'CNY',
  块: 'CNY',
  块钱: 'CNY',
  元钱: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  dollars: 'USD',
  dollar: 'USD',
  usd: 'USD',
  euros: 'EUR',
  pounds: 'GBP',
};

const NUMBER = String.raw`\d{1,9}(?:,\d{3})*(?:\.\d{1,2})?`;
const BEFORE = new RegExp(
  String.raw`(¥|\$|€|£|\b(?:rmb|cny|usd|eur|gbp))\s?(${NUMBER})(?![\d.])`,
  'giu',
);
const AFTER = new RegExp(
  String.raw`(?<![\d.A-Za-z])(${NUMBER})\s?(块钱|元钱|元|块|(?:rmb|yuan|dollars?|usd|euros|pounds)\b)`,
  'giu',
);

/**
 * The amounts of money in a message, by a currency sign or word before the number
 * (`¥99`, `$12.50`, `RMB 300`) or after it (`30块`, `99元`, `20 dollars`). A bare number is
 * not an amount: "满300减50" names no currency.
 *
 * @example
 * findAmounts('多扣了¥12.5 还有30块运费')
 * // [{ value: 12.5, currency: 'CNY', text: '¥12.5' }, { value: 30, currency: 'CNY', text: '30块' }]
 */
export function findAmounts(text: string): MoneyAmount[] {
  const found: { at: number; amount: MoneyAmount }[] = [];
  const value = (number: string) => Number(number.replaceAll(',', ''));
  for (const match of text.matchAll(BEFORE)) {
    const currency = SYMBOLS[(match[1] ?? '').toLowerCase()] ?? 'CNY';
    found.push({
      at: match.index,
      amount: { value: value(match[2] ?? ''), currency, text: match[0] },
    });
  }
  for (const match of text.matchAll(AFTER)) {
    const currency = SUFFIXES[(match[2] ?? '').toLowerCase()] ?? 'CNY';
    found.push({
      at: match.index,
      amount: { value: value(match[1] ?? ''), currency, text: match[0] },
    });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.amount);
}
