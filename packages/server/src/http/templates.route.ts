import { Router } from 'express';
import type { JourneyTemplates } from '../workflows/journey-templates.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';

/** `/api/templates`: read-only journeys to start a new one from ("New from template"). */
export function templatesRouter(templates: JourneyTemplates): Router {
  const router = Router();
  router.get('/templates', allow('read'), async (_request, response) => {
    response.json({ templates: await templates.list() });
  });
  router.get('/templates/:id', allow('read'), async (request, response) => {
    const id = param(request, 'id');
    const document = await templates.get(id);
    if (!document)
      throw new ApiError(404, 'template-not-found', {
        zh: `没有名为 "${id.slice(0, 80)}" 的模板。`,
        en: `There is no template "${id.slice(0, 80)}".`,
      });
    response.json(document);
  });
  return router;
}
