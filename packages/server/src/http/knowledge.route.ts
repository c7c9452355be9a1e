import express, { Router, type RequestHandler } from 'express';
import { audits, auditDetails } from './audit-trail.ts';
import type { JsonObject } from '@xiaoer/engine';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import {
  articleInputSchema,
  articleUpdateSchema,
  type ArticleInput,
} from '../knowledge/article.schema.ts';
import { articlesFromCsv, articlesToCsv } from '../knowledge/article-csv.ts';
import { articleNotFound } from '../knowledge/knowledge-errors.ts';
import {
  KNOWLEDGE_EXPORT_QUERY,
  KNOWLEDGE_LIST_QUERY,
  knowledgeBodySchemas,
  UNANSWERED_QUERY,
} from './knowledge.query.ts';
import { validateBody } from './validate-body.ts';
import { acceptsBody } from './media-type.ts';
import { actorOf } from './actor.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';
import type { SearchFilter } from '../knowledge/knowledge-index.ts';
import type { PromoteRequest } from '../knowledge/knowledge-base.ts';
import { knowledgeResponseSchemas } from './knowledge.response.ts';
import { responds } from './route-metadata.ts';
import { customerDataFor } from './customer-data-view.ts';

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 10_000;

const notAnArray = new ApiError(400, 'invalid-import', {
  zh: `导入内容应为条目数组（JSON）或 CSV（Content-Type: text/csv），最多 ${MAX_IMPORT_ROWS} 条。`,
  en: `The import must be a JSON array of articles or CSV (Content-Type: text/csv), at most ${MAX_IMPORT_ROWS} rows.`,
});

/** `/api/knowledge/*`: articles, operator search, import/export and unanswered questions. */
export function knowledgeRouter(
  knowledge: KnowledgeBase,
  bodyLimit: string | number,
  /** The user's budget of near-duplicate checks (http/console-budgets.ts). */
  duplicatesBudget: RequestHandler,
): Router {
  const router = Router();

  router.get(
    '/knowledge/articles',
    allow('read'),
    KNOWLEDGE_LIST_QUERY.check,
    responds(knowledgeResponseSchemas.list),
    async (request, response) => {
      const query = KNOWLEDGE_LIST_QUERY.read(request);
      response.json({ ...(await knowledge.list(query)), page: query.page ?? 1 });
    },
  );
  router.post(
    '/knowledge/articles',
    allow('edit'),
    responds(knowledgeResponseSchemas.article),
    audits('knowledge.create', (_request, answer) => ({ target: String(answer['id']) })),
    validateBody(articleInputSchema),
    async (request, response) => {
      const article = await knowledge.articles.create(
        request.body as ArticleInput,
        actorOf(request),
      );
      response.status(201).json(article);
    },
  );
  router.get(
    '/knowledge/articles/:id',
    allow('read'),
    responds(knowledgeResponseSchemas.article),
    async (request, response) => {
      const article = await knowledge.articles.get(param(request, 'id'));
      if (!article) throw articleNotFound(param(request, 'id'));
      response.json(article);
    },
  );
  router.put(
    '/knowledge/articles/:id',
    allow('edit'),
    responds(knowledgeResponseSchemas.article),
    audits('knowledge.update', (_request, answer) => ({
      target: String(answer['id']),
      details: { revision: Number(answer['revision']) },
    })),
    validateBody(articleUpdateSchema),
    async (request, response) => {
      const { revision, ...input } = request.body as ArticleInput & { revision: number };
      const article = await knowledge.articles.update(
        param(request, 'id'),
        input,
        revision,
        actorOf(request),
      );
      response.json(article);
    },
  );
  router.delete(
    '/knowledge/articles/:id',
    allow('edit'),
    responds(knowledgeResponseSchemas.deleted),
    audits('knowledge.delete', (_request, answer) => ({ target: String(answer['deleted']) })),
    async (request, response) => {
      const article = await knowledge.articles.remove(param(request, 'id'), actorOf(request));
      auditDetails(request, { revision: article.revision });
      response.json({ deleted: article.id });
    },
  );

  router.post(
    '/knowledge/search',
    allow('read'),
    responds(knowledgeResponseSchemas.search),
    validateBody(knowledgeBodySchemas.search),
    async (request, response) => {
      const { question, ...filter } = request.body as SearchFilter & { question: string };
      const matches = await knowledge.search(question, filter);
      // The band of the best match and, when unsure, the top three to offer as "did you mean".
      const { band, threshold, suggestFloor, language } = await knowledge.lookup(question, filter);
      const suggestions = band === 'suggest' ? matches.slice(0, 3) : [];
      response.json({ matches, threshold, suggestFloor, language, band, suggestions });
    },
  );

  router.get(
    '/knowledge/duplicates',
    allow('read'),
    responds(knowledgeResponseSchemas.duplicates),
    duplicatesBudget,
    async (_request, response) => {
      response.json({ pairs: await knowledge.nearDuplicates() });
    },
  );

  router.get(
    '/knowledge/export',
    allow('read'),
    KNOWLEDGE_EXPORT_QUERY.check,
    responds(knowledgeResponseSchemas.exported),
    async (request, response) => {
      const { format = 'json' } = KNOWLEDGE_EXPORT_QUERY.read(request);
      const articles = await knowledge.exportArticles();
      response.attachment(`knowledge.${format}`);
      if (format === 'csv') response.type('text/csv').send(articlesToCsv(articles));
      else response.json(articles);
    },
  );
  router.post(
    '/knowledge/import',
    allow('edit'),
    responds(knowledgeResponseSchemas.imported),
    audits('knowledge.import', (_request, answer) => ({
      target: 'knowledge',
      details: answer as JsonObject,
    })),
    acceptsBody('application/json', 'text/csv'),
    express.text({ type: 'text/csv', limit: bodyLimit }),
    async (request, response) => {
      const body: unknown = request.body;
      const csv =
        request.is('text/csv') && typeof body === 'string' ? articlesFromCsv(body) : undefined;
      const rows: unknown = csv ? csv.inputs : body;
      if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_IMPORT_ROWS)
        throw notAnArray;
      const result = await knowledge.importArticles(rows, actorOf(request), csv?.lines);
      auditDetails(request, { rows: rows.length });
      response.json(result);
    },
  );

  router.get(
    '/knowledge/unanswered',
    allow('read'),
    UNANSWERED_QUERY.check,
    responds(knowledgeResponseSchemas.unanswered),
    async (request, response) => {
      const query = UNANSWERED_QUERY.read(request);
      response.json(
        customerDataFor(request)({ groups: await knowledge.frequentUnanswered(query) }),
      );
    },
  );
  router.post(
    '/knowledge/unanswered/promote',
    allow('edit'),
    responds(knowledgeResponseSchemas.article),
    audits('knowledge.promote', (_request, answer) => ({
      target: String(answer['id']),
      details: { questions: (answer['questions'] as unknown[]).length },
    })),
    validateBody(knowledgeBodySchemas.promote),
    async (request, response) => {
      const promote = request.body as PromoteRequest;
      const article = await knowledge.promoteGroup(promote, actorOf(request));
      if (!article)
        throw new ApiError(404, 'unanswered-group-not-found', {
          zh: '没有找到这组未解答问题（可能已转为条目）。',
          en: 'No such group of unanswered questions (it may have been promoted already).',
        });
      response.status(201).json(article);
    },
  );
  return router;
}
