import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalizedText } from '@xiaoer/engine';
import { compileSchema, schemaProblems } from '../json-schema-check.ts';
import { LocalizedError } from '../localized-error.ts';
import type { MessageLanguage } from './message-language.ts';

/** The intent files that ship with Xiaoer (`workflows/intents/*.json`). */
export const SHIPPED_INTENTS = path.resolve(import.meta.dirname, '../../../../workflows/intents');

/**
 * Where an intent belongs: before the sale, an order, after the sale, general service, social
 * talk (not business) — or `outOfScope`, the counter-examples the model answers as `unknown`.
 */
export const INTENT_GROUPS = [
  'preSale',
  'order',
  'afterSale',
  'service',
  'social',
  'outOfScope',
] as const;
export type IntentGroup = (typeof INTENT_GROUPS)[number];

/** One intent file: the id, its title and the utterances that teach it, per language. */
export interface IntentDefinition {
  intent: string;
  title: LocalizedText;
  /** What the intent covers, for the operator who routes it (shipped intents have one). */
  description?: LocalizedText;
  /** Default `service`. */
  group?: IntentGroup;
  utterances: Record<MessageLanguage, string[]>;
  /**
   * Messages generated from the intent's grammar (`generated/<intent>.json`, written by
   * `npm run intents:generate`); they train the local model but are not shown to an LLM.
   */
  generated?: Record<MessageLanguage, string[]>;
}

/** One training utterance. */
export interface IntentExample {
  text: string;
  intent: string;
  language: MessageLanguage;
}

const utteranceList = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', minLength: 1, pattern: '\\S' },
};

const localizedText = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

export const intentFileSchema = {
  type: 'object',
  required: ['intent', 'title', 'utterances'],
  additionalProperties: false,
  properties: {
    intent: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
    title: localizedText,
    description: localizedText,
    group: { enum: [...INTENT_GROUPS] },
    utterances: {
      type: 'object',
      required: ['zh', 'en'],
      additionalProperties: false,
      properties: { zh: utteranceList, en: utteranceList },
    },
  },
} as const;

const validateIntentFile = compileSchema<IntentDefinition>(intentFileSchema);

/**
 * An intent file that cannot be read or is not a valid intent definition; names the file and
 * each problem (`/pointer reason`) in zh and en.
 */
export class IntentFileError extends LocalizedError {
  constructor(
    readonly file: string,
    readonly problems: LocalizedText[],
    options?: ErrorOptions,
  ) {
    super(
      {
        zh: `意图文件 ${file} 无效：${problems.map((problem) => problem.zh).join('；')}`,
        en: `Intent file ${file} is invalid: ${problems.map((problem) => problem.en).join('; ')}`,
      },
      options,
    );
  }
}

/** Reads and validates one intent file; its name must be `<intent>.json`. */
export async function readIntentFile(file: string): Promise<IntentDefinition> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new IntentFileError(file, [{ zh: `不是合法的 JSON（${reason}）`, en: reason }], {
      cause,
    });
  }
  if (!validateIntentFile(document)) {
    const problems = schemaProblems(validateIntentFile.errors);
    throw new IntentFileError(
      file,
      problems.map(({ pointer, text }) => ({
        zh: `${pointer || '/'} ${text.zh}`,
        en: `${pointer || '/'} ${text.en}`,
      })),
    );
  }
  const expected = `${document.intent}.json`;
  if (path.basename(file) !== expected) {
    throw new IntentFileError(file, [
      {
        zh: `/intent "${document.intent}" 的文件应名为 ${expected}`,
        en: `/intent "${document.intent}" needs the name ${expected}`,
      },
    ]);
  }
  return document;
}

/** The generated messages of an intent, or nothing when the folder has none for it. */
async function readGenerated(
  directory: string,
  intent: string,
): Promise<Record<MessageLanguage, string[]> | undefined> {
  const file = path.join(directory, 'generated', `${intent}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const document = JSON.parse(text) as { utterances?: Record<MessageLanguage, string[]> };
  if (!Array.isArray(document.utterances?.zh) || !Array.isArray(document.utterances.en)) {
    throw new IntentFileError(file, [
      { zh: '/utterances 应有 zh 和 en 两个列表', en: '/utterances needs zh and en lists' },
    ]);
  }
  return document.utterances;
}

/** Every `*.json` intent file of a folder, in name order, with its generated messages. */
export async function loadIntentDefinitions(
  directory: string = SHIPPED_INTENTS,
): Promise<IntentDefinition[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (name) => {
      const definition = await readIntentFile(path.join(directory, name));
      const generated = await readGenerated(directory, definition.intent);
      return generated ? { ...definition, generated } : definition;
    }),
  );
}

/**
 * The definitions as a flat list of training examples: the written utterances and, unless
 * `written` only is asked for, the generated ones.
 */
export function intentExamples(
  definitions: readonly IntentDefinition[],
  include: 'all' | 'written' = 'all',
): IntentExample[] {
  return definitions.flatMap((definition) =>
    (['zh', 'en'] as const).flatMap((language) =>
      [
        ...definition.utterances[language],
        ...(include === 'all' ? (definition.generated?.[language] ?? []) : []),
      ].map((text) => ({ text, intent: definition.intent, language })),
    ),
  );
}
