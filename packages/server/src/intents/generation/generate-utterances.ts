import type { MessageLanguage } from '../message-language.ts';
import { seededRandom } from '../seeded-random.ts';
import { customerNumbers } from './customer-numbers.ts';
import { roughen } from './customer-noise.ts';
import { expandTemplate, type IntentGrammar, type SharedSlots } from './utterance-grammar.ts';

/** Which templates a split draws from: every fifth template is held back for evaluation. */
export type TemplateSplit = 'train' | 'heldBack';

export interface GenerationOptions {
  /** Messages per language (fewer when the grammar cannot make that many distinct ones). */
  count: number;
  seed: number;
  split: TemplateSplit;
  /** How rough the messages are, 0–1 (default 0.5). */
  noise?: number;
}

const HELD_BACK_EVERY = 5;

/**
 * The templates of a split: held-back templates never teach the model. (The grammar's
 * `trainingTemplates` are added to the training split by `generateUtterances`.)
 */
export function splitTemplates(templates: readonly string[], split: TemplateSplit): string[] {
  return templates.filter(
    (_, i) => (i % HELD_BACK_EVERY === HELD_BACK_EVERY - 1) === (split === 'heldBack'),
  );
}

function seedOf(intent: string, language: string, seed: number): number {
  let hash = seed >>> 0;
  for (const char of `${intent}/${language}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/**
 * Distinct customer messages of one intent and language, drawn from its grammar and roughened
 * (see `customer-noise.ts`). The same grammar, seed and options give the same messages.
 */
export function generateUtterances(
  grammar: IntentGrammar,
  shared: SharedSlots,
  language: MessageLanguage,
  options: GenerationOptions,
): string[] {
  const side = grammar[language];
  const templates = splitTemplates(side.templates, options.split);
  if (options.split === 'train') templates.push(...(side.trainingTemplates ?? []));
  return generateFromTemplates(grammar, shared, language, templates, options);
}

/**
 * Distinct messages drawn from the given templates of a grammar (a tuning run draws from part
 * of the training templates and measures on the rest).
 */
export function generateFromTemplates(
  grammar: IntentGrammar,
  shared: SharedSlots,
  language: MessageLanguage,
  templates: readonly string[],
  options: GenerationOptions,
): string[] {
  if (templates.length === 0) return [];
  const random = seededRandom(seedOf(grammar.intent, `${language}/${options.split}`, options.seed));
  const slots = { ...shared[language], ...grammar[language].slots };
  const numbers = customerNumbers(random);
  const out = new Set<string>();
  // Give up after many repeats: a small grammar makes fewer distinct messages than asked.
  for (let tries = 0; out.size < options.count && tries < options.count * 20; tries++) {
    const template = templates[tries % templates.length] as string;
    const clean = expandTemplate(template, slots, random, numbers).replace(/\s+/g, ' ').trim();
    if (clean) out.add(roughen(clean, language, random, options.noise ?? 0.5));
  }
  return [...out];
}
