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
});
