/**
 * Reads a misspelt Latin word as the word the model knows: "wheer", "trrack", "sipping",
 * "restituution", "verifciation" are one letter added, dropped, changed or swapped away from a
 * word of the training messages. The model's letter triples bridge some of that, but the word
 * feature, its bigrams and the customer concepts (`refund`, `track` …) only ever match the
 * right spelling. Only words the model never saw are read again, only as words of at least
 * four letters, and only as a word it saw: an unseen but rightly spelt word ("pint" when the
 * shop sells beer) that happens to be a letter from a known one is the cost, which is why
 * shorter words are left alone.
 */

/** Words shorter than this are left as they are: too many known words lie a letter away. */
const MIN_LENGTH = 4;
const LATIN_WORD = /(?<![a-z0-9'])[a-z]+(?![a-z0-9'])/g;

/** A word with each one of its letters left out, in turn. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * The known words of a vocabulary, by each of their one-letter deletions and by themselves
 * ("symmetric delete"): two words one edit apart (a letter added, dropped, changed, or two
 * neighbours swapped) share an entry. The first known word of an entry wins: vocabularies list
 * words in the order training met them, so a common word comes before a rare one.
 */
export class WordSpelling {
  private readonly known: ReadonlySet<string>;
  private readonly byDeletion = new Map<string, string>();

  /** `words`: the known words, the commonest first (or in the order training met them). */
  constructor(words: Iterable<string>) {
    const known = new Set<string>();
    for (const word of words) {
      if (!/^[a-z]+$/.test(word) || known.has(word)) continue;
      known.add(word);
      if (word.length < MIN_LENGTH) continue;
      for (const key of [word, ...deletions(word)])
        if (!this.byDeletion.has(key)) this.byDeletion.set(key, word);
    }
    this.known = known;
  }

  /** The known word one edit from `word`, or undefined when it is known or none is near. */
  correction(word: string): string | undefined {
    if (word.length < MIN_LENGTH || this.known.has(word)) return undefined;
    for (const key of [word, ...deletions(word)]) {
      const found = this.byDeletion.get(key);
      if (found !== undefined && found.length >= MIN_LENGTH) return found;
    }
    return undefined;
  }

  /**
   * The text with each unknown Latin word of four letters or more read as the known word one
   * edit from it, if there is one. Expects lowercased text (as `normalizeMessage` gives).
   *
   * @example
   * new WordSpelling(['where', 'track']).read('wheer is my trrack') // 'where is my track'
   */
  read(text: string): string {
    return text.replace(LATIN_WORD, (word) => this.correction(word) ?? word);
  }
}
