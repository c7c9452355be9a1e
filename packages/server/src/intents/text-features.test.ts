import { describe, expect, it } from 'vitest';
import {
  chineseWords,
  messageFeatures,
  messageFeaturesByWord,
  normalizeMessage,
} from './text-features.ts';

describe('messageFeatures', () => {
  it('should give Chinese words and character n-grams', () => {
    const features = messageFeatures('我的快递到哪了');
    expect(features).toContain('w:快递');
    expect(features).toContain('z:快递');
    expect(features).toContain('z:到哪了');
    expect(chineseWords('我的快递到哪了')).toContain('快递');
  });

  it('should spell out shorthand before reading the message', () => {
    expect(normalizeMessage('TK进度 pls')).toBe('退款进度 please');
    expect(messageFeatures('zrg')).toContain('z:转人工');
    // Only whole tokens: "tkt" and an order number stay as they are.
    expect(normalizeMessage('tkt A10023')).toBe('tkt a10023');
  });

  it('should mark words right after a negation', () => {
    expect(messageFeatures('不要退款了')).toContain('n:退款');
    expect(messageFeatures('我要退款')).not.toContain('n:退款');
    expect(messageFeatures("I don't want a refund")).toContain('n:want');
    expect(messageFeatures('I want a refund')).not.toContain('n:want');
  });

  it('should read numbers by shape, not digits', () => {
    expect(messageFeatures('订单 A10023 和 2024112300123 共 3 件')).toEqual(
      expect.arrayContaining(['#code', '#id', '#n']),
    );
  });
});

describe('messageFeaturesByWord', () => {
  /** The features of each word, by the word's number. */
  const grouped = (text: string) => {
    const { features, words } = messageFeaturesByWord(text);
    const groups = new Map<number, string[]>();
    features.forEach((feature, j) => {
      const word = words[j] as number;
      groups.set(word, [...(groups.get(word) ?? []), feature]);
    });
    return groups;
  };

  it('should give the same features as messageFeatures, each with a word', () => {
    for (const text of ['我的快递到哪了 订单 A10023', "I don't want a refund for order 12345", ''])
      expect(messageFeaturesByWord(text).features).toEqual(messageFeatures(text));
    const { features, words } = messageFeaturesByWord('where is my parcel');
    expect(words).toHaveLength(features.length);
  });

  it("should put a Latin word's letter triples, negated form and the bigram it ends with it", () => {
    const groups = grouped("I don't want compensation");
    const want = [...groups.values()].find((group) => group.includes('w:want'));
    expect(want).toEqual(expect.arrayContaining(['n:want', "b:don't want", 'c:<wa', 'c:nt>']));
    const compensation = [...groups.values()].find((group) => group.includes('w:compensation'));
    expect(compensation).toEqual(expect.arrayContaining(['b:want compensation', 'c:<co', 'c:on>']));
    expect(compensation).not.toContain('w:want');
  });

  it("should put a Chinese word's n-grams with the word their first character is in", () => {
    const groups = grouped('我的快递到哪了');
    const parcel = [...groups.values()].find((group) => group.includes('w:快递'));
    expect(parcel).toEqual(
      expect.arrayContaining(['z:快', 'z:递', 'z:快递', 'z:快递到', 'z:递到']),
    );
    expect(parcel).not.toContain('z:的');
  });

  it("should leave the message's concepts out of every word, and count numbers as words", () => {
    const groups = grouped('I want my money back for order 12345');
    expect(groups.get(-1)).toEqual(expect.arrayContaining(['k:refund', 'k:biz']));
    expect([...groups.values()].some((group) => group.length === 1 && group[0] === '#id')).toBe(
      true,
    );
  });
});
