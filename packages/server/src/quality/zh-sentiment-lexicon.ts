/**
 * A small Chinese valence lexicon for customer-service chat, on AFINN's scale (−5 … +5) so
 * that its scores add up with the English ones.
 *
 * Why a hand-kept list and not a library: the npm packages for Chinese sentiment either ship a
 * segmenter and a general-purpose dictionary of tens of thousands of words (megabytes, tuned
 * for reviews and news) or are unmaintained. What matters here is a few dozen phrases customers
 * use at the end of a chat, and the polite forms that must not count as negative (“不好意思”,
 * “麻烦您”). Entries are matched longest first, so a longer entry shadows the shorter ones it
 * contains: “不好意思” (0) wins over “不好” (−2), “不满意” (−3) over “满意” (+2).
 *
 * Single characters are avoided on purpose: “差” is also 差价 (price difference), “烦” is
 * also 麻烦您 (would you kindly).
 */
export const ZH_LEXICON: Readonly<Record<string, number>> = {
  // Anger, contempt, accusations.
  垃圾: -4,
  骗子: -4,
  欺骗: -4,
  坑人: -4,
  受够: -4,
  愤怒: -4,
  气死: -4,
  生气: -3,
  恶心: -3,
  离谱: -3,
  坑爹: -3,
  // Disappointment and dissatisfaction.
  失望: -3,
  不满意: -3,
  不满: -3,
  差评: -3,
  太差: -3,
  很差: -3,
  差劲: -3,
  糟糕: -3,
  敷衍: -3,
  不靠谱: -3,
  崩溃: -3,
  再也不: -3,
  烦死: -3,
  无语: -2,
  过分: -2,
  后悔: -2,
  郁闷: -2,
  难受: -2,
  太慢: -2,
  太麻烦: -2,
  没用: -2,
  不行: -2,
  不好: -2,
  不会再: -2,
  没解决: -2,
  没有解决: -2,
  投诉: -2,
  算了: -1,
  // Polite forms that contain a negative-looking part: neutral.
  不好意思: 0,
  麻烦: 0,
  没关系: 1,
  // Thanks and satisfaction.
  太好了: 3,
  好评: 3,
  完美: 3,
  很满意: 3,
  感激: 3,
  谢谢: 2,
  感谢: 2,
  多谢: 2,
  辛苦了: 2,
  满意: 2,
  不错: 2,
  给力: 2,
  解决了: 2,
  开心: 2,
  高兴: 2,
  专业: 2,
  耐心: 2,
  点赞: 2,
  好的: 1,
  没问题: 1,
  可以了: 1,
};

/** Words that turn the valence of what follows them (within a few characters) around. */
export const ZH_NEGATORS: readonly string[] = ['不', '没', '别', '未', '无'];

/** How many characters before a word a negator still counts (“不是很满意”). */
export const NEGATION_REACH = 3;
