import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './answer-bands.ts';
import { indexOf } from './index-of.testing.ts';
import { tokenize } from './tokenize.ts';

describe('knowledge terms of a question', () => {
  it('should spell out shorthand as the intent model does: pinyin initials, text-speak, typos', () => {
    expect(tokenize('tk多久到账')).toContain('退款');
    expect(tokenize('申请th在哪')).toContain('退货');
    expect(tokenize('refnd for my order')).toContain('refund');
    // 谢谢 written xx is chatter like 谢谢 itself.
    expect(tokenize('xx')).toEqual([]);
  });

  it('should read English shop words in a Chinese question as Chinese, not in an English one', () => {
    expect(tokenize('查一下refund状态')).toContain('退款');
    expect(tokenize('这个size偏小吗')).toContain('尺码');
    // An English question with a Chinese greeting keeps its words.
    expect(tokenize('亲, where is my refund')).toContain('refund');
    expect(tokenize('亲, where is my refund')).not.toContain('退款');
    const index = indexOf({
      refundStatus: ['退款进度查一下', '退款多久到账'],
      orderStatus: ['订单状态怎么看'],
    });
    expect(index.find('查一下refund进度', { language: 'zh' })[0]?.article._id).toBe('refundStatus');
  });

  it('should read 俺 (I) as 我, a function character', () => {
    expect(tokenize('俺的退款')).toEqual(tokenize('我的退款'));
  });

  it('should answer a question written in shorthand from the article written in full', () => {
    const index = indexOf({
      refundStatus: ['退款多久到账'],
      returns: ['怎么申请退货'],
      invoice: ['怎么开发票'],
    });
    const best = (question: string) => index.find(question, { language: 'zh' })[0];
    expect(best('tk多久能到账')?.article._id).toBe('refundStatus');
    expect(best('tk多久能到账')?.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.zh);
    expect(best('申请th怎么弄')?.article._id).toBe('returns');
    expect(best('收据怎么开')?.article._id).toBe('invoice');
  });

  it('should not be sure of a match that rests on one shared character', () => {
    const index = indexOf({
      human: ['人工！人工！', '我要找人工客服'],
      logistics: ['我的快递到哪了'],
      refund: ['我要退款'],
    });
    const score = (question: string) => index.find(question, { language: 'zh' })[0]?.score ?? 0;
    // 人呢 shares 人 with the first phrasing: a plain similarity of 0.5.
    expect(score('人呢')).toBeLessThan(0.4);
    expect(score('人工！人工！')).toBe(1);
    expect(score('转人工客服')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.zh);
  });
});
