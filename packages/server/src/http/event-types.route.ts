import { Router } from 'express';
import { bilingualHalf, journeyOf } from '@xiaoer/engine';
import { ORDER_EVENT_TYPES, type EventTypeContract } from '../intake/event-types.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';
import { isChatOnlyType } from '../intake/chat-only-events.ts';

/**
 * `GET /api/event-types`: the integration contract, no login needed: each order event type
 * with the JSON Schema of its data, then the trigger of every live journey with its own (not
 * the chat's own events, which no source may send). Served from the published journeys the
 * intake keeps (read at most once a second, compiled once per version): before, each request
 * read every draft and each live version twice, so anyone repeating it kept the store busy.
 */
export function eventTypesRouter(catalog: Pick<WorkflowCatalog, 'routable' | 'machine'>): Router {
  const router = Router();
  router.get(
    '/event-types',
    responds(extraResponseSchemas.eventTypes),
    async (_request, response) => {
      const live = (await catalog.routable()).filter((journey) => !journey.archived);
      const documents = await Promise.all(
        live.map(
          async (journey) =>
            journeyOf(await catalog.machine(journey.workflowId, journey.latestVersion)).workflow,
        ),
      );
      const triggers: (EventTypeContract & { startsJourney: string })[] = [];
      for (const document of documents) {
        const trigger = document.nodes.find((n) => n.type === 'trigger');
        const config = (trigger?.config ?? {}) as {
          event?: string;
          data?: Record<string, unknown>;
        };
        if (!config.event || ORDER_EVENT_TYPES.some((t) => t.type === config.event)) continue;
        if (isChatOnlyType(config.event)) continue;
        triggers.push({
          type: config.event,
          description: {
            zh: `启动旅程 ${bilingualHalf(document.name, 'zh') ?? document.name}`,
            en: `Starts the journey ${bilingualHalf(document.name, 'en') ?? document.name}`,
          },
          data: config.data ?? { type: 'object' },
          startsJourney: document.id,
        });
      }
      response.json({ eventTypes: [...ORDER_EVENT_TYPES, ...triggers] });
    },
  );
  return router;
}
