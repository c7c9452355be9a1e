import { Router } from 'express';
import { audits, type AuditDescription } from './audit-trail.ts';
import type { Connections } from '../connectors/connections.ts';
import { dateOf, type Clock } from '../clock/clock.ts';
import {
  MAX_GRACE_HOURS,
  STORED_SOURCE_KINDS,
  type IssuedSecret,
  type SourceEntry,
  type StoredSourceKind,
  type StoredSourceRegistry,
} from '../sources/stored-sources.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { validateBody } from './validate-body.ts';
import { responds } from './route-metadata.ts';
import { connectionsResponseSchemas } from './connections.response.ts';
import { ApiError } from './api-error.ts';
import { CHAT_SOURCE } from '../conversations/service-desk.ts';
import { JOURNEY_SOURCE } from '../runtime/journey-event-publisher.ts';
import { eventTypeScopeSchema, type EventTypeScope } from '../intake/event-type-scope.ts';

/**
 * `POST /api/sources`: a new webhook sender's id and kind, and the event types it may send
 * (absent: every type); its secret is made here.
 */
export const createSourceBodySchema = {
  type: 'object',
  required: ['id', 'kind'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    kind: { enum: [...STORED_SOURCE_KINDS] },
    eventTypes: eventTypeScopeSchema,
  },
} as const;

/**
 * `PUT /api/sources/:id/event-types`: the event types a console-added source may send, each a
 * CloudEvent type or a prefix ending in `.*` (`order.*`); `null` lifts the scope (every type).
 */
export const sourceEventTypesBodySchema = {
  type: 'object',
  required: ['eventTypes'],
  additionalProperties: false,
  properties: {
    // One type keyword, not a `oneOf`: a bad pattern is reported at its item alone.
    eventTypes: { ...eventTypeScopeSchema, type: ['array', 'null'] },
  },
} as const;

/**
 * `POST /api/sources/:id/secret`: how long the secret replaced is still taken, in hours (0, the
 * default: it stops at once, as after a leak). WooCommerce never resends a refused delivery:
 * give it the time to have the new secret entered.
 */
export const rotateSourceBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    graceHours: { type: 'integer', minimum: 0, maximum: MAX_GRACE_HOURS },
  },
} as const;

/**
 * The sources Xiaoer itself records events under: the chat's customers and the journeys' own
 * events. A source of the same id would share their event ids (`source/id`): its deliveries
 * could take the ids of a customer's coming answers or a journey's coming events first, and
 * those would then be refused as taken.
 */
const XIAOER_OWN_SOURCES: readonly string[] = [CHAT_SOURCE, JOURNEY_SOURCE];

const ownSource = (id: string) =>
  new ApiError(409, 'source-id-reserved', {
    zh: `"${id}" 是小二自己记录事件所用的来源，不能再添加；请换一个 id。`,
    en: `"${id}" is the source Xiaoer records its own events under and cannot be added; choose another id.`,
  });

/**
 * A source's audit entry: which one, its kind, the last characters of its secret and, after a
 * rotation with a grace, until when the previous one is taken.
 */
const issuedFacts: AuditDescription = (_request, answer) => {
  const { source } = answer as unknown as IssuedSecret;
  return {
    target: source.id,
    details: {
      kind: source.kind,
      secretHint: source.secretHint ?? '',
      ...(source.eventTypes ? { eventTypes: [...source.eventTypes] } : {}),
      ...(source.previousSecretUntil
        ? { previousSecretUntil: source.previousSecretUntil.toISOString() }
        : {}),
    },
  };
};

/**
 * `/api/sources`: every source with its status (operators and admins), adding a webhook
 * sender, rotating its secret, ending its previous secret's grace early (after that one
 * leaked) and setting the event types it may send. The secret is in the answer of the create
 * or rotate that made it and nowhere else (lists show its last characters); sources of the
 * configuration file are listed, and changed only there. Each change is in the audit log,
 * without secret.
 */
export function sourcesRouter(
  sources: StoredSourceRegistry,
  connections: Connections,
  clock: Clock,
): Router {
  const router = Router();
  router.get(
    '/sources',
    allow('operate'),
    responds(connectionsResponseSchemas.sources),
    async (_request, response) => {
      response.json({ sources: await connections.sources() });
    },
  );
  router.post(
    '/sources',
    allow('operate'),
    responds(connectionsResponseSchemas.issuedSecret),
    audits('source.create', issuedFacts),
    validateBody(createSourceBodySchema),
    async (request, response) => {
      const { id, kind, eventTypes } = request.body as {
        id: string;
        kind: StoredSourceKind;
        eventTypes?: EventTypeScope;
      };
      if (XIAOER_OWN_SOURCES.includes(id)) throw ownSource(id);
      const issued = await sources.create(id, kind, actorOf(request), dateOf(clock), eventTypes);
      response.status(201).set('Cache-Control', 'no-store').json(issued);
    },
  );
  router.post(
    '/sources/:id/secret',
    allow('operate'),
    responds(connectionsResponseSchemas.issuedSecret),
    audits('source.rotate', issuedFacts),
    validateBody(rotateSourceBodySchema, { optional: true }),
    async (request, response) => {
      const { graceHours = 0 } = request.body as { graceHours?: number };
      const issued = await sources.rotate(
        param(request, 'id'),
        actorOf(request),
        dateOf(clock),
        graceHours,
      );
      response.set('Cache-Control', 'no-store').json(issued);
    },
  );
  router.post(
    '/sources/:id/previous-secret/end',
    allow('operate'),
    responds(connectionsResponseSchemas.source),
    audits('source.end-grace', (_request, answer) => {
      const { source } = answer as unknown as { source: SourceEntry };
      return {
        target: source.id,
        details: {
          kind: source.kind,
          previousSecretHint: source.previousSecretHint ?? '',
          previousSecretUntil: source.previousSecretUntil?.toISOString() ?? '',
        },
      };
    }),
    async (request, response) => {
      const source = await sources.endGrace(param(request, 'id'), dateOf(clock));
      response.json({ source });
    },
  );
  router.put(
    '/sources/:id/event-types',
    allow('operate'),
    responds(connectionsResponseSchemas.source),
    audits('source.event-types', (_request, answer) => {
      const { source } = answer as unknown as { source: SourceEntry };
      return {
        target: source.id,
        details: {
          kind: source.kind,
          eventTypes: source.eventTypes ? [...source.eventTypes] : null,
        },
      };
    }),
    validateBody(sourceEventTypesBodySchema),
    async (request, response) => {
      const { eventTypes } = request.body as { eventTypes: EventTypeScope | null };
      const source = await sources.setEventTypes(param(request, 'id'), eventTypes);
      response.json({ source });
    },
  );
  return router;
}
