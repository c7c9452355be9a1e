import { Router } from 'express';
import type { ServiceDesk } from '../conversations/service-desk.ts';
import type { CustomerHistory } from '../conversations/customer-history.ts';
import type { Router as RoutingService } from '../routing/router.ts';
import { allow } from './authenticate.ts';
import { responds } from './route-metadata.ts';
import { conversationAccess } from './conversation-access.ts';
import { customerHistorySchema } from './customer-history.response.ts';

/**
 * `GET /api/conversations/:id/customer-history`: the customer's earlier conversations and
 * orders, for whoever may work the conversation (an agent only on their own handoffs).
 */
export function customerHistoryRouter(
  desk: ServiceDesk,
  routing: RoutingService,
  history: CustomerHistory,
): Router {
  const router = Router();
  const workable = conversationAccess(desk, routing);
  router.get(
    '/conversations/:id/customer-history',
    allow('handle'),
    responds(customerHistorySchema),
    async (request, response) => {
      response.json(await history.of(await workable(request)));
    },
  );
  return router;
}
