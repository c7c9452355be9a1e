import { describe, expect, it } from 'vitest';
import { indexOf } from './index-of.testing.ts';

describe('knowledge index scores', () => {
  it("should count a question's words from any of the article's phrasings as evidence", () => {
    // The same phrasings in both indexes (so the same term weights); only whether the second
    // belongs to the returns article differs. The question takes a word from each.
    const question = '地址和运费';
    const together = indexOf({
      returns: ['退货地址在哪里', '退回去的运费谁出'],
      invoice: ['怎么开发票'],
    });
    const apart = indexOf({
      returns: ['退货地址在哪里'],
      postage: ['退回去的运费谁出'],
      invoice: ['怎么开发票'],
    });
    const best = (index: typeof together) =>
      index.find(question, { language: 'zh' })[0] ?? { article: { _id: '' }, score: 0 };
    expect(best(together).article._id).toBe('returns');
    expect(best(together).score).toBeGreaterThan(best(apart).score + 0.01);
    // An exact phrasing still scores 1.
    expect(together.find('退货地址在哪里', { language: 'zh' })[0]?.score).toBe(1);
  });

  it("should rank by the topics a recognizer reads too, lifting only a clear topic's score", () => {
    const articles = {
      refundStatus: ['退款多久到账', '退款进度查一下', '钱什么时候退回来'],
      refund: ['我要退款', '申请退款', '不想要了 把钱退了'],
      invoice: ['怎么开发票'],
    };
    // A stand-in for the intent model: asking after a refund, asking for one, or neither.
    const topics = (text: string) =>
      /动静|到账|进度|什么时候/.test(text)
        ? [
            { intent: 'refundStatus', confidence: 0.9 },
            { intent: 'refund', confidence: 0.1 },
          ]
        : /退/.test(text)
          ? [
              { intent: 'refund', confidence: 0.9 },
              { intent: 'refundStatus', confidence: 0.1 },
            ]
          : [{ intent: 'invoice', confidence: 1 }];
    const question = '钱退了吗 有动静吗';
    const scores = (index: ReturnType<typeof indexOf>) =>
      Object.fromEntries(
        index.find(question, { language: 'zh' }).map((m) => [m.article._id, m.score]),
      );
    const words = indexOf(articles);
    const withTopics = indexOf(articles);
    withTopics.useTopics(topics);
    const rankedOnly = indexOf(articles, { liftClearTopic: false });
    rankedOnly.useTopics(topics);
    // By its words the question reads as asking for a refund (退, 钱 in 把钱退了).
    expect(words.find(question, { language: 'zh' })[0]?.article._id).toBe('refund');
    expect(withTopics.find(question, { language: 'zh' })[0]?.article._id).toBe('refundStatus');
    expect(rankedOnly.find(question, { language: 'zh' })[0]?.article._id).toBe('refundStatus');
    expect(scores(rankedOnly)).toEqual(scores(words));
    // The recognizer is sure of the topic and one article alone is it: its score is lifted
    // (its words' score to the power 0.6), the others keep theirs.
    const byWords = scores(words);
    const lifted = scores(withTopics);
    expect(byWords['refundStatus']).toBeLessThan(0.25);
    expect(lifted['refundStatus']).toBeCloseTo((byWords['refundStatus'] ?? 0) ** 0.6, 2);
    expect(lifted['refund']).toBe(byWords['refund']);
    // Without topics again, words alone.
    withTopics.useTopics(undefined);
    expect(withTopics.find(question, { language: 'zh' })[0]?.article._id).toBe('refund');
    expect(scores(withTopics)).toEqual(byWords);
  });

  it('should lift no score when the topic is unsure or several articles share it', () => {
    const question = '钱退了吗 有动静吗';
    const scores = (index: ReturnType<typeof indexOf>) =>
      Object.fromEntries(
        index.find(question, { language: 'zh' }).map((m) => [m.article._id, m.score]),
      );
    const sure = () => [{ intent: 'refundStatus', confidence: 0.9 }];
    const unsure = () => [
      { intent: 'refundStatus', confidence: 0.6 },
      { intent: 'refund', confidence: 0.4 },
    ];
    // Two articles on the topic (a shop's refund-status questions): the topic cannot tell them apart.
    const shared = {
      refundTime: ['退款多久到账', '钱什么时候退回来'],
      refundCard: ['退款退到哪张卡', '退款原路退回吗'],
      invoice: ['怎么开发票'],
    };
    const words = scores(indexOf(shared));
    const sharing = indexOf(shared);
    sharing.useTopics((text) =>
      /发票/.test(text) ? [{ intent: 'invoice', confidence: 1 }] : sure(),
    );
    expect(scores(sharing)).toEqual(words);
    // One article on the topic, but the recognizer is unsure of the question.
    const alone = { refundTime: shared.refundTime, invoice: shared.invoice };
    const unsureIndex = indexOf(alone);
    unsureIndex.useTopics((text) =>
      /发票/.test(text)
        ? [{ intent: 'invoice', confidence: 1 }]
        : /动静/.test(text)
          ? unsure()
          : sure(),
    );
    expect(scores(unsureIndex)).toEqual(scores(indexOf(alone)));
  });

  it('should score a paraphrase by the article as a whole, not by its nearest phrasing', () => {
    // No single phrasing is close to the paraphrase, but it speaks the words the article's
    // phrasings share (退, 钱, 多久, 到账); the near-miss meets one phrasing on a word or two.
    const index = indexOf({
      refundTime: ['退款多久到账', '退款几天能到账', '钱什么时候退回来', '退款到账要多久'],
      card: ['能换一张银行卡付款吗'],
      invoice: ['怎么开发票'],
    });
    const score = (question: string, id: string) =>
      index.find(question, { language: 'zh' }).find((match) => match.article._id === id)?.score ??
      0;
    // 0.47 when an article scored as its nearest phrasing.
    expect(score('退的钱多久能回到账上', 'refundTime')).toBeGreaterThan(0.6);
    expect(score('退款能退到别的银行卡吗', 'refundTime')).toBeLessThan(0.4);
    // An exact phrasing still scores 1, and a one-question article as its question.
    expect(score('钱什么时候退回来', 'refundTime')).toBe(1);
    expect(score('能换一张银行卡付款吗', 'card')).toBe(1);
  });

  it('should not match small talk or abuse to a shop phrasing that shares a word with it', () => {
    const articles = {
      recipient: ['我要修改收件人名字'],
      complaint: ['客服态度太差 我要投诉'],
    };
    const shop = indexOf(articles);
    const plain = indexOf(articles, { refuseSocialTalk: false });
    const score = (index: typeof shop, question: string) =>
      index.find(question, { language: 'zh' })[0]?.score ?? 0;
    // Without the rule the shared word (名字, 客服) carries a score.
    expect(score(plain, '你叫什么名字')).toBeGreaterThan(0.2);
    expect(score(plain, '垃圾客服')).toBeGreaterThan(0.2);
    expect(score(shop, '你叫什么名字')).toBe(0);
    expect(score(shop, '垃圾客服')).toBe(0);
    // A shop question is scored as before, and so is small talk against small talk (an
    // operator's article for 你叫什么名字).
    expect(score(shop, '收件人名字写错了')).toBe(score(plain, '收件人名字写错了'));
    expect(score(shop, '收件人名字写错了')).toBeGreaterThan(0.3);
    const withBot = indexOf({ ...articles, bot: ['你叫什么名字'] });
    expect(withBot.find('你叫什么名字', { language: 'zh' })[0]?.article._id).toBe('bot');
    expect(score(withBot, '你叫什么名字')).toBe(1);
  });

  it('should answer a product question whose product is named with a word of abuse', () => {
    // 滚筒 (drum) and 垃圾袋 (bin bags) hold 滚 and 垃圾, but the question is not abuse.
    const shop = indexOf({
      washer: ['滚筒洗衣机能洗羽绒服吗'],
      bags: ['垃圾袋有大号的吗'],
      complaint: ['客服态度太差 我要投诉'],
    });
    for (const [question, id] of [
      ['滚筒洗衣机可以洗羽绒服吗', 'washer'],
      ['垃圾袋有没有大号', 'bags'],
    ] as const) {
      const [match] = shop.find(question, { language: 'zh' });
      expect(match?.article._id, question).toBe(id);
      expect(match?.score ?? 0, question).toBeGreaterThan(0.5);
    }
    // Abuse is still refused.
    expect(shop.find('垃圾客服', { language: 'zh' })[0]?.score ?? 0).toBe(0);
  });
});
