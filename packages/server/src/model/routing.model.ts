import type { Connection, Model } from 'mongoose';
import type { LocalizedText } from '@xiaoer/engine';
import {
  AGENT_STATUSES,
  CUSTOMER_TIERS,
  type AgentStatus,
  type CustomerTier,
} from './routing-values.ts';
import type { Role } from './auth.model.ts';
import { jsonFields } from './json-fields.ts';
import { stringIdModels } from './string-id-model.ts';

/** A skill group; `_id` is its slug (`after-sales`). */
export interface SkillGroupRecord {
  _id: string;
  title: LocalizedText;
  /** Intent ids it serves (`refund`, `returnExchange`...). */
  intents: string[];
  updatedAt: Date;
}

/** A human agent; `_id` is the console user id. */
export interface AgentRecord {
  _id: string;
  displayName: string;
  /** Skill group ids. */
  skills: string[];
  status: AgentStatus;
  maxConcurrent: number;
  lastActiveAt: Date;
  /**
   * When a desk connection of the agent was last seen (routing/agent-presence.ts), written at
   * most every quarter of the presence grace per process; absent on records older than it.
   */
  seenAt?: Date | null;
  /** Why the agent is away when it was not their own choice; null when it was, or not away. */
  awayReason?: AwayReason | null;
}

/**
 * Why an agent was set away without choosing it: `no-desk` when no desk connection of theirs
 * was seen for the presence grace, `off-duty` when an admin disabled or demoted them.
 */
export const AWAY_REASONS = ['no-desk', 'off-duty'] as const;
export type AwayReason = (typeof AWAY_REASONS)[number];

export const HANDOFF_STATUSES = [
  'waiting',
  'assigned',
  'resolved',
  'abandoned',
  'transferred',
] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/**
 * Why a handoff ended other than by its own resolve, abandon or transfer: its conversation was
 * closed, or it went back to its queue (`transferred` to a new handoff in the same group)
 * because its agent was away too long (`agent-away`) or was disabled or demoted
 * (`agent-off-duty`).
 */
export const HANDOFF_END_REASONS = ['conversation-closed', 'agent-away', 'agent-off-duty'] as const;
export type HandoffEndReason = (typeof HANDOFF_END_REASONS)[number];

/** A conversation handed to a human. */
export interface HandoffRecord {
  _id: string;
  conversationId: string;
  customer: { id: string; tier: CustomerTier; language: 'zh' | 'en' };
  group: string;
  /** Extra queue rank steps (see routing/queue-order.ts). */
  priority: number;
  enqueuedAt: Date;
  status: HandoffStatus;
  agentId?: string | null;
  assignedAt?: Date | null;
  resolvedAt?: Date | null;
  /** Set on a handoff that was transferred: the handoff that carries on in the new group. */
  transferredTo?: string | null;
  transferredFrom?: string | null;
  /**
   * Who ended it: `user:<console user id>` (its agent, or a supervisor for them) when a console
   * user resolved, abandoned or transferred it or closed its conversation, `api-key:<key id>` or
   * `customer` when they closed its conversation; `resolvedAt` says when, `endReason` why. Null
   * when routing itself ended it (returned to its queue), and on handoffs ended before it was
   * recorded for every ending (then only a closed conversation's closer was).
   */
  endedBy?: string | null;
  /** The role the console user of `endedBy` acted in; null for anyone else, and on older records. */
  endedByRole?: Role | null;
  endReason?: HandoffEndReason | null;
  /** Whatever the conversation layer passes: transcript, intents, order, journey and node. */
  context: unknown;
}

/**
 * The claim of a handoff by an agent; `_id` is the handoff id, so only one process can claim
 * it (an insert on `_id` has one winner on FerretDB, a conditional update does not). Deleted
 * when the handoff ends, so counting an agent's claims counts its active handoffs.
 */
export interface AssignmentRecord {
  _id: string;
  agentId: string;
  assignedAt: Date;
}

/** Who served a customer last (sticky routing); `_id` is the customer id. */
export interface LastAgentRecord {
  _id: string;
  agentId: string;
  at: Date;
}

export function routingModels(connection: Connection): {
  SkillGroups: Model<SkillGroupRecord>;
  Agents: Model<AgentRecord>;
  Handoffs: Model<HandoffRecord>;
  Assignments: Model<AssignmentRecord>;
  LastAgents: Model<LastAgentRecord>;
} {
  const model = stringIdModels(connection);
  return {
    SkillGroups: model<SkillGroupRecord>('SkillGroup', 'skillGroups', {
      title: { zh: { type: String, required: true }, en: { type: String, required: true } },
      intents: { type: [String], default: [] },
      updatedAt: { type: Date, required: true },
    }),
    Agents: model<AgentRecord>('Agent', 'agents', {
      displayName: { type: String, required: true },
      skills: { type: [String], default: [] },
      status: { type: String, required: true, enum: AGENT_STATUSES },
      maxConcurrent: { type: Number, required: true },
      lastActiveAt: { type: Date, required: true },
      seenAt: { type: Date, default: null },
      awayReason: { type: String, default: null },
    }),
    Handoffs: model<HandoffRecord>('Handoff', 'handoffs', {
      conversationId: { type: String, required: true },
      customer: {
        id: { type: String, required: true },
        tier: { type: String, required: true, enum: CUSTOMER_TIERS },
        language: { type: String, required: true },
      },
      group: { type: String, required: true },
      priority: { type: Number, default: 0 },
      enqueuedAt: { type: Date, required: true },
      status: { type: String, required: true, enum: HANDOFF_STATUSES },
      agentId: { type: String, default: null },
      assignedAt: { type: Date, default: null },
      resolvedAt: { type: Date, default: null },
      transferredTo: { type: String, default: null },
      transferredFrom: { type: String, default: null },
      endedBy: { type: String, default: null },
      endedByRole: { type: String, default: null },
      endReason: { type: String, default: null },
      context: { type: String, default: 'null' },
    }),
    Assignments: model<AssignmentRecord>('Assignment', 'assignments', {
      agentId: { type: String, required: true },
      assignedAt: { type: Date, required: true },
    }),
    LastAgents: model<LastAgentRecord>('LastAgent', 'lastAgents', {
      agentId: { type: String, required: true },
      at: { type: Date, required: true },
    }),
  };
}

/** The context is stored as JSON text (see json-fields.ts). */
export const handoffJson = jsonFields<HandoffRecord>('context');
