import { articleInputSchema } from '../knowledge/article.schema.ts';
import { KNOWLEDGE_CHANNELS } from '../model/knowledge.model.ts';
import {
  arrayOf,
  dateTime,
  deleted,
  integer,
  nullable,
  number,
  object,
  oneOf,
  text,
} from './response-schema.ts';

const article = object({
  id: text,
  questions: arrayOf(text),
  synonyms: arrayOf(text),
  answer: object({}, { zh: text, en: text }),
  tags: arrayOf(text),
  channels: arrayOf(oneOf(...KNOWLEDGE_CHANNELS)),
  validFrom: nullable(text),
  validUntil: nullable(text),
  status: oneOf('draft', 'published'),
  revision: integer,
  updatedAt: dateTime,
  updatedBy: text,
});

const unansweredGroup = object({
  key: text,
  count: integer,
  lastAskedAt: text,
  examples: arrayOf(
    object({
      id: text,
      text,
      score: number,
      at: text,
      channel: nullable(text),
      language: nullable(text),
    }),
  ),
});

const match = object({ article, score: number, question: text });

/** The success answers of `/api/knowledge`. */
export const knowledgeResponseSchemas = {
  list: object({ articles: arrayOf(article), total: integer, page: integer }),
  article,
  deleted: deleted(text),
  search: object({
    matches: arrayOf(match),
    threshold: number,
    suggestFloor: number,
    language: oneOf('zh', 'en'),
    /** `answer` when the best match is confident, `suggest` for "did you mean", else `none`. */
    band: oneOf('answer', 'suggest', 'none'),
    suggestions: arrayOf(match),
  }),
  duplicates: object({
    pairs: arrayOf(object({ ids: arrayOf(text), score: number, questions: arrayOf(text) })),
  }),
  /** Articles as they are imported again; `?format=csv` answers them as CSV text. */
  exported: arrayOf(articleInputSchema),
  imported: object({ created: integer, updated: integer }),
  unanswered: object({ groups: arrayOf(unansweredGroup) }),
} as const;
