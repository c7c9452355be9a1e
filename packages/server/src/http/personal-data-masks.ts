import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * How a customer's phone number, email, name and address read for a console role that does not
 * work with customers (PIPL's minimum necessary access): enough to tell records apart, not
 * enough to reach the person. Pure functions on strings; `customer-data-view.ts` says where
 * they apply.
 */

/** `13900000000` → `139****0000`: the first 3 and last 4 digits of 10 or more; fewer, less. */
function maskDigits(digits: string): string {
  const n = digits.length;
  if (n >= 10) return `${digits.slice(0, 3)}${'*'.repeat(n - 7)}${digits.slice(-4)}`;
  if (n >= 7) return `${'*'.repeat(n - 4)}${digits.slice(-4)}`;
  return '*'.repeat(Math.max(n, 3));
}

/**
 * A phone number in any format, masked: `+86 138-0013-8000` → `+86 138****8000`,
 * `+1 212 555 0123` → `+1 212***0123`, `13800138000` → `138****8000`. The country calling
 * code stays; the national number keeps its first 3 and last 4 digits (10 digits or more).
 */
export function maskPhone(phone: string): string {
  const text = phone.trim().replace(/^00(?=[1-9])/, '+');
  const parsed = text.startsWith('+') ? parsePhoneNumberFromString(text) : undefined;
  if (parsed) return `+${parsed.countryCallingCode} ${maskDigits(parsed.nationalNumber)}`;
  const digits = text.replace(/\D/g, '');
  return `${text.startsWith('+') ? '+' : ''}${maskDigits(digits)}`;
}

/** `alice@example.com` → `a***@example.com`; something that is not an email → `***`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.trim().charAt(0)}***${email.slice(at)}`;
}

const CJK = /^[\u3400-\u9fff]/;

/** `张三` → `张*`, `欧阳娜娜` → `欧***`, `John Smith` → `J***`; one character → `*`. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length ? '*' : '';
  return CJK.test(name.trim()) ? `${chars[0]}${'*'.repeat(chars.length - 1)}` : `${chars[0]}***`;
}

/** A mainland address's province and city at its start (either may be missing). */
const REGION =
  /^\s*((?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,5}?自治区|(?:香港|澳门)特别行政区)?(?:[\u4e00-\u9fff]{2,4}?市|[\u4e00-\u9fff]{2,9}?(?:自治州|地区|盟))?)/;

/**
 * A mainland address keeps its province and city: `广东省深圳市南山区科技园 1 号` →
 * `广东省深圳市***`, `上海市浦东新区世纪大道 100 号` → `上海市***`. One that does not start
 * with a province or city (a Latin address) cannot be cut safely: `***`.
 */
export function maskAddress(address: string): string {
  const region = REGION.exec(address)?.[1] ?? '';
  if (!region) return address.trim() ? '***' : '';
  const rest = address.trim().slice(region.length).trim();
  return rest ? `${region}***` : region;
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * Phone numbers in free text: with a country code (`+44 20 7946 0958`, `+8613800138000`,
 * `0086 138…`), a mainland mobile (`1[3-9]` and 9 digits, in groups `138 0013 8000` or
 * `138-0013-8000`) or a landline with its area code and a dash (`021-12345678`). A run that
 * touches letters, digits, `-` or `_` is part of something else (`NT-13800138000`, a 12- or
 * 20-digit order id): left alone, as other bare digit runs are, so order ids stay readable.
 */
const PHONE_IN_TEXT =
  /(?<![\w+-])(?:(?:\+\d{1,3}|0086)(?:[ -]?\d){7,14}|1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}-\d{7,8})(?![\w-])/g;
/** Words right before a number that make it an order or parcel number, not a phone. */
const ORDER_CONTEXT =
  /(?:订单|单号|运单|快递|order|tracking|parcel)\s*(?:号|编号|号码|number|no\.?|id)?\s*(?:是|为|is|:|：|#)?\s*$/i;

/** Free text with its phone numbers and emails masked; the rest (order numbers too) as it is. */
export function maskContactsInText(text: string): string {
  return text
    .replace(EMAIL_IN_TEXT, (email) => maskEmail(email))
    .replace(PHONE_IN_TEXT, (phone, offset: number, whole: string) =>
      ORDER_CONTEXT.test(whole.slice(Math.max(0, offset - 16), offset)) ? phone : maskPhone(phone),
    );
}
