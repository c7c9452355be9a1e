import { describe, expect, it } from 'vitest';
import { generateUtterances, splitTemplates } from './generate-utterances.ts';
import type { IntentGrammar, SharedSlots } from './utterance-grammar.ts';

const shared: SharedSlots = { zh: { hi: ['', '你好，'] }, en: { hi: ['', 'hi, '] } };
const grammar: IntentGrammar = {
  intent: 'refund',
  zh: {
    templates: ['{hi}我要退款', '{hi}(退钱|退款)', '{hi}能退吗', '{hi}退款多久', '{hi}留出的模板'],
  },
  en: { templates: ['{hi}refund (me|please)', '{hi}money back'] },
};

describe('generateUtterances', () => {
  it('should give the same messages for the same seed and others for another', () => {
    const options = { count: 10, seed: 5, split: 'train' as const };
    const first = generateUtterances(grammar, shared, 'zh', options);
    expect(generateUtterances(grammar, shared, 'zh', options)).toEqual(first);
    expect(first.length).toBeGreaterThan(3);
    expect(new Set(first).size).toBe(first.length);
  });

  it('should keep every fifth template out of training and use only those for held-back', () => {
    expect(splitTemplates(grammar.zh.templates, 'heldBack')).toEqual(['{hi}留出的模板']);
    expect(splitTemplates(grammar.zh.templates, 'train')).toHaveLength(4);
    const options = { count: 30, seed: 1, noise: 0 };
    const train = generateUtterances(grammar, shared, 'zh', { ...options, split: 'train' });
    const heldBack = generateUtterances(grammar, shared, 'zh', { ...options, split: 'heldBack' });
    expect(train.some((text) => text.includes('留出'))).toBe(false);
    expect(heldBack.every((text) => text.includes('留出'))).toBe(true);
    expect(generateUtterances(grammar, shared, 'en', { ...options, split: 'heldBack' })).toEqual(
      [],
    );
  });

  it('should train on the training-only templates and leave the held-back messages unchanged', () => {
    const options = { count: 30, seed: 1, noise: 0 };
    const more: IntentGrammar = {
      ...grammar,
      zh: { ...grammar.zh, trainingTemplates: ['{hi}新写的训练模板'] },
    };
    const train = generateUtterances(more, shared, 'zh', { ...options, split: 'train' });
    expect(train.some((text) => text.includes('新写的'))).toBe(true);
    expect(generateUtterances(more, shared, 'zh', { ...options, split: 'heldBack' })).toEqual(
      generateUtterances(grammar, shared, 'zh', { ...options, split: 'heldBack' }),
    );
  });
});
