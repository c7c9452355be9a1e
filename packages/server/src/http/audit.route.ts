import { Router } from 'express';
import type { HttpModels } from '../model/models.ts';
import { ApiError } from './api-error.ts';
import { allow } from './authenticate.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/** `GET /api/audit?limit=`: who did what by hand, newest first (admins only). */
export const AUDIT_QUERY = { limit: /^[1-9]\d{0,2}$/ };

export function auditRouter(models: HttpModels): Router {
  const router = Router();
  router.get(
    '/audit',
    allow('admin'),
    responds(extraResponseSchemas.audit),
    async (request, response) => {
      const given = request.query['limit'];
      if (given !== undefined && (typeof given !== 'string' || !AUDIT_QUERY.limit.test(given)))
        throw new ApiError(400, 'invalid-limit', {
          zh: '`limit` 应为 1–999 的整数。',
          en: '`limit` must be a whole number from 1 to 999.',
        });
      const limit = given ? Number(given) : 200;
      const entries = await models.Audit.find().sort({ at: -1 }).limit(limit).lean();
      response.json({ entries });
    },
  );
  return router;
}
