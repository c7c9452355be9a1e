import { findChineseAddresses, type ChineseAddress } from './chinese-address.ts';
import { findAmounts, type MoneyAmount } from './message-amounts.ts';
import { findDates, type MentionedDate } from './message-dates.ts';

/** A tracking number and the carrier its shape belongs to (`unknown`: only its context says so). */
export interface TrackingNumber {
  number: string;
  carrier: 'SF' | 'YTO' | 'JD' | 'J&T' | 'UPU' | 'unknown';
}

/** What a customer message names, to look up in the shop's systems or fill a journey's form. */
export interface MessageEntities {
  orderNumbers: string[];
  /** Mainland China mobile numbers, as 11 digits. */
  phoneNumbers: string[];
  trackingNumbers: TrackingNumber[];
  amounts: MoneyAmount[];
  dates: MentionedDate[];
  addresses: ChineseAddress[];
}

export interface EntityPatterns {
  /** The day relative dates (明天, yesterday) are read against (default: now). */
  now?: Date;
  /**
   * The shop's order numbers (global flag added if missing). The default takes one to three
   * letters followed by 4–12 digits (A10023, XE2024001) or 10–20 digits (2024112300123;
   * Taobao's 19-digit numbers).
   */
  orderNumber?: RegExp;
}

/** The default order number shape; see {@link EntityPatterns.orderNumber}. */
export const DEFAULT_ORDER_NUMBER =
  /(?<![A-Za-z0-9])(?:[A-Za-z]{1,3}\d{4,12}|\d{10,20})(?![A-Za-z0-9])/g;

/** Mainland mobile numbers: optional +86/0086, 1[3-9] and 9 more digits, spaces or dashes allowed. */
const PHONE = /(?<![\d+])(?:(?:\+|00)?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/g;

/**
 * Tracking numbers by carrier prefix: SF Express `SF` + 12–15 digits, YTO `YT` + 13–15 digits,
 * JD Logistics `JD` + 11–18 letters or digits, J&T `JT` + 13 digits, and UPU postal ids
 * (EMS, China Post: `EA123456789CN`).
 */
const PREFIXED_TRACKING: readonly [RegExp, TrackingNumber['carrier']][] = [
  [/(?<![A-Za-z0-9])SF\d{12,15}(?![A-Za-z0-9])/gi, 'SF'],
  [/(?<![A-Za-z0-9])YT\d{13,15}(?![A-Za-z0-9])/gi, 'YTO'],
  [/(?<![A-Za-z0-9])JD[A-Z0-9]{11,18}(?![A-Za-z0-9])/gi, 'JD'],
  [/(?<![A-Za-z0-9])JT\d{13}(?![A-Za-z0-9])/gi, 'J&T'],
  [/(?<![A-Za-z0-9])[A-Z]{2}\d{9}[A-Z]{2}(?![A-Za-z0-9])/g, 'UPU'],
];

/**
 * ZTO, STO, Yunda and others use 12–15 plain digits, which look like order numbers: they
 * count as tracking numbers only right after a word that says so (运单号, 快递单号, 中通,
 * tracking number …). A plain "单号" is not such a word: 订单号 ends with it.
 */
const CONTEXT_TRACKING =
  /(?:快递单号|运单号|物流单号|快递号|中通|申通|韵达|圆通|百世|极兔|邮政|tracking(?:\s*(?:number|no\.?|#))?|waybill|zto|sto)[^\dA-Za-z]{0,6}(\d{12,15})(?!\d)/gi;

/**
 * Words that make the number right after them an order number, even when it has the shape of
 * a mobile number (11 digits starting 1[3-9], which some shops use for orders).
 */
const ORDER_CONTEXT =
  /(?:订单号|订单编号|订单|单号|order(?:\s*(?:number|no\.?|id|#))?|#)[^\dA-Za-z]{0,4}$/i;

/** Words right after a mobile-shaped number that make it an order number (…这个订单). */
const ORDER_AFTER =
  /^[^\dA-Za-z]{0,3}(?:这个订单|这笔订单|这一单|这单|那单|的订单|订单|is my order|order\b)/i;

/** Words right before a number that make it a phone number whatever follows. */
const PHONE_CONTEXT = /(?:电话|手机|联系方式|号码|tel|phone|mobile|call)[^\dA-Za-z]{0,4}$/i;

function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
}

/** Replaces a found span with spaces, so later patterns do not find it again. */
function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + ' '.repeat(length) + text.slice(start + length);
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/**
 * Finds order, phone and tracking numbers, amounts, dates and addresses in a message.
 * Tracking numbers are taken first, then phone numbers, then order numbers from what is left,
 * so one number is one entity. A number shaped like a mobile number right after 订单号 or
 * "order", or right before 这个订单 / "is my order" (with no 电话/phone before it), is an
 * order number.
 *
 * @example
 * extractEntities('我的快递到哪了 订单号 A10023').orderNumbers // ['A10023']
 */
export function extractEntities(text: string, patterns: EntityPatterns = {}): MessageEntities {
  let rest = text.normalize('NFKC');
  const trackingNumbers: TrackingNumber[] = [];
  for (const [pattern, carrier] of PREFIXED_TRACKING) {
    for (const match of rest.matchAll(pattern)) {
      trackingNumbers.push({ number: match[0].toUpperCase(), carrier });
      rest = blank(rest, match.index, match[0].length);
    }
  }
  for (const match of rest.matchAll(CONTEXT_TRACKING)) {
    const digits = match[1] ?? '';
    trackingNumbers.push({ number: digits, carrier: 'unknown' });
    rest = blank(rest, match.index + match[0].length - digits.length, digits.length);
  }
  const phoneNumbers: string[] = [];
  const contextOrders: { at: number; number: string }[] = [];
  for (const match of rest.matchAll(PHONE)) {
    const digits = (match[1] ?? '').replace(/[\s-]/g, '');
    const before = rest.slice(Math.max(0, match.index - 20), match.index);
    const after = rest.slice(match.index + match[0].length, match.index + match[0].length + 16);
    const orderByContext =
      ORDER_CONTEXT.test(before) || (!PHONE_CONTEXT.test(before) && ORDER_AFTER.test(after));
    if (orderByContext && /^\d{11}$/.test(match[0])) {
      contextOrders.push({ at: match.index, number: digits });
    } else phoneNumbers.push(digits);
    rest = blank(rest, match.index, match[0].length);
  }
  const orderPattern = globalCopy(patterns.orderNumber ?? DEFAULT_ORDER_NUMBER);
  const orderNumbers = [
    ...contextOrders,
    ...[...rest.matchAll(orderPattern)].map((match) => ({
      at: match.index,
      number: match[0].toUpperCase(),
    })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((order) => order.number);
  return {
    orderNumbers: unique(orderNumbers, (n) => n),
    phoneNumbers: unique(phoneNumbers, (n) => n),
    trackingNumbers: unique(trackingNumbers, (t) => t.number),
    amounts: findAmounts(text.normalize('NFKC')),
    dates: findDates(text.normalize('NFKC'), patterns.now),
    addresses: findChineseAddresses(text.normalize('NFKC')),
  };
}
