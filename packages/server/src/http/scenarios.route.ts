import { Router } from 'express';
import { audits, type AuditDescription } from './audit-trail.ts';
import { scenarioSchema, type Scenario } from '@xiaoer/engine/testing';
import type { ScenarioStore } from '../workflows/scenario-store.ts';
import { validateBody } from './validate-body.ts';
import { actorOf } from './actor.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';
import { scenarioResponseSchemas } from './scenarios.response.ts';
import { responds } from './route-metadata.ts';

/** A scenario's name in its URL: letters (any script), digits, spaces, `_ . -`. */
const SCENARIO_NAME = /^[\p{L}\p{N} _.-]{1,64}$/u;

function scenarioName(value: string): string {
  if (!SCENARIO_NAME.test(value))
    throw new ApiError(400, 'invalid-scenario-name', {
      zh: `场景名称 "${value.slice(0, 80)}" 不合法：1–64 个字母、数字、空格或 _ . -。`,
      en: `Scenario name "${value.slice(0, 80)}" is invalid: 1–64 letters, digits, spaces or _ . -.`,
    });
  return value;
}

const scenarioNotFound = (workflow: string, name: string) =>
  new ApiError(404, 'scenario-not-found', {
    zh: `旅程 "${workflow}" 没有名为 "${name}" 的场景。`,
    en: `Workflow "${workflow}" has no scenario named "${name}".`,
  });

export const scenarioBodySchemas = { scenario: scenarioSchema } as const;

/** `/api/workflows/:id/scenarios`: simulation scenarios saved beside a workflow. */
/** A scenario's audit entry: the journey, and the scenario's name. */
const scenarioFacts: AuditDescription = (request) => ({
  target: param(request, 'id'),
  details: { scenario: param(request, 'name') },
});

export function scenariosRouter(scenarios: ScenarioStore): Router {
  const router = Router();
  router.get(
    '/workflows/:id/scenarios',
    allow('read'),
    responds(scenarioResponseSchemas.list),
    async (request, response) => {
      response.json({ scenarios: await scenarios.list(param(request, 'id')) });
    },
  );
  router.get(
    '/workflows/:id/scenarios/:name',
    allow('read'),
    responds(scenarioResponseSchemas.saved),
    async (request, response) => {
      const [id, name] = [param(request, 'id'), scenarioName(param(request, 'name'))];
      const found = await scenarios.get(id, name);
      if (!found) throw scenarioNotFound(id, name);
      response.json(found);
    },
  );
  router.put(
    '/workflows/:id/scenarios/:name',
    allow('edit'),
    responds(scenarioResponseSchemas.saved),
    audits('scenario.save', scenarioFacts),
    validateBody(scenarioBodySchemas.scenario, { storableKeys: true }),
    async (request, response) => {
      const [id, name] = [param(request, 'id'), scenarioName(param(request, 'name'))];
      response.json(await scenarios.save(id, name, request.body as Scenario, actorOf(request)));
    },
  );
  router.delete(
    '/workflows/:id/scenarios/:name',
    allow('edit'),
    responds(scenarioResponseSchemas.deleted),
    audits('scenario.delete', scenarioFacts),
    async (request, response) => {
      const [id, name] = [param(request, 'id'), scenarioName(param(request, 'name'))];
      if (!(await scenarios.remove(id, name))) throw scenarioNotFound(id, name);
      response.json({ deleted: name });
    },
  );
  return router;
}
