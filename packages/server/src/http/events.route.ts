import express, { Router, type Request, type Response } from 'express';
import type { EventIntake, IntakeResult } from '../intake/event-intake.ts';
import { eventShapeProblem, readCloudEvents, type CloudEvent } from '../intake/cloud-event.ts';
import { refusedTriggerData } from '../intake/trigger-data-check.ts';
import type { EventProblem } from '../errors/event-problems.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';
import type { SourceRegistry } from '../intake/event-source.ts';
import { SIGNATURE_HEADERS, signBody } from '../intake/signature.ts';
import { signedSource } from './source-signature.ts';
import { ApiError } from './api-error.ts';
import { chatEventForbidden, chatOnlyProblems } from '../intake/chat-only-events.ts';
import { refuseOutOfScope, type ScopedSource } from './source-event-types.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { credentialOf } from './authenticate.ts';
import { malformedJson, tooComplex } from './error-handler.ts';
import { intakeResponseSchemas } from './intake.response.ts';
import { responds } from './route-metadata.ts';

export interface EventsRouteOptions {
  intake: EventIntake;
  sources: SourceRegistry;
  /** Machine clients may send an intake-scoped API key instead of a signature. */
  auth: AuthService;
  /** Largest body accepted; default 1 MB. */
  bodyLimit: string | number;
  /** How far a request's timestamp may be from now; default 300 s. */
  replayWindowSeconds: number;
  /** The published journeys (cached): data no journey could take is refused with 422. */
  catalog: Pick<WorkflowCatalog, 'routable'>;
}

export const unauthorized = (code: string, zh: string, en: string) =>
  new ApiError(401, code, { zh, en });

/** Parses a verified raw body as JSON (with `parse`), or answers 400 saying where it broke. */
export function parseJsonBody(raw: Buffer, parse: (text: string) => unknown = JSON.parse): unknown {
  try {
    return parse(raw.toString('utf8'));
  } catch (error) {
    throw malformedJson((error as Error).message);
  }
}

/** 200 when every event was a redelivery, 202 when something new was accepted. */
export function intakeStatus(results: IntakeResult[]): number {
  if (results.some((r) => r.status === 'conflict')) return 409;
  return results.every((r) => r.status === 'duplicate') ? 200 : 202;
}

