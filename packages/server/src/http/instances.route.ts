import { randomUUID } from 'node:crypto';
import { audits } from './audit-trail.ts';
import { Router, type Request, type RequestHandler } from 'express';
import type { JsonObject } from '@xiaoer/engine';
import type { InstanceFilter, InstanceQueries } from '../instances/instance-queries.ts';
import type { InstanceFeed } from '../instances/instance-feed.ts';
import { LIST_STATUSES } from '../instances/instance-outcome.ts';
import { UnknownInstanceError, type JourneyRuntime } from '../runtime/journey-runtime.ts';
import type { EffectDispatcher } from '../runtime/effect-dispatcher.ts';
import { ApiError } from './api-error.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { allow, holds, PERMISSIONS } from './authenticate.ts';
import { manualEventPermission } from './manual-events.ts';
import { validateBody } from './validate-body.ts';
import { acceptsQuery, invalidQuery } from './validate-query.ts';
import { isoTime, matching, oneOf, wholeNumber } from './query-parameter.ts';
import { instanceResponseSchemas } from './instances.response.ts';
import { responds } from './route-metadata.ts';
import { openEventStream } from './event-stream.ts';
import { customerDataFor } from './customer-data-view.ts';
import { userStreamSlots } from './user-stream-slots.ts';
import type { LiveQueries } from '../instances/live-queries.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import type { Analytics } from '../analytics/analytics.ts';
import { FLOW_MAX_DAYS } from '../analytics/journey-flow.ts';

/** Live instance pages (an instance, the list, the editor's counts) one user may keep open. */
export const INSTANCE_STREAMS_PER_USER = 10;

export const instanceBodySchemas = {
  sendEvent: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_.-]{0,99}$' },
      data: { type: 'object' },
    },
  },
} as const;

const journeyName = {
  zh: '1–100 个字母、数字、"_" 或 "-"',
  en: '1–100 letters, digits, "_" or "-"',
};

/** The list filters and paging of `GET /api/instances` (and its live stream). */
export const INSTANCE_FILTERS = acceptsQuery({
  workflow: matching(/^[a-zA-Z0-9_-]{1,100}$/, journeyName),
  version: wholeNumber(1, 999_999_999),
  status: oneOf(LIST_STATUSES),
  node: matching(/^[a-zA-Z0-9_-]{1,100}$/, journeyName),
  correlation: matching(/^[^$]{1,200}$/, {
    zh: '1–200 个字符，不含 "$"',
    en: '1–200 characters without "$"',
  }),
  page: wholeNumber(1, 9_999_999),
  pageSize: wholeNumber(1, 200),
});

/** Reads the list filters; anything but a single well-formed value is a 400 (no injection). */
function readFilters(request: Request): { filter: InstanceFilter; page: number; pageSize: number } {
  const { workflow, version, status, node, correlation, page, pageSize } =
    INSTANCE_FILTERS.read(request);
  return {
    filter: {
      ...(workflow ? { workflow } : {}),
      ...(version ? { version } : {}),
      ...(status ? { status } : {}),
      ...(node ? { node } : {}),
      ...(correlation ? { correlation } : {}),
    },
    page: page ?? 1,
    pageSize: pageSize ?? 50,
  };
}

/** Query of `GET /api/workflows/:id/flow` and its stream: `since`, by default 24 hours ago. */
export const FLOW_QUERY = acceptsQuery({ since: isoTime });

const DAY_MS = 86_400_000;

/**
 * The window's start: `since`, by default a day ago; older than {@link FLOW_MAX_DAYS} (the
 * journey hours kept: analytics/journey-flow.ts), a 400. The console offers at most 7 days.
 */
function flowSince(request: Request): Date {
  const now = Date.now();
  const since = FLOW_QUERY.read(request).since ?? new Date(now - DAY_MS);
  const earliest = new Date(now - FLOW_MAX_DAYS * DAY_MS);
  if (since < earliest)
    throw invalidQuery(
      'since',
      {
        zh: `"since" 最早为 ${FLOW_MAX_DAYS} 天前（${earliest.toISOString()}），而不是 ${since.toISOString()}：旅程的分钟计数只保留这么久。`,
        en: `"since" may be at most ${FLOW_MAX_DAYS} days ago (${earliest.toISOString()}), not ${since.toISOString()}: a journey's counts by the minute are kept that long.`,
      },
      { maxDays: FLOW_MAX_DAYS, earliest: earliest.toISOString() },
    );
  return since;
}

