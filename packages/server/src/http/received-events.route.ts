import { Router } from 'express';
import type { ReceivedEventLog } from '../intake/log/received-event-log.ts';
import type { SourceRegistry } from '../intake/event-source.ts';
import { RECEIVED_OUTCOMES, type ReceivedEventOutcome } from '../model/received-event.model.ts';
import { liveJourneys, unheardSources } from '../workflows/live-journeys.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { allow } from './authenticate.ts';
import { DATE_QUERY, readQuery } from './query-params.ts';
import { responds } from './route-metadata.ts';
import { receivedEventsResponseSchemas } from './received-events.response.ts';

/** The filters and paging of `GET /api/events`, each a pattern its value must match. */
export const RECEIVED_EVENTS_QUERY = {
  source: /^[a-z0-9-]{1,100}$/,
  type: /^[a-zA-Z0-9_./-]{1,100}$/,
  outcome: new RegExp(`^(${RECEIVED_OUTCOMES.join('|')})$`),
  order: /^[^$]{1,200}$/,
  from: DATE_QUERY,
  to: DATE_QUERY,
  cursor: /^[^$]{1,400}$/,
  limit: /^[1-9]\d{0,2}$/,
};

/**
 * `GET /api/events`: every delivery received and what became of it, newest first, filtered by
 * source, type, outcome, order (id, number or correlation value) and time, a page at a time;
 * with the configured sources no published journey listens to.
 */
export function receivedEventsRouter(
  log: ReceivedEventLog,
  sources: SourceRegistry,
  workflows: WorkflowService,
): Router {
  const router = Router();
  router.get(
    '/events',
    allow('read'),
    responds(receivedEventsResponseSchemas.list),
    async (request, response) => {
      const query = readQuery(request, RECEIVED_EVENTS_QUERY, ['from', 'to']);
      const page = await log.list(
        {
          ...(query.source ? { source: query.source } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.outcome ? { outcome: query.outcome as ReceivedEventOutcome } : {}),
          ...(query.order ? { order: query.order } : {}),
          ...(query.from ? { from: new Date(query.from) } : {}),
          ...(query.to ? { to: new Date(query.to) } : {}),
        },
        query.cursor,
        Math.min(Number(query.limit ?? 50), 200),
      );
      const unheard = unheardSources(sources.list(), await liveJourneys(workflows));
      response.json({
        events: page.events.map(({ _id, detail, ...entry }) => ({ id: _id, ...entry, ...detail })),
        next: page.next,
        unheard,
      });
    },
  );
  return router;
}
