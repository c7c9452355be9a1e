/**
 * Words shop customers use for the same thing, each group read as its first word before the
 * knowledge index takes a question's terms: 质保 and 保修, 快递 and 物流, 漏发 and 少发,
 * "voucher" and "coupon". A question and an FAQ article that say one thing in two words then
 * share that word's characters and weight, which the broader concepts
 * (`intents/customer-concepts.ts`, one term per topic such as `~refund`) cannot give: those
 * tell topics apart, these tell paraphrases. Written by hand for Xiaoer from the trade's
 * vocabulary (issue 20); an article's own `synonyms` add phrasings for one article.
 *
 * Chinese phrases match anywhere, longest first (so 修改 is not read as 维修 + 改); English
 * ones match whole words. A group's first entry is what the others become.
 */
const ZH_GROUPS: readonly (readonly string[])[] = [
  ['多久', '多长时间', '多少天', '几天', '多快', '什么时候', '啥时候', '何时', '多少时间'],
  ['怎么', '咋', '怎样', '如何', '怎么样', '怎末', '肿么'],
  ['什么', '啥', '哪些', '神马'],
  ['发货', '发出', '寄出', '出库', '发件', '发走', '寄走', '发火'],
  // Carriers stand for the carrier question (发的是顺丰还是中通 / 默认发什么快递).
  [
    '物流',
    '快递',
    '包裹',
    '运输',
    '顺丰',
    '中通',
    '圆通',
    '申通',
    '韵达',
    '极兔',
    '邮政',
    'ems',
    '块递',
    '快第',
    '勿流',
  ],
  ['运单号', '快递单号', '物流单号', '单号'],
  ['订单号', '订单编号'],
  ['运费', '邮费', '快递费', '包邮', '免运费', '配送费'],
  ['修改', '更改', '改一下', '改下', '改成', '改'],
  ['地址', '收货地址', '收件地址', '收货地', '地止'],
  ['取消', '撤销', '撤单', '退单', '不要这单', '撤掉', '作废'],
  ['退货', '退回去', '寄回', '退掉', '退回', '退huo'],
  ['退款', '推款', '退欵'],
  ['没有', '木有', '米有'],
  ['收到', '收倒'],
  ['换货', '调换', '换huo'],
  ['尺码', '码数', '码子', '尺寸', '大小', '尺吗'],
  ['颜色', '色号', '配色'],
  ['保修', '质保', '保固'],
  ['维修', '修理', '返修', '报修', '修'],
  ['正品', '真品', '保真', '原装', '行货', '假货', '假的', '仿品', '高仿', '山寨'],
  ['赠品', '小礼物', '赠送', '买一送一', '送什么', '送啥', '附赠'],
  ['优惠券', '代金券', '满减券', '折扣码', '红包', '券', '优惠卷'],
  ['库存', '有货', '现货', '缺货', '断货', '卖完', '售罄', '补货', '没货'],
  ['人工', '真人', '人工客服', '活人', '客服人员'],
  ['评价', '评论', '晒单', '追评', '好评', '点评'],
  ['自提', '自取', '自己去取', '自己去拿', '到店取', '门店取', '提货', '店里拿', '去店里'],
  ['国外', '海外', '国际', '境外'],
  ['保质期', '有效期', '过期', '生产日期', '能放多久', '放多久'],
  ['孕妇', '怀孕', '孕期', '孕妈', '哺乳期', '准妈妈'],
  ['批发', '团购', '大量', '量大', '批量', '买得多', '多买'],
  ['拒收', '拒签', '不签收'],
  ['签收', '已送达', '显示送达'],
  ['破损', '摔坏', '压坏', '碎了', '裂了', '磕坏', '损坏', '破了', '碎的'],
  ['少发', '漏发', '少了一', '缺件', '少件', '没发全', '少寄'],
  ['发错', '寄错', '发成了', '不是我拍的', '不是我买的'],
  ['付款', '支付', '付钱', '付费', '买单'],
  ['扣款', '扣钱', '扣费', '扣了'],
  ['重复', '两次', '两遍', '多扣'],
  ['手机号', '手机号码', '电话号码'],
  ['会员', 'vip', '会籍'],
  ['面料', '材质', '材料', '布料', '成分', '料子'],
  ['清洗', '机洗', '手洗', '水洗', '洗'],
  ['掉色', '褪色', '染色', '串色'],
  ['安装', '组装', '上门装'],
  ['续航', '电池', '待机'],
  ['充电', '充满'],
  ['包装', '礼盒', '打包'],
  ['商品', '宝贝', '产品', '东西'],
  ['怎么办', '怎么处理', '咋办', '咋整'],
  ['价格', '价钱', '售价'],
  ['发票', '收据', '购物凭证', '小票', '开票', '发漂'],
  ['订单', '定单'],
  ['账号', '账户', '帐号', '帐户', '用户名'],
  ['验证码', '短信码', '校验码', '动态码'],
  ['降价', '变便宜', '便宜了', '价保', '价格保护'],
  ['分期', '分期付款', '分几期'],
  ['投诉', '举报', '维权', '差评'],
];

