import { Router } from 'express';
import { bilingualHalf } from '@xiaoer/engine';
import { ORDER_EVENT_TYPES, type EventTypeContract } from '../intake/event-types.ts';
import { liveJourneys } from '../workflows/live-journeys.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/**
 * `GET /api/event-types`: the integration contract, no login needed: each order event type
 * with the JSON Schema of its data, then the trigger of every live journey with its own.
 */
export function eventTypesRouter(workflows: WorkflowService): Router {
  const router = Router();
  router.get(
    '/event-types',
    responds(extraResponseSchemas.eventTypes),
    async (_request, response) => {
      const triggers: (EventTypeContract & { startsJourney: string })[] = [];
      for (const journey of await liveJourneys(workflows)) {
        const { document } = await workflows.version(journey.id, journey.version);
        const trigger = document.nodes.find((n) => n.type === 'trigger');
        const config = (trigger?.config ?? {}) as {
          event?: string;
          data?: Record<string, unknown>;
        };
        if (!config.event || ORDER_EVENT_TYPES.some((t) => t.type === config.event)) continue;
        triggers.push({
          type: config.event,
          description: {
            zh: `启动旅程 ${bilingualHalf(document.name, 'zh') ?? document.name}`,
            en: `Starts the journey ${bilingualHalf(document.name, 'en') ?? document.name}`,
          },
          data: config.data ?? { type: 'object' },
          startsJourney: journey.id,
        });
      }
      response.json({ eventTypes: [...ORDER_EVENT_TYPES, ...triggers] });
    },
  );
  return router;
}
