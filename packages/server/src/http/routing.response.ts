import { AGENT_STATUSES, CUSTOMER_TIERS } from '../model/routing-values.ts';
import { ROLES } from '../model/auth.model.ts';
import { AWAY_REASONS, HANDOFF_END_REASONS, HANDOFF_STATUSES } from '../model/routing.model.ts';
import {
  arrayOf,
  dateTime,
  integer,
  localizedText,
  nullable,
  number,
  object,
  oneOf,
  text,
} from './response-schema.ts';

const skillGroup = object({
  _id: text,
  title: localizedText,
  intents: arrayOf(text),
  updatedAt: dateTime,
});

const agent = object(
  {
    _id: text,
    displayName: text,
    skills: arrayOf(text),
    status: oneOf(...AGENT_STATUSES),
    maxConcurrent: integer,
    lastActiveAt: dateTime,
  },
  {
    /** When a desk connection of the agent was last seen (written every quarter grace or so). */
    seenAt: nullable(dateTime),
    /** Why the agent is away when they did not choose it: `no-desk`, `off-duty`. */
    awayReason: nullable(oneOf(...AWAY_REASONS)),
  },
);

const handoff = object(
  {
    _id: text,
    conversationId: text,
    customer: object({
      id: text,
      tier: oneOf(...CUSTOMER_TIERS),
      language: oneOf('zh', 'en'),
    }),
    group: text,
    priority: number,
    enqueuedAt: dateTime,
    status: oneOf(...HANDOFF_STATUSES),
    /** Whatever the conversation passed: reason, order, intents, journey and node. */
    context: {},
  },
  {
    agentId: nullable(text),
    assignedAt: nullable(dateTime),
    resolvedAt: nullable(dateTime),
    transferredTo: nullable(text),
    transferredFrom: nullable(text),
    /**
     * Who ended it: `user:<id>` (its agent, or a supervisor for them: see `endedByRole`), or
     * `api-key:<id>` / `customer` when they closed its conversation; null when routing returned it
     * to its queue, and on handoffs ended before every ending was recorded.
     */
    endedBy: nullable(text),
    /** The role the console user of `endedBy` acted in (`agent`, or `admin`/`operator` supervising). */
    endedByRole: nullable(oneOf(...ROLES)),
    /** Its conversation closed, or it went back to its queue: its agent away too long, or off duty. */
    endReason: nullable(oneOf(...HANDOFF_END_REASONS)),
  },
);

const position = object({
  position: integer,
  ahead: integer,
  estimatedWaitMinutes: integer,
  text: localizedText,
});

/** The success answers of skill groups, agents, queues and handoffs. */
export const routingResponseSchemas = {
  skillGroups: object({ skillGroups: arrayOf(skillGroup) }),
  skillGroup,
  agents: object({ agents: arrayOf(agent) }),
  agent,
  inbox: object({ agent, handoffs: arrayOf(handoff) }),
  /** Events `inbox`, each's data `{ agent, handoffs, queues }` as the inbox and queues answer. */
  inboxStream: { type: 'string', description: 'text/event-stream' },
  queues: object({
    queues: arrayOf(
      object({
        group: text,
        waiting: integer,
        oldestWaitSeconds: number,
        onlineAgents: integer,
        availableAgents: integer,
      }),
    ),
  }),
  handoffWithPosition: object({ handoff, position: nullable(position) }),
  handoff,
} as const;
