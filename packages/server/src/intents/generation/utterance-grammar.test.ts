import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { expandTemplate } from './utterance-grammar.ts';

describe('expandTemplate', () => {
  it('should fill slots, nested slots, choices and number slots', () => {
    const random = seededRandom(7);
    const slots = { hi: ['你好，'], order: ['订单{#order}'], item: ['(鞋子|衣服)'] };
    for (let i = 0; i < 20; i++) {
      const text = expandTemplate('{hi}{order}的{item}(退|换)吗', slots, random, () => 'A10023');
      expect(text).toMatch(/^你好，订单A10023的(鞋子|衣服)(退|换)吗$/);
    }
  });

  it('should drop a part when the empty choice is drawn, and draw every choice in time', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 60 }, () => expandTemplate('a(b|c|)d', {}, random)));
    expect([...seen].sort()).toEqual(['abd', 'acd', 'ad']);
  });

  it('should name an unknown slot and an unclosed bracket', () => {
    const random = seededRandom(1);
    expect(() => expandTemplate('{nope}', {}, random)).toThrow(/\{nope\}/);
    expect(() => expandTemplate('(a|b', {}, random)).toThrow(/Unclosed "\("/);
  });
});
