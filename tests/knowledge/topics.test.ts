import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.xiaoer.knowledge.importArticles(
    [
      {
        id: 'refund-status',
        questions: ['退款多久到账', '退款进度查一下', '钱什么时候退回来'],
        answer: { zh: '退款一般 1-3 个工作日到账。' },
      },
      {
        id: 'refund-request',
        questions: ['我要退款', '申请退款', '不想要了 把钱退了'],
        answer: { zh: '在订单页点“申请退款”即可。' },
      },
    ],
    'test',
  );
});
afterAll(async () => {
  await h?.close();
});

describe('knowledge ranked by the topics the intent model reads', () => {
  it('should put the article the question asks about first, though its words lean elsewhere', async () => {
    // By its words (退, 钱 as in 把钱退了) the question leans to asking for a refund; the
    // intent model reads it as asking after one.
    const question = '退的钱有动静吗';
    const matches = await h.xiaoer.knowledge.search(question, { language: 'zh' });
    expect(matches[0]?.article.id).toBe('refund-status');
    // The model is sure of the topic and one article alone is it, so that article's score is
    // lifted (its words alone score under the did-you-mean floor, the request's above it) and
    // the customer is answered with it.
    const request = matches.find((match) => match.article.id === 'refund-request');
    expect(matches[0]?.score ?? 0).toBeGreaterThan(request?.score ?? 1);
    const found = await h.xiaoer.knowledge.lookup(question, { language: 'zh' });
    expect(found.band).toBe('answer');
    expect(found.matches[0]?.article.id).toBe('refund-status');
  });
});
