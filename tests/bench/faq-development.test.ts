import { describe, expect, it } from 'vitest';
import { atThreshold, separation } from '../../bench/knowledge/faq-development.ts';
import type { Asked } from '../../bench/knowledge/paraphrase-faq.ts';

const paraphrase = (score: number, first = 'a'): Asked => ({
  expected: 'a',
  half: 0,
  score,
  top: [first],
});
const nearMiss = (score: number): Asked => ({ nearMiss: true, half: 0, score, top: ['a'] });
const unrelated = (score: number): Asked => ({ half: 0, score, top: ['b'] });

describe('FAQ development figures', () => {
  it('should count how often a paraphrase with its article first outscores an unanswerable question', () => {
    expect(separation([paraphrase(0.9), paraphrase(0.6), nearMiss(0.5), unrelated(0.1)])).toBe(1);
    // 0.6 loses to the near-miss at 0.7 and ties the unrelated question at 0.6.
    expect(separation([paraphrase(0.9), paraphrase(0.6), nearMiss(0.7), unrelated(0.6)])).toBe(
      (1 + 1 + 0 + 0.5) / 4,
    );
    // A paraphrase answered with another article is not a right one: it does not count.
    expect(separation([paraphrase(0.1, 'b'), paraphrase(0.8), nearMiss(0.5)])).toBe(1);
    expect(separation([nearMiss(0.5)])).toBe(0.5);
  });

  it('should count near-misses and unrelated questions apart at a threshold', () => {
    const asked = [paraphrase(0.9), paraphrase(0.5, 'b'), paraphrase(0.2), nearMiss(0.6)];
    expect(atThreshold([...asked, unrelated(0.3)], 0.4)).toEqual({
      answerable: 3,
      noAnswer: 1,
      answeredRight: 1,
      nearMisses: 1,
      nearMissesAnswered: 1,
      unrelated: 1,
      unrelatedAnswered: 0,
    });
  });
});
