import type { MessageLanguage } from '../message-language.ts';

/**
 * A small grammar that writes customer messages: templates with `{slot}` references and inline
 * `(a|b|)` choices (an empty choice drops the part). Slot values may use slots and choices
 * themselves. `{#order}`, `{#phone}`, `{#tracking}` and `{#amount}` are numbers drawn in code
 * (see `customer-numbers.ts`).
 *
 * @example
 * expandTemplate('{hi}(我要|想)退款', { hi: ['', '你好，'] }, random); // '你好，想退款'
 */
export interface GrammarSide {
  templates: string[];
  /**
   * Templates written after the held-back split was fixed: they only ever train, so adding
   * them leaves the held-back messages (every fifth of `templates`) exactly as they were.
   */
  trainingTemplates?: string[];
  slots?: Record<string, string[]>;
}

/** The grammar of one intent, per language (`workflows/intents/grammar/<intent>.json`). */
export type IntentGrammar = { intent: string } & Record<MessageLanguage, GrammarSide>;

/** Slots every intent may use (`workflows/intents/grammar/shared.json`). */
export type SharedSlots = Record<MessageLanguage, Record<string, string[]>>;

export type NumberDrawer = (kind: string) => string;

const MAX_DEPTH = 6;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The index of the `)` that closes the `(` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits `a|b|(c|d)` at the top-level bars. */
function alternatives(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === '|' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** One random message from a template; unknown slots are an error naming the slot. */
export function expandTemplate(
  template: string,
  slots: Record<string, readonly string[]>,
  random: () => number,
  drawNumber: NumberDrawer = () => '12345',
  depth = 0,
): string {
  if (depth > MAX_DEPTH) throw new RangeError(`Grammar nests too deep at "${template}"`);
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char === '(') {
      const end = closing(template, i);
      if (end < 0) throw new SyntaxError(`Unclosed "(" in "${template}"`);
      const choice = pick(alternatives(template.slice(i + 1, end)), random);
      out += expandTemplate(choice, slots, random, drawNumber, depth + 1);
      i = end;
    } else if (char === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new SyntaxError(`Unclosed "{" in "${template}"`);
      const name = template.slice(i + 1, end);
      if (name.startsWith('#')) out += drawNumber(name.slice(1));
      else {
        const values = slots[name];
        if (!values?.length) throw new RangeError(`Unknown slot {${name}} in "${template}"`);
        out += expandTemplate(pick(values, random), slots, random, drawNumber, depth + 1);
      }
      i = end;
    } else out += char;
  }
  return out;
}
