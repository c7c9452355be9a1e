import { Router } from 'express';
import type { ReceivedEventLog } from '../intake/log/received-event-log.ts';
import type { SourceRegistry } from '../intake/event-source.ts';
import { RECEIVED_OUTCOMES } from '../model/received-event.model.ts';
import { liveJourneys, unheardSources } from '../workflows/live-journeys.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { allow } from './authenticate.ts';
import { acceptsQuery } from './validate-query.ts';
import { dateOrTime, matching, oneOf, wholeNumber } from './query-parameter.ts';
import { responds } from './route-metadata.ts';
import { receivedEventsResponseSchemas } from './received-events.response.ts';
import { customerDataFor } from './customer-data-view.ts';

/** The filters and paging of `GET /api/events`. */
export const RECEIVED_EVENTS_QUERY = acceptsQuery({
  source: matching(/^[a-z0-9-]{1,100}$/, {
    zh: '1–100 个小写字母、数字或 "-"',
    en: '1–100 lower-case letters, digits or "-"',
  }),
  type: matching(/^[a-zA-Z0-9_./-]{1,100}$/, {
    zh: '1–100 个字母、数字或 "_./-"',
    en: '1–100 letters, digits or "_./-"',
  }),
  outcome: oneOf(RECEIVED_OUTCOMES),
  order: matching(/^[^$]{1,200}$/, {
    zh: '1–200 个字符，不含 "$"',
    en: '1–200 characters without "$"',
  }),
  from: dateOrTime,
  to: dateOrTime,
  cursor: matching(/^[^$]{1,400}$/, {
    zh: '上一页答复中的 next',
    en: "the previous page's next",
  }),
  limit: wholeNumber(1, 200),
});

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
    RECEIVED_EVENTS_QUERY.check,
    responds(receivedEventsResponseSchemas.list),
    async (request, response) => {
      const { cursor, limit = 50, ...filter } = RECEIVED_EVENTS_QUERY.read(request);
      const page = await log.list(filter, cursor, limit);
      const unheard = unheardSources(sources.list(), await liveJourneys(workflows));
      response.json({
        events: customerDataFor(request)(
          page.events.map(({ _id, detail, ...entry }) => ({ id: _id, ...entry, ...detail })),
        ),
        next: page.next,
        unheard,
      });
    },
  );
  return router;
}
