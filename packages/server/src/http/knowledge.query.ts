import type { Request } from 'express';
import { KNOWLEDGE_CHANNELS } from '../model/knowledge.model.ts';
import type { ArticleQuery } from '../knowledge/article-store.ts';
import type { FrequentOptions } from '../knowledge/unanswered-questions.ts';
import { articleInputSchema } from '../knowledge/article.schema.ts';
import { DATE_QUERY, readQuery } from './query-params.ts';

/** Query parameters of `GET /api/knowledge/articles`. */
export const KNOWLEDGE_LIST_QUERY = {
  q: /^[\s\S]{1,200}$/,
  tag: /^[\s\S]{1,40}$/,
  status: /^(draft|published)$/,
  page: /^[1-9]\d{0,5}$/,
};

/** Query parameters of `GET /api/knowledge/unanswered`. */
export const UNANSWERED_QUERY = {
  since: DATE_QUERY,
  limit: /^([1-9]|[1-9]\d|100)$/,
};

export function listQuery(request: Request): ArticleQuery {
  const { q, tag, status, page } = readQuery(request, KNOWLEDGE_LIST_QUERY);
  return {
    ...(q ? { q } : {}),
    ...(tag ? { tag } : {}),
    ...(status ? { status: status as 'draft' | 'published' } : {}),
    ...(page ? { page: Number(page) } : {}),
  };
}

export function unansweredQuery(request: Request): FrequentOptions {
  const { since, limit } = readQuery(request, UNANSWERED_QUERY, ['since']);
  return {
    ...(since ? { since: new Date(since) } : {}),
    ...(limit ? { limit: Number(limit) } : {}),
  };
}

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
