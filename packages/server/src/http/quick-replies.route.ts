import { Router } from 'express';
import { audits, type AuditDescription } from './audit-trail.ts';
import {
  QUICK_REPLY_PLACEHOLDERS,
  type QuickReplies,
  type QuickReplyInput,
} from '../conversations/quick-replies.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { validateBody } from './validate-body.ts';
import { responds } from './route-metadata.ts';
import { quickRepliesResponseSchemas } from './quick-replies.response.ts';

const replyText = { type: 'string', maxLength: 2000 } as const;

/** A quick reply's body: a title and its text in Chinese, English or both. */
export const quickReplyBodySchema = {
  type: 'object',
  required: ['title', 'text'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 60 },
    text: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: { zh: replyText, en: replyText },
    },
  },
} as const;

/**
 * `/api/quick-replies`: canned answers with placeholders. Everyone at the desk reads them;
 * operators and admins write them.
 */
/** A quick reply's audit entry: which one, under which title. */
const quickReplyFacts: AuditDescription = (_request, answer) => ({
  target: String(answer['id']),
  details: { title: String(answer['title']) },
});

export function quickRepliesRouter(replies: QuickReplies): Router {
  const router = Router();
  router.get(
    '/quick-replies',
    allow('handle'),
    responds(quickRepliesResponseSchemas.list),
    async (_request, response) => {
      response.json({
        quickReplies: await replies.list(),
        placeholders: [...QUICK_REPLY_PLACEHOLDERS],
      });
    },
  );
  router.post(
    '/quick-replies',
    allow('edit'),
    responds(quickRepliesResponseSchemas.one),
    audits('quickReply.create', quickReplyFacts),
    validateBody(quickReplyBodySchema),
    async (request, response) => {
      const input = request.body as QuickReplyInput;
      response.status(201).json(await replies.create(input, actorOf(request)));
    },
  );
  router.put(
    '/quick-replies/:id',
    allow('edit'),
    responds(quickRepliesResponseSchemas.one),
    audits('quickReply.update', quickReplyFacts),
    validateBody(quickReplyBodySchema),
    async (request, response) => {
      const input = request.body as QuickReplyInput;
      response.json(await replies.update(param(request, 'id'), input, actorOf(request)));
    },
  );
  router.delete(
    '/quick-replies/:id',
    allow('edit'),
    responds(quickRepliesResponseSchemas.deleted),
    audits('quickReply.delete', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const id = param(request, 'id');
      await replies.remove(id);
      response.json({ deleted: id });
    },
  );
  return router;
}
