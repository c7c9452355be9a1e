import { isSocialConcept, messageConcepts } from '../intents/customer-concepts.ts';
import { expandShorthand } from '../intents/customer-shorthand.ts';
import { normalizeMessage } from '../intents/text-features.ts';
import { readSynonyms } from './shop-synonyms.ts';

/** Marks a concept term (`~refund`): not a word, so never matched by spelling. */
const CONCEPT = '~';

/**
 * Splits text into search terms for Chinese and English alike: latin words and numbers are
 * lowercased whole words; a run of CJK characters (written without spaces) gives every
 * character and every pair of neighbours, so "多久能发货" shares "发货" and "多久" with
 * "发货要多久" without a word list. Function characters (的, 吗, 能…) are dropped, alone and in
 * pairs; English words lose common suffixes (ships, shipping → ship). What the text speaks
 * of adds a concept term (`~refund` for refund, money back, 退钱, compensation …; see
 * `intents/customer-concepts.ts`; greetings and thanks are chatter, and the broadest concepts
 * say nothing, so neither is a term), so a question and an article meet when their words differ.
 * Shorthand is spelled out first, as the intent model reads it (tk as 退款, th as 退货, xx as 谢谢,
 * refnd as refund; `intents/customer-shorthand.ts`), then shop synonyms are read as one word
 * (质保 as 保修, voucher as coupon; `shop-synonyms.ts`).
 *
 * @example
 * tokenize('How long 能发货?') // ['long', '发', '货', '发货']
 */
export function tokenize(text: string): string[] {
  return readText(text).terms;
}

/**
 * The search terms of a text ({@link tokenize}) and whether it is small talk or abuse that
 * speaks of no shop matter (你叫什么名字, 垃圾客服, are you a robot): by the customer concepts,
 * not by its words, which are read once for both.
 */
export function readText(text: string): { terms: string[]; socialTalk: boolean } {
  const terms: string[] = [];
  const content = readSynonyms(
    inChinese(expandShorthand(text.normalize('NFKC').toLowerCase())).replace(CHATTER, ' '),
  );
  for (const match of content.matchAll(WORD)) {
    const run = match[0];
    if (!CJK.test(run)) {
      if (!STOP_WORDS.has(run)) terms.push(stem(run));
      continue;
    }
    const chars = [...run];
    chars.forEach((char, i) => {
      if (CJK_STOP.has(char)) return;
      terms.push(char);
      const next = chars[i + 1];
      if (next !== undefined && !CJK_STOP.has(next)) terms.push(char + next);
    });
  }
  const concepts = messageConcepts(normalizeMessage(text));
  for (const concept of concepts)
    if (!GENERIC_CONCEPTS.has(concept) && !isSocialConcept(concept)) terms.push(CONCEPT + concept);
  const socialTalk =
    !concepts.includes('biz') && (concepts.includes('smallTalk') || concepts.includes('abuse'));
  return { terms, socialTalk };
}

/**
 * Concepts too broad to tell articles apart: `biz` (any shop matter), `order` (订单, order,
 * purchase) and `when` (多久, how long, ship…), which nearly every question has.
 */
const GENERIC_CONCEPTS = new Set(['biz', 'order', 'when']);

/** True for a concept term (`~refund`), which only ever matches itself. */
export const isConceptTerm = (term: string): boolean => term.startsWith(CONCEPT);

/** Strips plural and -ing/-ed endings so that typo-tolerant matching has less to bridge. */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const ending = /(?:ing|ed)$/.exec(word);
  if (ending && word.length - ending[0].length >= 3) {
    const rest = word.slice(0, -ending[0].length);
    return /([^aeiouls])\1$/.test(rest) ? rest.slice(0, -1) : rest;
  }
  return word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

/** True for a term of CJK characters (fuzzy and prefix matching make no sense there). */
export const isCjkTerm = (term: string): boolean => CJK.test(term);

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A run of CJK characters, or a Latin (or other script's) word or number: "7天" is 7 and 天. */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+(?:['’][\p{L}]+)?/gu;

