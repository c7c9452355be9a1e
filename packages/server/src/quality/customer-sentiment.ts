import Sentiment from 'sentiment';
import { NEGATION_REACH, ZH_LEXICON, ZH_NEGATORS } from './zh-sentiment-lexicon.ts';

/**
 * English by `sentiment` (AFINN-165, 3,382 rated words, with negation: “not good” is
 * negative): the most used lexicon scorer on npm, MIT, no model to load and no network; its
 * word list is finished work (AFINN is a published list), so few releases are expected.
 */
const english = new Sentiment();

const longestFirst = Object.keys(ZH_LEXICON).sort((a, b) => b.length - a.length);

/** The Chinese valence of `text`: lexicon entries, longest first, turned by a negator before. */
export function chineseValence(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length;) {
    const word = longestFirst.find((entry) => text.startsWith(entry, i));
    if (!word) {
      i += 1;
      continue;
    }
    const before = text.slice(Math.max(0, i - NEGATION_REACH), i);
    const negated = ZH_NEGATORS.some((negator) => before.includes(negator));
    const value = ZH_LEXICON[word] ?? 0;
    score += negated ? -value : value;
    i += word.length;
  }
  return score;
}

/**
 * English courtesies built from a negative word that AFINN scores word by word: “no problem”
 * is “no” (−1) + “problem” (−2), “no worries” −4, so a customer signing off politely read as
 * an angry ending. They are taken out before scoring (what else the message says still counts).
 */
const EN_COURTESIES =
  /\b(?:no|not an?|not any|without any)\s+(?:problems?|worries|worry|trouble|complaints?|issues?|rush|hurry|pressure|offen[cs]e)\b/giu;

/**
 * How a message feels, on AFINN's scale summed over its words: below zero is negative. Chinese
 * and English parts are scored each by their own lexicon, so a mixed message counts both.
 */
export function messageValence(text: string): number {
  return chineseValence(text) + english.analyze(text.replace(EN_COURTESIES, ' ')).score;
}