/** The raw body of a request; signatures are computed over exactly these bytes. */
export function rawBody(request: Request): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * The source a request comes from, proved by its signature (or an intake API key, whose
 * source's scope it has), with the event types it may send; else 401.
 */
async function verifiedSource(
  request: Request,
  raw: Buffer,
  options: EventsRouteOptions,
): Promise<ScopedSource> {
  const sourceId = request.get(SIGNATURE_HEADERS.source);
  const timestamp = request.get(SIGNATURE_HEADERS.timestamp);
  const signature = request.get(SIGNATURE_HEADERS.signature);
  const bearer = credentialOf(request);
  if (!signature && bearer?.startsWith('xk_')) {
    const principal = await options.auth.authenticate(bearer);
    if (principal?.kind !== 'apiKey')
      throw unauthorized('api-key-invalid', 'API 密钥无效。', 'The API key is invalid.');
    const eventTypes = options.sources.eventTypesOf(principal.source);
    return { id: principal.source, ...(eventTypes ? { eventTypes } : {}) };
  }
  if (!sourceId || !timestamp || !signature)
    throw unauthorized(
      'signature-missing',
      `缺少签名：请求须带 ${SIGNATURE_HEADERS.source}、${SIGNATURE_HEADERS.timestamp} 和 ${SIGNATURE_HEADERS.signature} 头。`,
      `Missing signature: send the ${SIGNATURE_HEADERS.source}, ${SIGNATURE_HEADERS.timestamp} and ${SIGNATURE_HEADERS.signature} headers.`,
    );
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  const source = await signedSource(
    options.sources,
    sourceId,
    'xiaoer',
    (secret) => signBody(secret, seconds, raw),
    signature,
  );
  if (Math.abs(Date.now() / 1000 - seconds) > options.replayWindowSeconds)
    throw unauthorized(
      'timestamp-outside-window',
      `时间戳超出允许范围（±${options.replayWindowSeconds} 秒），可能是重放的请求。`,
      `The timestamp is outside the allowed window (±${options.replayWindowSeconds} s); the request may be a replay.`,
    );
  return source;
}

/**
 * `POST /api/events`: CloudEvents from order systems, one or a batch, signed with the source's
 * secret over `${timestamp}.${rawBody}`. Verified before anything is parsed or stored.
 */
export function eventsRouter(options: EventsRouteOptions): Router {
  const router = Router();
  router.post(
    '/events',
    responds(intakeResponseSchemas.received),
    express.raw({ type: () => true, limit: options.bodyLimit }),
    async (request, response) => {
      const raw = rawBody(request);
      const source = await verifiedSource(request, raw, options);
      const sourceId = source.id;
      refuseWhenOverloaded(options.intake, response);
      const body = parseJsonBody(raw);
      const shape = eventShapeProblem(body);
      if (shape) throw tooComplex('event-too-complex', shape);
      const { events, problems } = readCloudEvents(body);
      if (problems.length > 0) {
        options.intake.refused(sourceId, 'invalid', { type: typeOf(body), problems });
        throw new ApiError(
          400,
          'invalid-event',
          {
            zh: `事件格式不对（${problems.length} 处）。`,
            en: `The event body is invalid (${problems.length} problem(s)).`,
          },
          undefined,
          { problems },
        );
      }
      const chatOnly = chatOnlyProblems(events, Array.isArray(body));
      if (chatOnly.length > 0) {
        options.intake.refused(sourceId, 'invalid', { type: typeOf(body), problems: chatOnly });
        throw chatEventForbidden(chatOnly);
      }
      refuseOutOfScope(options.intake, source, events, Array.isArray(body));
      const refused = await untakeable(options.catalog, events, Array.isArray(body));
      if (refused.length > 0)
        throw new ApiError(
          422,
          'event-data-invalid',
          {
            zh: `事件数据不符合其类型所启动旅程的触发器要求，也没有旅程在等它（${refused.length} 处）；未记录任何事件。`,
            en: `The event data fits the trigger of no journey its type starts, and no journey waits for it (${refused.length} problem(s)); nothing was recorded.`,
          },
          undefined,
          { problems: refused },
        );
      const results = await options.intake.record(sourceId, events);
      response.status(intakeStatus(results)).json({ events: results });
    },
  );
  return router;
}

/**
 * The problems of the events no published journey could take (their data breaks every trigger
 * of the journeys their type starts, and nothing waits for the type), located in the body; none
 * when every event could be taken. A batch is refused whole, like one with a malformed event.
 */
async function untakeable(
  catalog: Pick<WorkflowCatalog, 'routable'>,
  events: CloudEvent[],
  batch: boolean,
): Promise<EventProblem[]> {
  const workflows = await catalog.routable();
  return events.flatMap((event, index) =>
    (refusedTriggerData(workflows, event.type, event.data ?? {}) ?? []).map((problem) => ({
      ...problem,
      pointer: `${batch ? `/${index}` : ''}${problem.pointer}`,
    })),
  );
}

/** The event type an invalid body names (the first of a batch), for the events page. */
function typeOf(body: unknown): string {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  const type = (first as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.length <= 100 ? type : 'invalid';
}

/** 503 with Retry-After while the runtime is behind by more than it may queue. */
export function refuseWhenOverloaded(intake: EventIntake, response: Response): void {
  if (!intake.overloaded()) return;
  response.set('retry-after', '1');
  throw new ApiError(503, 'overloaded', {
    zh: '事件太多，处理不过来：请稍后重试（见 Retry-After）。',
    en: 'Too many events in progress: retry shortly (see Retry-After).',
  });
}
