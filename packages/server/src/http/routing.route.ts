import { Router as ExpressRouter, type Request } from 'express';
import { audits } from './audit-trail.ts';
import type { JsonObject } from '@xiaoer/engine';
import type { Router } from '../routing/router.ts';
import type { InboxFeed } from '../routing/inbox-feed.ts';
import type { AgentPresence } from '../routing/agent-presence.ts';
import type { ServiceDesk } from '../conversations/service-desk.ts';
import type { HandoffRecord } from '../model/routing.model.ts';
import type { AgentChange, SkillGroupChange } from '../routing/routing-directory.ts';
import type { AgentStatus } from '../routing/agent-selection.ts';
import { notYours, RoutingError } from '../routing/routing-error.ts';
import { DomainError } from '../errors/domain-error.ts';
import { ApiError } from './api-error.ts';
import { allow } from './authenticate.ts';
import { param } from './params.ts';
import { validateBody } from './validate-body.ts';
import { routingBodySchemas, SKILL_GROUP_ID } from './routing.schema.ts';
import { routingResponseSchemas } from './routing.response.ts';
import { responds } from './route-metadata.ts';
import { openEventStream } from './event-stream.ts';
import { handoffEndingOf } from './handoff-ending.ts';

/** A skill group named in a request body that does not exist is the body's fault: 400. */
async function groupFromBody<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RoutingError && error.code === 'unknown-skill-group')
      throw new DomainError('invalid', error.code, { zh: error.zh, en: error.en });
    throw error;
  }
}

function groupId(request: Request): string {
  const id = param(request, 'id');
  if (!SKILL_GROUP_ID.test(id))
    throw new ApiError(400, 'invalid-skill-group-id', {
      zh: `技能组 id "${id.slice(0, 80)}" 不合法：1–40 个小写字母、数字或 -。`,
      en: `Skill group id "${id.slice(0, 80)}" is invalid: 1–40 lowercase letters, digits or -.`,
    });
  return id;
}

/** The logged-in user's id: agents act as themselves. */
const me = (request: Request) => (request.principal?.kind === 'user' ? request.principal.id : '');

/**
 * `/api/skill-groups`, `/api/agents`, `/api/queues`, `/api/handoffs`: routing to human agents.
 * An agent is a console user with an agent record; users with the `agent` role act on their
 * own handoffs only, admins and operators on any (supervision).
 */
