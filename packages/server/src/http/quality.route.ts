import { Router } from 'express';
import { audits, auditDetails } from './audit-trail.ts';
import type { QualityInspector } from '../quality/quality-inspector.ts';
import { rulesChangeSchema } from '../quality/rule-schema.ts';
import type { RulesChange } from '../quality/rule-store.ts';
import { reportNotFound } from '../quality/quality-errors.ts';
import { MAX_REPORTS_LISTED } from '../quality/quality-reports.ts';
import { validateBody } from './validate-body.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { acceptsQuery } from './validate-query.ts';
import { dateOrTime, matching, wholeNumber } from './query-parameter.ts';
import { qualityResponseSchemas } from './quality.response.ts';
import { responds } from './route-metadata.ts';
import { customerDataFor } from './customer-data-view.ts';

/** Query parameters of `GET /api/quality/agents`. */
export const QUALITY_AGENTS_QUERY = acceptsQuery({ from: dateOrTime, to: dateOrTime });
/** Query parameters of `GET /api/quality/reports`. */
export const QUALITY_REPORTS_QUERY = acceptsQuery({
  agentId: matching(/^[A-Za-z0-9_.@:-]{1,64}$/, {
    zh: '1–64 个字母、数字或 "_.@:-"',
    en: '1–64 letters, digits or "_.@:-"',
  }),
  from: dateOrTime,
  to: dateOrTime,
  limit: wholeNumber(1, MAX_REPORTS_LISTED),
});

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

/** `/api/quality/*`: the rules, the reports with operators' overrides, per-agent averages. */
export function qualityRouter(quality: QualityInspector): Router {
  const router = Router();

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
    audits('quality.rules', (request, answer) => ({
      target: 'qualityRules',
      details: {
        version: Number(answer['version']),
        rules: Object.keys((request.body as { rules: RulesChange }).rules),
      },
    })),
    validateBody(qualityBodySchemas.rules),
    async (request, response) => {
      const { rules } = request.body as { rules: RulesChange };
      const ruleset = await quality.rules.change(rules, actorOf(request));
      response.json(ruleset);
    },
  );

  router.get(
    '/quality/reports',
    allow('read'),
    QUALITY_REPORTS_QUERY.check,
    responds(qualityResponseSchemas.reports),
    async (request, response) => {
      const reports = await quality.reports.list(QUALITY_REPORTS_QUERY.read(request));
      response.json({ reports: customerDataFor(request)(reports), maxLimit: MAX_REPORTS_LISTED });
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
      response.json(customerDataFor(request)(report));
    },
  );
  router.put(
    '/quality/reports/:handoffId/override',
    allow('operate'),
    responds(qualityResponseSchemas.report),
    audits('quality.override', (request) => {
      const { score, note } = request.body as { score: number; note: string };
      return { target: param(request, 'handoffId'), details: { score, note } };
    }),
    validateBody(qualityBodySchemas.override),
    async (request, response) => {
      const id = param(request, 'handoffId');
      const review = request.body as { score: number; note: string };
      const { report, previousScore } = await quality.override(
        id,
        { score: review.score, note: review.note.trim() },
        actorOf(request),
      );
      auditDetails(request, { previousScore });
      response.json(report);
    },
  );
  router.get(
    '/quality/agents',
    allow('read'),
    QUALITY_AGENTS_QUERY.check,
    responds(qualityResponseSchemas.agents),
    async (request, response) => {
      response.json(await quality.reports.agents(QUALITY_AGENTS_QUERY.read(request)));
    },
  );
  return router;
}
