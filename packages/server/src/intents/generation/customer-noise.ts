import type { MessageLanguage } from '../message-language.ts';

/**
 * Makes a clean generated message read like one a customer typed: typos and homophones,
 * pinyin abbreviations (tk = 退款), text-speak (pls, u, thx), emoji, dropped punctuation,
 * a lead-in sentence before the question, and English mixed into Chinese or the other way.
 * Each change is drawn with its own probability from the seeded generator.
 */
interface Swap {
  from: string;
  to: string[];
}

const ZH_SWAPS: Swap[] = [
  { from: '退款', to: ['tk', '推款', '退欵', 'refund'] },
  { from: '快递', to: ['kd', '快第', '块递'] },
  { from: '发票', to: ['fp', '发漂', 'invoice'] },
  { from: '订单', to: ['dd', '定单', 'order'] },
  { from: '物流', to: ['wl', '勿流'] },
  { from: '客服', to: ['kf'] },
  { from: '人工', to: ['rg', '真人'] },
  { from: '优惠券', to: ['yhq', '优惠卷', 'coupon', '券'] },
  { from: '售后', to: ['sh'] },
  { from: '发货', to: ['fh', '发火'] },
  { from: '什么', to: ['啥', '神马', 'sm'] },
  { from: '怎么', to: ['咋', '怎末', 'zm'] },
  { from: '没有', to: ['木有', '没'] },
  { from: '收到', to: ['收倒'] },
  { from: '地址', to: ['地止', 'dz'] },
  { from: '尺码', to: ['尺吗', 'size'] },
  { from: '谢谢', to: ['xx', '3q', '谢啦', 'thx'] },
  { from: '你好', to: ['nh', '泥嚎', 'hi'] },
  { from: '可以', to: ['可以吗', 'ok吗', 'kyi'] },
  { from: '退货', to: ['th', '退huo'] },
  { from: '换货', to: ['hh', '换huo'] },
  { from: '价格', to: ['价钱', 'price'] },
];

const EN_SWAPS: Swap[] = [
  { from: 'please', to: ['pls', 'plz', 'pleas'] },
  { from: 'you', to: ['u'] },
  { from: 'your', to: ['ur', 'youre'] },
  { from: 'thanks', to: ['thx', 'ty', 'thanx'] },
  { from: 'thank you', to: ['ty', 'thank u'] },
  { from: 'refund', to: ['refnd', 'refound', 'refun'] },
  { from: 'package', to: ['pakage', 'pkg', 'packge'] },
  { from: 'address', to: ['adress', 'addr'] },
  { from: 'receipt', to: ['reciept', 'rcpt'] },
  { from: 'received', to: ['recieved', 'got'] },
  { from: 'order', to: ['ordr', 'oder'] },
  { from: 'account', to: ['acct', 'acount'] },
  { from: 'because', to: ['bc', 'cuz'] },
  { from: 'want to', to: ['wanna'] },
  { from: 'going to', to: ['gonna'] },
  { from: "don't", to: ['dont'] },
  { from: "can't", to: ['cant', 'cannot'] },
  { from: 'delivery', to: ['delivry', 'delievery'] },
  { from: 'exchange', to: ['exchnage', 'swap'] },
  { from: 'warranty', to: ['waranty', 'guarantee'] },
];

const EMOJI = ['😡', '😭', '🙏', '😂', '😅', '👍', '🤔', '😤', '❤️', '💢', '😊', '🥲'];
const ZH_LEAD = ['我跟你说，', '是这样的，', '我想问一下，', '麻烦看下，', '急！', '打扰了，'];
const EN_LEAD = ['quick question: ', 'so, ', 'hey so ', 'ok so ', 'sorry to bother you, ', 'um '];
const ZH_MIX = ['亲 ', 'hello ', '客服 ', 'hi, '];
const EN_MIX = ['亲, ', '你好 ', ''];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function swapWords(text: string, swaps: readonly Swap[], random: () => number, rate: number) {
  let out = text;
  for (const swap of swaps) {
    if (out.includes(swap.from) && random() < rate)
      out = out.replace(swap.from, pick(swap.to, random));
  }
  return out;
}

/** One Latin-letter typo: a dropped, doubled or swapped letter in a word of five or more. */
function letterTypo(text: string, random: () => number): string {
  const words = [...text.matchAll(/[a-z]{5,}/g)];
  if (words.length === 0) return text;
  const word = pick(words, random);
  const at = 1 + Math.floor(random() * (word[0].length - 2));
  const chars = [...word[0]];
  const kind = random();
  if (kind < 0.4) chars.splice(at, 1);
  else if (kind < 0.7) chars.splice(at, 0, chars[at] as string);
  else [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
  return text.slice(0, word.index) + chars.join('') + text.slice(word.index + word[0].length);
}

/** The message as a customer might type it; `level` 0 leaves it clean, 1 roughens a lot. */
export function roughen(
  text: string,
  language: MessageLanguage,
  random: () => number,
  level = 0.5,
): string {
  let out = text;
  const chance = (p: number) => random() < p * level * 2;
  if (language === 'zh') {
    out = swapWords(out, ZH_SWAPS, random, 0.25 * level * 2);
    if (chance(0.12)) out = pick(ZH_LEAD, random) + out;
    if (chance(0.06)) out = pick(ZH_MIX, random) + out;
    if (chance(0.2)) out = out.replace(/[，。？！,.?!]/g, ' ').trim();
  } else {
    out = swapWords(out.toLowerCase(), EN_SWAPS, random, 0.2 * level * 2);
    if (chance(0.25)) out = letterTypo(out, random);
    if (chance(0.12)) out = pick(EN_LEAD, random) + out;
    if (chance(0.04)) out = pick(EN_MIX, random) + out;
    if (chance(0.25)) out = out.replace(/[.?!,]/g, '');
    if (chance(0.1)) out = out.toUpperCase();
  }
  if (chance(0.15)) out += ` ${pick(EMOJI, random)}`;
  if (chance(0.05)) out = `${pick(EMOJI, random)}${out}`;
  return out.replace(/\s+/g, ' ').trim();
}