/**
 * Chatter around a question: greetings, thanks and politeness (你好, 在吗, 亲, 麻烦了, 谢谢,
 * 请问 …). They say nothing about which article answers, and a question wrapped in them
 * scored lower than the bare question; cut out (as a separator), a question that is nothing
 * but chatter has no terms and finds nothing.
 */
const CHATTER = new RegExp(
  [
    '客服你好',
    '(?:你|您)好(?:呀|啊)?',
    '在(?:吗|么|不在)',
    '有人(?:在)?吗',
    '哈喽',
    '亲亲',
    '亲(?=[\\s,，.。!！?？~、]|$)',
    '^亲(?![子自戚人友属手切爱密近情])',
    '老板(?=[\\s,，.。!！?？~、]|$)',
    '掌柜的?',
    '喂(?=[\\s,，.。!！?？~、]|$)',
    '(?:谢谢|多谢|感谢)(?:你|您|亲|啦|了)?',
    '辛苦(?:了|啦)',
    '麻烦(?:你|您)?(?:了|啦|看下|看一下|问下|问一下|帮我看下)',
    '(?:我)?(?:想)?(?:请)?问(?:一)?下',
    '请问',
    '打扰(?:了|一下)',
    '急急急',
    '急(?=[\\s,，.。!！?？~、]|$)',
    '^急(?![件救诊])',
    // 客服 as the one addressed (客服 在吗, 客服，…, 谢谢客服), not as what is asked for.
    '^客服(?=[\\s,，.。!！?？~、]|在|$)',
    '(?<=谢谢|多谢|感谢)客服',
    '是这样的',
    // Question frames: "do you support / whether …" say nothing of what is asked.
    '支持',
    '是否',
  ].join('|'),
  'gu',
);

/**
 * English shop words inside a Chinese message (查一下refund状态, 在哪查order, 这个size偏小吗),
 * read as the Chinese word: a Chinese question is scored against the Chinese phrasings of an
 * article (`knowledge-index.ts`), which say 退款, not refund.
 */
const MIXED: Readonly<Record<string, string>> = {
  refund: '退款',
  refunds: '退款',
  return: '退货',
  exchange: '换货',
  order: '订单',
  orders: '订单',
  invoice: '发票',
  receipt: '发票',
  coupon: '优惠券',
  coupons: '优惠券',
  voucher: '优惠券',
  size: '尺码',
  price: '价格',
  address: '地址',
  cancel: '取消',
  tracking: '物流',
  logistics: '物流',
  package: '包裹',
  parcel: '包裹',
  delivery: '配送',
  discount: '优惠',
  warranty: '保修',
  account: '账号',
  password: '密码',
  payment: '付款',
  check: '查',
};
const HAN = /\p{Script=Han}/gu;
const MIXED_WORD = /(?<![a-z])[a-z]+(?![a-z])/g;

/**
 * A message mostly in Chinese (more Chinese characters than English words) has its English
 * shop words read as Chinese ({@link MIXED}); an English one with a 亲 or 你好 in it keeps them.
 */
function inChinese(text: string): string {
  const words = text.match(MIXED_WORD);
  if (!words || (text.match(HAN)?.length ?? 0) <= words.length) return text;
  return text.replace(MIXED_WORD, (word) => MIXED[word] ?? word);
}

/** Words too common to tell questions apart. */
const STOP_WORDS = new Set(
  'a an the is are am be was were do does did have has had i me my you your we our it its to of in on at by for from with and or so can could would will please hi hello what how this that there any just get got'.split(
    ' ',
  ),
);
/** Function characters: they tell questions apart neither alone nor in a pair. */
const CJK_STOP = new Set([...'的了吗呢吧啊呀嘛么我俺你您是在和请问能可以要想怎个这那哪']);
