/**
 * Turns a customer message into the sparse features of the local intent model.
 *
 * - Full-width characters are folded (NFKC) and Latin text lowercased.
 * - Runs of Chinese characters give character 1-, 2- and 3-grams: Chinese has no spaces, and
 *   n-grams need no dictionary (`快递`, `到哪了`, `退款`).
 * - Latin words give word unigrams and bigrams, plus character 3-grams of each word, which
 *   keep typos such as "pakage" or "refnd" close to the right word.
 * - Numbers become tokens by shape (`#n` short, `#id` five digits or more, letters with digits
 *   `#code`), so an order number says "there is an order number" without its digits
 *   dominating the model.
 * - Emoji and punctuation split runs and add nothing.
 */

const TOKEN = /(\p{Script=Han}+)|([a-z]{0,4}\d[a-z\d]*)|([a-z]+(?:'[a-z]+)?)/gu;

/** The text as the model reads it: NFKC-folded, lowercased. */
export function normalizeMessage(text: string): string {
  return text.normalize('NFKC').toLowerCase();
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

/** The features of one message, with repeats (a bag of features). */
export function messageFeatures(text: string): string[] {
  const features: string[] = [];
  let previousWord: string | undefined;
  for (const match of normalizeMessage(text).matchAll(TOKEN)) {
    const [, han, numeric, word] = match;
    if (han) {
      features.push(...characterGrams(han, [1, 2, 3], 'z:'));
      previousWord = undefined;
    } else if (numeric) {
      features.push(numberToken(numeric));
      previousWord = undefined;
    } else if (word) {
      features.push(`w:${word}`);
      if (previousWord) features.push(`b:${previousWord} ${word}`);
      if (word.length >= 4) features.push(...characterGrams(`<${word}>`, [3], 'c:'));
      previousWord = word;
    }
  }
  return features;
}
