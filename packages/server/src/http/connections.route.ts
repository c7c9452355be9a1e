import { Router } from 'express';
import { audits } from './audit-trail.ts';
import type { Connections } from '../connectors/connections.ts';
import { allow } from './authenticate.ts';
import { param } from './params.ts';
import { validateBody } from './validate-body.ts';
import { responds } from './route-metadata.ts';
import { connectionsResponseSchemas } from './connections.response.ts';
import { HEALTH_HOURS } from '../connectors/delivery-health.ts';

/** `POST /api/channels/:channel/test`: who to send to and, optionally, what. */
export const testSendBodySchema = {
  type: 'object',
  required: ['to'],
  additionalProperties: false,
  properties: {
    to: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    text: { type: 'string', minLength: 1, maxLength: 500 },
  },
} as const;

const DEFAULT_TEXT = '【小二】这是一条测试消息 / This is a test message from Xiaoer.';

/**
 * `/api/connections` and `/api/channels/:channel/test`: the configured sources and channels
 * with their status (secrets never shown), and a test send through a channel's real
 * connector. Admins only; each test send is in the audit log. `/api/channels/deliveries`:
 * each channel's delivery health, for operators too.
 */
export function connectionsRouter(connections: Connections): Router {
  const router = Router();
  router.get(
    '/connections',
    allow('admin'),
    responds(connectionsResponseSchemas.list),
    async (_request, response) => {
      response.json({ sources: await connections.sources(), channels: connections.channels() });
    },
  );
  // Operators watch deliveries too: each channel's connector kind and how its messages went,
  // with no credential and no target (the admin's list above has the targets).
  router.get(
    '/channels/deliveries',
    allow('operate'),
    responds(connectionsResponseSchemas.deliveries),
    (_request, response) => {
      response.json({
        since: connections.deliveriesSince,
        hours: HEALTH_HOURS,
        channels: connections.deliveries(),
      });
    },
  );
  router.post(
    '/channels/:channel/test',
    allow('admin'),
    responds(connectionsResponseSchemas.testSend),
    audits('channel.test', (request, answer) => {
      const error = answer['error'] as { code?: string } | undefined;
      return {
        target: String(answer['channel']),
        details: {
          to: (request.body as { to: string }).to.trim(),
          ok: answer['ok'] === true,
          ...(error?.code ? { code: error.code } : {}),
        },
      };
    }),
    validateBody(testSendBodySchema),
    async (request, response) => {
      const { to, text = DEFAULT_TEXT } = request.body as { to: string; text?: string };
      const result = await connections.testSend(param(request, 'channel'), to.trim(), text);
      response.json(result);
    },
  );
  return router;
}
