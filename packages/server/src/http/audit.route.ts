import { Router } from 'express';
import type { HttpModels } from '../model/models.ts';
import { allow } from './authenticate.ts';
import { acceptsQuery } from './validate-query.ts';
import { wholeNumber } from './query-parameter.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/** `GET /api/audit?limit=`: who did what by hand, newest first (admins only), 200 by default. */
export const AUDIT_QUERY = acceptsQuery({ limit: wholeNumber(1, 999) });

export function auditRouter(models: HttpModels): Router {
  const router = Router();
  router.get(
    '/audit',
    allow('admin'),
    AUDIT_QUERY.check,
    responds(extraResponseSchemas.audit),
    async (request, response) => {
      const { limit = 200 } = AUDIT_QUERY.read(request);
      const entries = await models.Audit.find().sort({ at: -1 }).limit(limit).lean();
      response.json({ entries });
    },
  );
  return router;
}