const EN_GROUPS: readonly (readonly string[])[] = [
  ['how long', 'when', 'how soon', 'how many days', 'how many hours'],
  ['charged', 'billed', 'charge'],
  ['twice', 'two times', 'double'],
  ['fail', 'failed', 'declined', 'payment error', 'rejected', 'refused'],
  ['item', 'product', 'thing'],
  ['ship', 'dispatch', 'dispatched', 'send out', 'sent out', 'leave the warehouse', 'mailed'],
  ['courier', 'carrier', 'delivery company', 'shipping company', 'ups', 'fedex', 'dhl', 'usps'],
  ['package', 'parcel', 'shipment', 'box'],
  ['shipping', 'postage', 'delivery charges', 'delivery fee', 'shipping cost', 'shipping fee'],
  ['return', 'send back', 'send it back', 'sent back', 'mail back'],
  ['exchange', 'swap', 'switch'],
  ['warranty', 'guarantee', 'guaranty'],
  ['repair', 'fixed', 'mend', 'repaired'],
  ['damaged', 'broken', 'cracked', 'smashed', 'shattered', 'crushed', 'defective', 'faulty'],
  ['coupon', 'voucher', 'promo code', 'discount code', 'promo', 'coupon code'],
  ['stock', 'sold out', 'in stock', 'out of stock', 'back in stock'],
  ['colour', 'color'],
  ['human', 'agent', 'person', 'representative', 'staff', 'real person', 'live person'],
  ['complaint', 'complain', 'escalate', 'lodge a complaint'],
  ['material', 'fabric', 'made of'],
  ['wash', 'washable', 'clean', 'washing machine'],
  ['cancel', 'call off', 'cancellation'],
  ['change', 'update', 'edit', 'modify', 'amend'],
  ['price', 'cost', 'cheaper', 'cheap'],
  ['size', 'sizing', 'fit', 'run small', 'run large'],
  ['invoice', 'bill', 'receipt', 'billing statement', 'proof of purchase'],
  ['refund', 'reimbursement', 'reimburse', 'money back', 'restitution', 'compensation', 'rebate'],
  ['account', 'profile', 'user account'],
  ['password', 'passcode', 'login details', 'pin'],
  ['track', 'trace', 'locate'],
];

interface Synonyms {
  pattern: RegExp;
  canonical: Map<string, string>;
}

function compile(groups: readonly (readonly string[])[], wholeWords: boolean): Synonyms {
  const canonical = new Map<string, string>();
  for (const group of groups) for (const word of group) canonical.set(word, group[0] as string);
  const alternatives = [...canonical.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    // A Latin word among the Chinese ones (vip) still matches whole words only.
    .map((word) => (wholeWords || !/^[a-z]+$/.test(word) ? word : `(?<![a-z])${word}(?![a-z])`));
  const body = `(?:${alternatives.join('|')})`;
  return {
    // English words may take a plural s (agents, vouchers).
    pattern: new RegExp(wholeWords ? `(?<![\\p{L}\\p{N}])${body}s?(?![\\p{L}\\p{N}])` : body, 'gu'),
    canonical,
  };
}

const ZH = compile(ZH_GROUPS, false);
const EN = compile(EN_GROUPS, true);

/**
 * The text with every known synonym read as its group's first word. Expects lowercased,
 * NFKC-folded text.
 *
 * @example
 * readSynonyms('质保期多久 my voucher') // '保修期多久 my coupon'
 */
export function readSynonyms(text: string): string {
  const read = (table: Synonyms) => (word: string) =>
    table.canonical.get(word) ?? table.canonical.get(word.slice(0, -1)) ?? word;
  // Twice for Chinese: a typo inside a longer phrase (神马时候) is read as the phrase (什么时候)
  // first, then the phrase as its group's word (多久).
  const zh = (value: string) => value.replace(ZH.pattern, read(ZH));
  return zh(zh(text)).replace(EN.pattern, read(EN));
}
