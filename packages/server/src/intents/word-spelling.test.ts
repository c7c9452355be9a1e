import { describe, expect, it } from 'vitest';
import { IntentClassifier } from './intent-classifier.ts';
import { WordSpelling } from './word-spelling.ts';

describe('WordSpelling', () => {
  const spelling = new WordSpelling(['where', 'is', 'my', 'track', 'shipping', 'order', 'state']);

  it('should read a word one letter added, dropped, changed or swapped as the known word', () => {
    expect(spelling.read('wheer is my ordeer')).toBe('where is my order');
    expect(spelling.read('trrack the sipping')).toBe('track the shipping');
    expect(spelling.read('which stae')).toBe('which state');
    expect(spelling.read('oredr')).toBe('order');
    expect(spelling.read('stat')).toBe('state');
  });

  it('should leave known words, short words, numbers and far-off words alone', () => {
    expect(spelling.read('my order')).toBe('my order');
    expect(spelling.read('mi')).toBe('mi');
    expect(spelling.read('a1234 ordr99')).toBe('a1234 ordr99');
    expect(spelling.read('plorf qwzx')).toBe('plorf qwzx');
    expect(spelling.read('退款 trrack')).toBe('退款 track');
  });
});

describe('IntentClassifier with misspelt words', () => {
  const examples = [
    ...['i want a refund', 'refund please', 'give me a refund for this', 'can i get a refund'].map(
      (text) => ({ intent: 'refund', text, language: 'en' as const }),
    ),
    ...['track my parcel', 'where is my parcel', 'track the parcel please', 'parcel tracking'].map(
      (text) => ({ intent: 'logistics', text, language: 'en' as const }),
    ),
    ...['hello there', 'hi', 'good morning', 'hello'].map((text) => ({
      intent: 'greeting',
      text,
      language: 'en' as const,
    })),
  ];
  const options = { models: 1, naiveBayes: false, calibrationFolds: 0, seed: 3 };

  it('should classify a message whose only word is misspelt instead of calling it gibberish', () => {
    const classifier = IntentClassifier.train(examples, options);
    // Only letter triples of an unknown word: without reading it as "refund", gibberish.
    expect(classifier.classify('refnud').intent).toBe('refund');
    expect(classifier.classify('parcek').intent).toBe('logistics');
    expect(classifier.classify('qwzx plorf').intent).toBe('unknown');
  });

  it('should leave misspelt words as they are with `spelling: false`', () => {
    const classifier = IntentClassifier.train(examples, { ...options, spelling: false });
    expect(classifier.classify('refnud').intent).toBe('unknown');
  });
});
