import { Router, type Request } from 'express';
import type { JsonObject } from '@xiaoer/engine';
import type { HttpModels } from '../model/models.ts';
import type { QualityInspector } from '../quality/quality-inspector.ts';
import { rulesChangeSchema } from '../quality/rule-schema.ts';
import type { RulesChange } from '../quality/rule-store.ts';
import { reportNotFound } from '../quality/quality-errors.ts';
import { MAX_REPORTS_LISTED } from '../quality/quality-reports.ts';
import { validateBody } from './validate-body.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { DATE_QUERY, readQuery } from './query-params.ts';
import { qualityResponseSchemas } from './quality.response.ts';
import { responds } from './route-metadata.ts';

/** Query parameters of `GET /api/quality/reports`. */
export const QUALITY_REPORTS_QUERY = {
  agentId: /^[A-Za-z0-9_.@:-]{1,64}$/,
  from: DATE_QUERY,
  to: DATE_QUERY,
  limit: new RegExp(`^([1-9]\\d{0,2})$`),
};
/** Query parameters of `GET /api/quality/agents`. */
export const QUALITY_AGENTS_QUERY = { from: DATE_QUERY, to: DATE_QUERY };

/** The request bodies of `/api/quality/*`, as checked and as documented. */
export const qualityBodySchemas = {
  rules: rulesChangeSchema,
  override: {
    type: 'object',
    required: ['score', 'note'],
    additionalProperties: false,
    properties: {
      score: { type: 'integer', minimum: 0, maximum: 100 },
      note: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
    },
  },
} as const;

/** The query read with `from` and `to` as dates. */
function withPeriod<K extends string>(request: Request, query: Record<K | 'from' | 'to', RegExp>) {
  const { from, to, ...rest } = readQuery(request, query, ['from', 'to']);
  return {
    ...(rest as Partial<Record<Exclude<K, 'from' | 'to'>, string>>),
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: new Date(to) } : {}),
  };
}

/** `/api/quality/*`: the rules, the reports with operators' overrides, per-agent averages. */
export function qualityRouter(quality: QualityInspector, models: HttpModels): Router {
  const router = Router();
  const audit = (request: Request, action: string, target: string, details: JsonObject = {}) =>
    models.Audit.create({ at: new Date(), actor: actorOf(request), action, target, details });

  router.get(
    '/quality/rules',
    allow('read'),
    responds(qualityResponseSchemas.ruleset),
    async (_request, response) => {
      response.json(await quality.rules.ruleset());
    },
  );
  router.put(
    '/quality/rules',
    allow('edit'),
    responds(qualityResponseSchemas.ruleset),
    validateBody(qualityBodySchemas.rules),
    async (request, response) => {
      const { rules } = request.body as { rules: RulesChange };
      const ruleset = await quality.rules.change(rules, actorOf(request));
      await audit(request, 'quality.rules', 'qualityRules', {
        version: ruleset.version,
        rules: Object.keys(rules),
      });
      response.json(ruleset);
    },
  );

  router.get(
    '/quality/reports',
    allow('read'),
    responds(qualityResponseSchemas.reports),
    async (request, response) => {
      const { limit, agentId, ...period } = withPeriod(request, QUALITY_REPORTS_QUERY);
      const count = limit ? Math.min(Number(limit), MAX_REPORTS_LISTED) : undefined;
      response.json({
        reports: await quality.reports.list({
          ...period,
          ...(agentId ? { agentId } : {}),
          ...(count ? { limit: count } : {}),
        }),
        maxLimit: MAX_REPORTS_LISTED,
      });
    },
  );
  router.get(
    '/quality/reports/:handoffId',
    allow('read'),
    responds(qualityResponseSchemas.report),
    async (request, response) => {
      const id = param(request, 'handoffId');
      const report = await quality.reports.get(id);
      if (!report) throw reportNotFound(id);
      response.json(report);
    },
  );
  router.put(
    '/quality/reports/:handoffId/override',
    allow('operate'),
    responds(qualityResponseSchemas.report),
    validateBody(qualityBodySchemas.override),
    async (request, response) => {
      const id = param(request, 'handoffId');
      const review = request.body as { score: number; note: string };
      const { report, previousScore } = await quality.override(
        id,
        { score: review.score, note: review.note.trim() },
        actorOf(request),
      );
      await audit(request, 'quality.override', id, {
        score: review.score,
        previousScore,
        note: review.note,
      });
      response.json(report);
    },
  );
  router.get(
    '/quality/agents',
    allow('read'),
    responds(qualityResponseSchemas.agents),
    async (request, response) => {
      response.json(await quality.reports.agents(withPeriod(request, QUALITY_AGENTS_QUERY)));
    },
  );
  return router;
}
