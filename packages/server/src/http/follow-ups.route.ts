import { Router } from 'express';
import { audits } from './audit-trail.ts';
import type { ServiceDesk } from '../conversations/service-desk.ts';
import type { FollowUpStore } from '../quality/follow-up-store.ts';
import type { FollowUpRecord } from '../model/quality.model.ts';
import { dueInThePast } from '../quality/quality-errors.ts';
import { validateBody } from './validate-body.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { qualityResponseSchemas } from './quality.response.ts';
import { responds } from './route-metadata.ts';
import { conversationAccess } from './conversation-access.ts';
import type { Router as RoutingService } from '../routing/router.ts';
import { customerDataFor } from './customer-data-view.ts';

/** How far in the past a due time may be and still count as "now" (clocks differ a little). */
const CLOCK_SLACK_MS = 60_000;

/** `POST /api/conversations/:id/follow-ups`: when it is due (ISO date-time) and what to do. */
export const followUpBodySchema = {
  type: 'object',
  required: ['dueAt'],
  additionalProperties: false,
  properties: {
    dueAt: { type: 'string', format: 'date-time' },
    note: { type: 'string', maxLength: 500 },
  },
} as const;

const view = ({ _id, ...task }: FollowUpRecord) => ({ id: _id, ...task });

/**
 * `/api/conversations/:id/follow-ups`: an agent's promise to come back, as a task. Agents set
 * and read them only on their own handoffs; admins, operators and viewers read any.
 */
export function followUpsRouter(
  desk: ServiceDesk,
  routing: RoutingService,
  followUps: FollowUpStore,
): Router {
  const router = Router();
  const workable = conversationAccess(desk, routing);
  router.post(
    '/conversations/:id/follow-ups',
    allow('handle'),
    responds(qualityResponseSchemas.followUp),
    audits('followUp.create', (request, answer) => ({
      target: param(request, 'id'),
      details: { followUp: String(answer['id']), dueAt: String(answer['dueAt']) },
    })),
    validateBody(followUpBodySchema),
    async (request, response) => {
      const conversation = await workable(request);
      const { dueAt, note = '' } = request.body as { dueAt: string; note?: string };
      const due = new Date(dueAt);
      if (due.getTime() < Date.now() - CLOCK_SLACK_MS) throw dueInThePast();
      const task = await followUps.create(
        conversation._id,
        { dueAt: due, note: note.trim() },
        actorOf(request),
      );
      response.status(201).json(view(task));
    },
  );
  router.get(
    '/conversations/:id/follow-ups',
    allow('read'),
    responds(qualityResponseSchemas.followUps),
    async (request, response) => {
      // An agent's notes to come back carry what the customer asked for: an agent reads them
      // only on conversations handed to them, as they write them (403 `not-your-conversation`).
      const conversation = await workable(request);
      const listed = (await followUps.list(conversation._id)).map(view);
      response.json(customerDataFor(request)({ followUps: listed }));
    },
  );
  return router;
}