/** Query of `GET /api/dead-letters`: how many, newest first. */
export const DEAD_LETTERS_QUERY = acceptsQuery({ limit: wholeNumber(1, 500) });

export const instanceNotFound = (id: string) =>
  new ApiError(404, 'instance-not-found', {
    zh: `没有 id 为 "${id}" 的旅程实例。`,
    en: `No journey instance with id "${id}".`,
  });

/** Runs an action on an instance; the runtime's "no such instance" becomes a 404. */
async function known<T>(id: string, action: Promise<T>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (error instanceof UnknownInstanceError) throw instanceNotFound(id);
    throw error;
  }
}

/** `/api/instances` and operator actions, each audited with the acting user. */
export function instancesRouter(
  queries: InstanceQueries,
  runtime: JourneyRuntime,
  dispatcher: EffectDispatcher,
  feed: InstanceFeed,
  live: LiveQueries,
  /** The journeys the editor's overlay counts for: an unknown one is 404 `workflow-not-found`. */
  workflows: Pick<WorkflowService, 'get'>,
  /** The editor's counts (analytics: rolled up from the journeys' steps). */
  flow: Pick<Analytics, 'flow'>,
  options: {
    streamsPerUser?: number;
    /** The user's budget of flow counts (http/console-budgets.ts). */
    flowBudget: RequestHandler;
  },
): Router {
  const router = Router();
  /** One of the user's live-page slots, or a 429 (nothing opened). */
  const streamSlot = userStreamSlots(options.streamsPerUser ?? INSTANCE_STREAMS_PER_USER);

  router.get(
    '/instances',
    allow('read'),
    INSTANCE_FILTERS.check,
    responds(instanceResponseSchemas.list),
    async (request, response) => {
      const { filter, page, pageSize } = readFilters(request);
      response.json(customerDataFor(request)(await queries.list(filter, page, pageSize)));
    },
  );
  // The instances page follows its page of the list live: the list's answer, whenever it
  // changed. Its filters, role and errors are the list's (before `/instances/:id`).
  router.get(
    '/instances/stream',
    allow('read'),
    INSTANCE_FILTERS.check,
    responds(instanceResponseSchemas.listStream),
    async (request, response) => {
      const { filter, page, pageSize } = readFilters(request);
      const shown = customerDataFor(request);
      streamSlot(request, response);
      const events = openEventStream(request, response);
      events.onClose(
        live.follow(
          `list:${JSON.stringify([filter, page, pageSize])}`,
          () => queries.list(filter, page, pageSize),
          (list) => events.send('list', shown.json(list)),
          filter.workflow ? (instance) => instance.workflowId === filter.workflow : undefined,
        ),
      );
    },
  );
  router.get(
    '/instances/:id',
    allow('read'),
    responds(instanceResponseSchemas.detail),
    async (request, response) => {
      const detail = await queries.get(param(request, 'id'));
      if (!detail) throw instanceNotFound(param(request, 'id'));
      response.json(customerDataFor(request)(detail));
    },
  );
  // The instance page follows its instance live: the same detail as above, after each step.
  router.get(
    '/instances/:id/stream',
    allow('read'),
    responds(instanceResponseSchemas.detailStream),
    async (request, response) => {
      const id = param(request, 'id');
      if (!(await queries.get(id))) throw instanceNotFound(id);
      const shown = customerDataFor(request);
      streamSlot(request, response);
      const events = openEventStream(request, response);
      events.onClose(feed.subscribe(id, (detail) => events.send('instance', shown.json(detail))));
    },
  );
  router.post(
    '/instances/:id/cancel',
    allow('operate'),
    responds(instanceResponseSchemas.cancelled),
    audits('instance.cancel', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const id = param(request, 'id');
      const instance = await known(
        id,
        runtime.cancel(id, actorOf(request), `cancel:${randomUUID()}`),
      );
      response.json({ id, status: instance.status });
    },
  );
  router.post(
    '/instances/:id/events',
    allow('sendEvent'),
    responds(instanceResponseSchemas.eventResult),
    audits('instance.sendEvent', (request, answer) => ({
      target: param(request, 'id'),
      details: { type: (request.body as { type: string }).type, result: String(answer['result']) },
    })),
    validateBody(instanceBodySchemas.sendEvent, { storableKeys: true }),
    async (request, response) => {
      const id = param(request, 'id');
      const body = request.body as { type: string; data?: JsonObject };
      const needed = manualEventPermission(body.type);
      if (!holds(request.principal, needed))
        throw new ApiError(403, 'event-type-forbidden', {
          zh: `你的角色不能手动发送 "${body.type}" 事件（需要 ${PERMISSIONS[needed].join('/')} 角色）。`,
          en: `Your role may not send "${body.type}" by hand (needs the ${PERMISSIONS[needed].join('/')} role).`,
        });
      const result = await known(
        id,
        runtime.apply(id, {
          key: `manual:${randomUUID()}`,
          type: body.type,
          at: new Date().toISOString(),
          ...(body.data ? { data: body.data } : {}),
          actor: actorOf(request),
        }),
      );
      response.json({
        result: result.kind,
        ...(result.kind === 'ignored' ? { reason: result.reason } : {}),
        node: result.instance.node,
        status: result.instance.status,
      });
    },
  );
  // The editor's live overlay: where instances of a journey are, and which outcomes they took.
  router.get(
    '/workflows/:id/flow',
    allow('read'),
    FLOW_QUERY.check,
    responds(instanceResponseSchemas.flow),
    options.flowBudget,
    async (request, response) => {
      const since = flowSince(request);
      await workflows.get(param(request, 'id'));
      response.json(await flow.flow(param(request, 'id'), since));
    },
  );
  // The same counts live: whenever they changed. The window keeps its length (`since` moves on
  // with the time), as the overlay's "last N hours" means.
  router.get(
    '/workflows/:id/flow/stream',
    allow('read'),
    FLOW_QUERY.check,
    responds(instanceResponseSchemas.flowStream),
    // Opening counts at once, as the answer above does: the same budget.
    options.flowBudget,
    async (request, response) => {
      const workflow = param(request, 'id');
      const windowMs = Date.now() - flowSince(request).getTime();
      await workflows.get(workflow);
      streamSlot(request, response);
      const events = openEventStream(request, response);
      events.onClose(
        live.follow(
          `flow:${workflow}:${windowMs}`,
          () => flow.flow(workflow, new Date(Date.now() - windowMs)),
          (counts) => events.send('flow', counts),
          (instance) => instance.workflowId === workflow,
        ),
      );
    },
  );
  router.get(
    '/dead-letters',
    allow('read'),
    DEAD_LETTERS_QUERY.check,
    responds(instanceResponseSchemas.deadLetters),
    async (request, response) => {
      const { limit } = DEAD_LETTERS_QUERY.read(request);
      response.json(customerDataFor(request)({ deadLetters: await queries.deadLetters(limit) }));
    },
  );
  router.post(
    '/effects/:key/retry',
    allow('operate'),
    responds(instanceResponseSchemas.retried),
    audits('effect.retry', (request) => ({ target: param(request, 'key') })),
    async (request, response) => {
      const key = param(request, 'key');
      const retry = await dispatcher.retry(key);
      if (!retry)
        throw new ApiError(404, 'effect-not-found', {
          zh: `没有键为 "${key}" 的动作。`,
          en: `No effect with key "${key}".`,
        });
      const { record, retried } = retry;
      if (!retried)
        throw new ApiError(409, 'effect-not-dead', {
          zh: `动作 "${key}" 不在死信中（状态 ${record.status}），无需重试。`,
          en: `Effect "${key}" is not dead-lettered (status ${record.status}); nothing to retry.`,
        });
      response.json({ key, status: record.status, retries: record.retries });
    },
  );
  return router;
}