export function routingRouter(
  routing: Router,
  feed: InboxFeed,
  desk?: ServiceDesk,
  presence?: AgentPresence,
): ExpressRouter {
  const router = ExpressRouter();
  /**
   * A handoff ended here ends as the desk's resolve does: its conversation goes back to the bot
   * and the journey waiting on the handoff hears the outcome. Before, the conversation stayed
   * "with an agent" on a closed handoff: the bot never answered the customer again, the desk
   * could not resolve it (409), and the idle timer never closed it.
   */
  const ended = async (handoff: HandoffRecord, outcome: 'resolved' | 'abandoned') => {
    const conversation = await desk?.store.get(handoff.conversationId);
    if (conversation?.handoffId === handoff._id) await desk?.resolved(conversation._id, outcome);
    return handoff;
  };
  const directory = routing.directory;

  router.get(
    '/skill-groups',
    allow('read'),
    responds(routingResponseSchemas.skillGroups),
    async (_request, response) => {
      response.json({ skillGroups: await directory.skillGroups() });
    },
  );
  router.get(
    '/skill-groups/:id',
    allow('read'),
    responds(routingResponseSchemas.skillGroup),
    async (request, response) => {
      response.json(await directory.skillGroup(groupId(request)));
    },
  );
  router.post(
    '/skill-groups',
    allow('admin'),
    responds(routingResponseSchemas.skillGroup),
    audits('skillGroup.create', (request) => ({
      target: String((request.body as { id?: unknown }).id),
      details: request.body as JsonObject,
    })),
    validateBody(routingBodySchemas.newSkillGroup),
    async (request, response) => {
      const { id, ...change } = request.body as SkillGroupChange & { id: string };
      response.status(201).json(await directory.createSkillGroup(id, change));
    },
  );
  router.put(
    '/skill-groups/:id',
    allow('admin'),
    responds(routingResponseSchemas.skillGroup),
    audits('skillGroup.save', (request) => ({
      target: groupId(request),
      details: request.body as JsonObject,
    })),
    validateBody(routingBodySchemas.skillGroup),
    async (request, response) => {
      const change = request.body as SkillGroupChange;
      response.json(await directory.saveSkillGroup(groupId(request), change));
    },
  );

  router.get(
    '/agents',
    allow('read'),
    responds(routingResponseSchemas.agents),
    async (_request, response) => {
      response.json({ agents: await directory.agents() });
    },
  );
  router.put(
    '/agents/:id',
    allow('admin'),
    responds(routingResponseSchemas.agent),
    audits('agent.save', (request) => ({
      target: param(request, 'id'),
      details: request.body as JsonObject,
    })),
    validateBody(routingBodySchemas.agent),
    async (request, response) => {
      const change = request.body as AgentChange;
      response.json(await groupFromBody(() => directory.saveAgent(param(request, 'id'), change)));
    },
  );
  router.patch(
    '/agents/me',
    allow('handle'),
    responds(routingResponseSchemas.agent),
    audits('agent.rename', (_request, answer) => ({
      target: String(answer['_id']),
      details: { displayName: String(answer['displayName']) },
    })),
    validateBody(routingBodySchemas.agentProfile),
    async (request, response) => {
      // Only an agent changes their own name here; skills and capacity stay an admin's.
      const { displayName } = request.body as { displayName: string };
      const agent = await directory.agent(me(request));
      response.json(await directory.saveAgent(agent._id, { displayName: displayName.trim() }));
    },
  );
  router.post(
    '/agents/me/status',
    allow('handle'),
    responds(routingResponseSchemas.agent),
    // Not audited: an agent's every break would crowd the log; the desk's figures count it.
    validateBody(routingBodySchemas.agentStatus),
    async (request, response) => {
      const { status } = request.body as { status: AgentStatus };
      const agent = await routing.setAgentStatus(me(request), status);
      presence?.seen(agent._id);
      response.json(agent);
    },
  );
  router.get(
    '/agents/me/inbox',
    allow('handle'),
    responds(routingResponseSchemas.inbox),
    async (request, response) => {
      const agent = await directory.agent(me(request));
      presence?.seen(agent._id);
      response.json({ agent, handoffs: await routing.inbox(agent._id) });
    },
  );
  // The desk follows its inbox live: the same view as above plus the queues, on each change.
  // While open it keeps the agent present; it ends after half the presence grace and the
  // browser reopens it, so a connection a lost network left half open stops counting.
  router.get(
    '/agents/me/inbox/stream',
    allow('handle'),
    responds(routingResponseSchemas.inboxStream),
    async (request, response) => {
      const agent = await directory.agent(me(request));
      const events = openEventStream(request, response);
      events.onClose(feed.subscribe(agent._id, (view) => events.send('inbox', view)));
      if (!presence) return;
      const gone = presence.connected(agent._id);
      events.onClose(gone);
      const lifetimeMs = presence.connectionLifetimeMs;
      if (lifetimeMs === undefined) return;
      const renew = setTimeout(() => {
        gone();
        events.end();
      }, lifetimeMs);
      renew.unref();
      events.onClose(() => clearTimeout(renew));
    },
  );

  router.get(
    '/queues',
    allow('read'),
    responds(routingResponseSchemas.queues),
    async (_request, response) => {
      response.json({ queues: await routing.queues() });
    },
  );

  /**
   * Agents may only see and act on their own handoffs (a handoff carries the customer's
   * context: the order, the transcript); admins and operators on any.
   */
  const ownHandoff = async (request: Request): Promise<HandoffRecord> => {
    const id = param(request, 'id');
    const handoff = await routing.handoff(id);
    const principal = request.principal;
    if (
      principal?.kind === 'user' &&
      principal.role === 'agent' &&
      handoff.agentId !== principal.id
    )
      throw notYours(id);
    return handoff;
  };
  const mine = async (request: Request): Promise<string> => (await ownHandoff(request))._id;
  router.get(
    '/handoffs/:id',
    allow('handle'),
    responds(routingResponseSchemas.handoffWithPosition),
    async (request, response) => {
      const handoff = await ownHandoff(request);
      response.json({ handoff, position: await routing.positionOf(handoff) });
    },
  );
  router.post(
    '/handoffs/:id/resolve',
    allow('handle'),
    responds(routingResponseSchemas.handoff),
    audits('handoff.resolve', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const id = await mine(request);
      response.json(await ended(await routing.resolve(id, handoffEndingOf(request)), 'resolved'));
    },
  );
  router.post(
    '/handoffs/:id/abandon',
    allow('handle'),
    responds(routingResponseSchemas.handoff),
    audits('handoff.abandon', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const id = await mine(request);
      response.json(await ended(await routing.abandon(id, handoffEndingOf(request)), 'abandoned'));
    },
  );
  router.post(
    '/handoffs/:id/transfer',
    allow('handle'),
    responds(routingResponseSchemas.handoff),
    audits('handoff.transfer', (request) => ({
      target: param(request, 'id'),
      details: { group: (request.body as { group: string }).group },
    })),
    validateBody(routingBodySchemas.transfer),
    async (request, response) => {
      const id = await mine(request);
      const { group } = request.body as { group: string };
      const next = await groupFromBody(() => routing.transfer(id, group, handoffEndingOf(request)));
      await desk?.transferred(id, next);
      response.json(next);
    },
  );
  return router;
}
