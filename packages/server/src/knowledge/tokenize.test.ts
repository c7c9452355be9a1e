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
