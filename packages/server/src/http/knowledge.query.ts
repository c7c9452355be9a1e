import { KNOWLEDGE_CHANNELS } from '../model/knowledge.model.ts';
import { articleInputSchema } from '../knowledge/article.schema.ts';
import { acceptsQuery } from './validate-query.ts';
import { dateOrTime, matching, oneOf, wholeNumber } from './query-parameter.ts';

/** Query parameters of `GET /api/knowledge/articles`. */
export const KNOWLEDGE_LIST_QUERY = acceptsQuery({
  q: matching(/^[\s\S]{1,200}$/, { zh: '1–200 个字符', en: '1–200 characters' }),
  tag: matching(/^[\s\S]{1,40}$/, { zh: '1–40 个字符', en: '1–40 characters' }),
  status: oneOf(['draft', 'published']),
  page: wholeNumber(1, 999_999),
});

/** Query parameters of `GET /api/knowledge/unanswered`. */
export const UNANSWERED_QUERY = acceptsQuery({ since: dateOrTime, limit: wholeNumber(1, 100) });

/** Query of `GET /api/knowledge/export`: the file's format, JSON by default. */
export const KNOWLEDGE_EXPORT_QUERY = acceptsQuery({ format: oneOf(['json', 'csv']) });

const channel = { enum: [...KNOWLEDGE_CHANNELS] };

export const knowledgeBodySchemas = {
  search: {
    type: 'object',
    additionalProperties: false,
    required: ['question'],
    properties: {
      question: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
      channel,
      language: { enum: ['zh', 'en'] },
      limit: { type: 'integer', minimum: 1, maximum: 20 },
    },
  },
  promote: {
    type: 'object',
    additionalProperties: false,
    required: ['answer'],
    oneOf: [{ required: ['groupKey'] }, { required: ['questionIds'] }],
    properties: {
      groupKey: { type: 'string', minLength: 1, maxLength: 100 },
      questionIds: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { type: 'string', minLength: 1, maxLength: 100 },
      },
      answer: articleInputSchema.properties.answer,
      id: articleInputSchema.properties.id,
      tags: articleInputSchema.properties.tags,
      channels: articleInputSchema.properties.channels,
      status: articleInputSchema.properties.status,
    },
  },
} as const;
