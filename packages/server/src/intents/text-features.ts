import { messageConcepts } from './customer-concepts.ts';
import { expandShorthand } from './customer-shorthand.ts';

/**
 * Turns a customer message into the sparse features of the local intent model.
 *
 * - Full-width characters are folded (NFKC), Latin text lowercased and shorthand spelled out
 *   (`tk` → 退款, `pls` → please; see `customer-shorthand.ts`).
 * - Runs of Chinese characters give words (segmented by `Intl.Segmenter`, which ships with
 *   Node's ICU dictionary) and character 1-, 2- and 3-grams, which still match when the
 *   segmenter cuts a typo (`推款`) or a new word differently.
 * - Latin words give word unigrams and bigrams, plus character 3-grams of each word, which
 *   keep typos such as "pakage" or "refnd" close to the right word.
 * - A word right after a negation (不/没/别/不要 …, not/no/never/n't) also gives a negated
 *   feature, so "不要退款了 换一个" and "I don't want a refund" differ from a refund request.
 * - Numbers become tokens by shape (`#n` short, `#id` five digits or more, letters with digits
 *   `#code`), so an order number says "there is an order number" without its digits
 *   dominating the model.
 * - What the message speaks of, whatever its words, gives concept features (`k:refund` for
 *   "restitution" or 把钱退给我, `k:biz` for any shop matter, `k:social` for greetings, thanks,
 *   small talk and abuse; see `customer-concepts.ts`), so a synonym training never used counts.
 * - Emoji and punctuation split runs and add nothing.
 *
 * `messageFeaturesByWord` also says which word each feature comes from, so that training can
 * leave out whole words (`wordDropout` in `intent-classifier.ts`), as a new phrasing does.
 */

const TOKEN = /(\p{Script=Han}+)|([a-z]{0,4}\d[a-z\d*]*)|([a-z]+(?:'[a-z]+)?)/gu;
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const ZH_NEGATION = /^(?:不|没|别|无|未|不要|不用|没有|不想|别再|无需|不是|不能)$/;
const EN_NEGATION =
  /^(?:not|no|never|don't|didn't|doesn't|won't|can't|isn't|wasn't|haven't|cannot|without)$/;
/** How many words after a negation it reaches. */
const NEGATION_SPAN = 2;

/** The text as the model reads it: NFKC-folded, lowercased, shorthand spelled out. */
export function normalizeMessage(text: string): string {
  return expandShorthand(text.normalize('NFKC').toLowerCase());
}

function numberToken(token: string): string {
  if (/[a-z]/.test(token)) return '#code';
  return token.length >= 5 ? '#id' : '#n';
}

function characterGrams(run: string, sizes: readonly number[], prefix: string): string[] {
  const chars = [...run];
  const grams: string[] = [];
  for (const size of sizes) {
    for (let i = 0; i + size <= chars.length; i++) {
      grams.push(prefix + chars.slice(i, i + size).join(''));
    }
  }
  return grams;
}

/** The words of a run of Chinese characters, as the segmenter cuts them. */
export function chineseWords(run: string): string[] {
  return Array.from(SEGMENTER.segment(run), (segment) => segment.segment);
}

/** The features of one message, with repeats (a bag of features). */
export function messageFeatures(text: string): string[] {
  return messageFeaturesByWord(text).features;
}

/** A message's features, each with the word it comes from. */
export interface FeaturesByWord {
  /** As {@link messageFeatures} gives them. */
  features: string[];
  /**
   * For each feature, the number of the word it comes from (0, 1, … in the message's order),
   * or -1 for what the whole message says (its concepts). A Chinese character n-gram belongs
   * to the segmenter's word its first character is in; a Latin word's letter triples, its
   * negated form and the bigram that ends with it belong to it; a number is a word.
   */
  words: number[];
}

/** {@link messageFeatures} with the word each feature comes from. */
export function messageFeaturesByWord(text: string): FeaturesByWord {
  const features: string[] = [];
  const words: number[] = [];
  let current = -1;
  let nextWord = 0;
  const add = (feature: string) => {
    features.push(feature);
    words.push(current);
  };
  let previousWord: string | undefined;
  let negated = 0;
  const word = (token: string, negation: RegExp) => {
    add(`w:${token}`);
    if (negated > 0) {
      add(`n:${token}`);
      negated--;
    }
    if (negation.test(token)) negated = NEGATION_SPAN;
  };
  const normalized = normalizeMessage(text);
  for (const concept of messageConcepts(normalized)) add(`k:${concept}`);
  for (const match of normalized.matchAll(TOKEN)) {
    const [, han, numeric, latin] = match;
    if (han) {
      const segmented = chineseWords(han);
      const first = nextWord;
      nextWord += segmented.length;
      // The word each character is in, for the n-grams that start there.
      const wordOfCharacter = segmented.flatMap((token, w) => [...token].map(() => first + w));
      const characters = [...han];
      for (const size of [1, 2, 3])
        for (let i = 0; i + size <= characters.length; i++) {
          current = wordOfCharacter[i] ?? first;
          add(`z:${characters.slice(i, i + size).join('')}`);
        }
      segmented.forEach((token, w) => {
        current = first + w;
        word(token, ZH_NEGATION);
      });
      previousWord = undefined;
    } else if (numeric) {
      current = nextWord++;
      add(numberToken(numeric));
      previousWord = undefined;
    } else if (latin) {
      current = nextWord++;
      word(latin, EN_NEGATION);
      if (previousWord) add(`b:${previousWord} ${latin}`);
      if (latin.length >= 4) for (const gram of characterGrams(`<${latin}>`, [3], 'c:')) add(gram);
      previousWord = latin;
    }
  }
  return { features, words };
}
