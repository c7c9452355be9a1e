import { describe, expect, it } from 'vitest';
import { indexOf } from './index-of.testing.ts';
import { tokenize } from './tokenize.ts';

describe('concept terms in knowledge search', () => {
  it('should add a concept term for a synonym, none for greetings', () => {
    expect(tokenize('I want restitution')).toContain('~refund');
    expect(tokenize('把钱退给我')).toContain('~refund');
    expect(tokenize('send me the bill')).toContain('~invoice');
    expect(tokenize('hello, thanks').filter((term) => term.startsWith('~'))).toEqual([]);
  });

  it('should find the article when the question and the article use different words', () => {
    const index = indexOf({
      refund: ['How do I get a refund?', '怎么退款'],
      invoice: ['Can I get an invoice?', '怎么开发票'],
      shipping: ['How long does delivery take?', '多久发货'],
    });
    expect(index.find('I am owed restitution for the lamp')[0]?.article._id).toBe('refund');
    expect(index.find('where is my bill')[0]?.article._id).toBe('invoice');
    expect(index.find('能把钱退给我吗')[0]?.article._id).toBe('refund');
    expect(index.find('收据能给我吗')[0]?.article._id).toBe('invoice');
  });

  it('should rank by the shared concept but report the plain similarity', () => {
    const index = indexOf({
      refund: ['How do I get a refund?', '怎么退款', '退款什么时候到账'],
      shipping: ['How long does delivery take for my order?', '多久发货', '快递什么时候到'],
    });
    const [first, second] = index.find('when does my chargeback take');
    // "chargeback" is the refund concept: refund comes first, although the question shares
    // more words with the shipping article, whose plain similarity (the score) is higher.
    expect(first?.article._id).toBe('refund');
    expect(second?.article._id).toBe('shipping');
    expect(first?.score).toBeLessThan(second?.score ?? 0);
  });
});

describe('chatter in knowledge search', () => {
  it('should drop greetings, thanks and politeness around a Chinese question', () => {
    expect(tokenize('客服你好，亲 麻烦看下 发票怎么开，谢谢亲')).toEqual(tokenize('发票怎么开'));
    expect(tokenize('你好 在吗')).toEqual([]);
  });

  it('should keep 亲 inside a word', () => {
    expect(tokenize('亲子装有货吗')).toContain('亲子');
  });
});
