import { Router } from 'express';
import type { JourneyTemplates } from '../workflows/journey-templates.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/** `/api/templates`: read-only journeys to start a new one from ("New from template"). */
export function templatesRouter(templates: JourneyTemplates): Router {
  const router = Router();
  router.get(
    '/templates',
    allow('read'),
    responds(extraResponseSchemas.templates),
    async (_request, response) => {
      response.json({ templates: await templates.list() });
    },
  );
  router.get(
    '/templates/:id',
    allow('read'),
    responds(extraResponseSchemas.template),
    async (request, response) => {
      const id = param(request, 'id');
      const document = await templates.get(id);
      if (!document)
        throw new ApiError(404, 'template-not-found', {
          zh: `没有名为 "${id.slice(0, 80)}" 的模板。`,
          en: `There is no template "${id.slice(0, 80)}".`,
        });
      response.json(document);
    },
  );
  return router;
}
