/**
 * The shorthand customers type, read as the words it stands for before the model sees the
 * message: pinyin initials in Chinese chats (tk = 退款 refund, fp = 发票 invoice, zrg = 转人工
 * a person please) and English text-speak (pls, u, thx, pkg). Only whole Latin tokens are
 * replaced, so "tk" in "tkt" or an order number stays as it is.
 */
const SHORTHAND: Record<string, string> = {
  // Pinyin initials.
  tk: '退款',
  fp: '发票',
  kd: '快递',
  wl: '物流',
  kf: '客服',
  rg: '人工',
  zrg: '转人工',
  yhq: '优惠券',
  dd: '订单',
  sh: '售后',
  fh: '发货',
  thh: '退换货',
  th: '退货',
  hh: '换货',
  dz: '地址',
  zm: '怎么',
  sm: '什么',
  nh: '你好',
  xx: '谢谢',
  '3q': '谢谢',
  // English text-speak.
  pls: 'please',
  plz: 'please',
  u: 'you',
  ur: 'your',
  thx: 'thanks',
  thanx: 'thanks',
  ty: 'thanks',
  pkg: 'package',
  addr: 'address',
  acct: 'account',
  rcpt: 'receipt',
  wanna: 'want to',
  gonna: 'going to',
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  asap: 'urgent',
  bc: 'because',
  cuz: 'because',
};

const TOKEN = /(?<![a-z0-9'])[a-z0-9]+(?![a-z0-9'])/g;

/** The text with shorthand tokens spelled out; the text must be lowercased already. */
export function expandShorthand(text: string): string {
  return text.replace(TOKEN, (token) => SHORTHAND[token] ?? token);
}
