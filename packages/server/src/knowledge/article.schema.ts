import { templateVariables } from '@xiaoer/engine';
import {
  compileSchema,
  schemaProblem,
  schemaProblems,
  type SchemaProblem,
} from '../json-schema-check.ts';
import {
  KNOWLEDGE_CHANNELS,
  type KnowledgeChannel,
  type KnowledgeStatus,
} from '../model/knowledge.model.ts';

/** An article as the API and the import files give it. */
export interface ArticleInput {
  /** A slug; generated when absent. */
  id?: string;
  questions: string[];
  /**
   * Words or short phrases customers use for this article's subject (bill, receipt, 开票):
   * matched like extra phrasings.
   */
  synonyms?: string[];
  answer: { zh?: string; en?: string };
  tags?: string[];
  channels?: KnowledgeChannel[];
  /** ISO date-time, or null for "no limit". */
  validFrom?: string | null;
  validUntil?: string | null;
  /** Default `published`. */
  status?: KnowledgeStatus;
}

export const ARTICLE_ID = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$';
const answerText = { type: 'string', minLength: 1, maxLength: 10_000 };
const dateOrNull = { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] };

/** The JSON Schema of {@link ArticleInput}. */
export const articleInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['questions', 'answer'],
  properties: {
    id: { type: 'string', pattern: ARTICLE_ID },
    questions: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
    },
    synonyms: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 60, pattern: '\\S' },
    },
    answer: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { zh: answerText, en: answerText },
    },
    tags: {
      type: 'array',
      maxItems: 30,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 40 },
    },
    channels: { type: 'array', uniqueItems: true, items: { enum: [...KNOWLEDGE_CHANNELS] } },
    validFrom: dateOrNull,
    validUntil: dateOrNull,
    status: { enum: ['draft', 'published'] },
  },
} as const;

/** A saved article's new content, with the revision the edit started from. */
export const articleUpdateSchema = {
  ...articleInputSchema,
  required: [...articleInputSchema.required, 'revision'],
  properties: {
    ...articleInputSchema.properties,
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

const checkInput = compileSchema<ArticleInput>(articleInputSchema);

/** Raw HTML (a tag, comment or doctype): answers are Markdown, HTML is refused, not cleaned. */
const HTML = /<\s*\/?\s*[A-Za-z!?]/;
/** A Markdown link or image to a script or data URL. */
const SCRIPT_LINK = /\]\(\s*<?\s*(?:javascript|vbscript|data):/i;
/** Mustache tags that insert a value unescaped or pull in partials. */
const UNSAFE_TAG = /\{\{\s*[{&>]/;

/** What is wrong with an answer text beyond its type: HTML, script links, bad templates. */
function answerProblems(text: string, pointer: string): SchemaProblem[] {
  if (HTML.test(text))
    return [
      schemaProblem(pointer, {
        zh: '不允许 HTML，请用 Markdown',
        en: 'raw HTML is not allowed, write Markdown',
      }),
    ];
  if (SCRIPT_LINK.test(text))
    return [
      schemaProblem(pointer, {
        zh: '不允许脚本或 data 链接',
        en: 'script or data links are not allowed',
      }),
    ];
  if (UNSAFE_TAG.test(text))
    return [
      schemaProblem(pointer, {
        zh: '只允许 {{变量名}} 形式的变量',
        en: 'only {{name}} variables are allowed',
      }),
    ];
  try {
    templateVariables(text);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      schemaProblem(pointer, {
        zh: `模板语法错误（${reason}）`,
        en: `template syntax: ${reason}`,
      }),
    ];
  }
}

/** Every problem of an article input (schema, answer safety, validity period), as pointers. */
export function articleProblems(input: unknown, base = ''): SchemaProblem[] {
  if (!checkInput(input)) return schemaProblems(checkInput.errors, base);
  const problems: SchemaProblem[] = [];
  for (const language of ['zh', 'en'] as const) {
    const text = input.answer[language];
    if (text !== undefined) problems.push(...answerProblems(text, `${base}/answer/${language}`));
  }
  if (
    input.validFrom &&
    input.validUntil &&
    Date.parse(input.validFrom) >= Date.parse(input.validUntil)
  )
    problems.push(
      schemaProblem(`${base}/validUntil`, {
        zh: '须晚于生效时间 validFrom',
        en: 'must be after validFrom',
      }),
    );
  return problems;
}
