import type { Connection } from 'mongoose';
import { workflowModels } from './workflow.model.ts';
import { eventModels } from './event.model.ts';
import { instanceModels } from './instance.model.ts';
import { effectModels } from './effect.model.ts';
import { timerSlotModels } from './timer-slot.model.ts';
import { scenarioModels } from './scenario.model.ts';
import { auditModels } from './audit.model.ts';
import { authModels } from './auth.model.ts';
import { conversationModels } from './conversation.model.ts';
import { routingModels } from './routing.model.ts';
import { knowledgeModels } from './knowledge.model.ts';
import { analyticsModels } from './analytics.model.ts';
import { qualityModels } from './quality.model.ts';
import { heartbeatModels } from './heartbeat.model.ts';
import { receivedEventModels } from './received-event.model.ts';
import { earlyEventModels } from './early-event.model.ts';
import { intentModels } from './intent.model.ts';
import { quickReplyModels } from './quick-reply.model.ts';
import { phoneCheckModels } from './phone-check.model.ts';
import { storedSourceModels } from './stored-source.model.ts';

/**
 * Every collection Xiaoer keeps, as Mongoose models on one connection. Only the wiring
 * (`server/`, `cli/`) holds them all; a domain holds the models it owns (`RuntimeModels`,
 * `KnowledgeModels`...) and reaches another domain's records through that domain's functions.
 */
export type Models = ReturnType<typeof createModels>;

/**
 * Which domain owns each collection: the only domain that reads or writes it. A folder is its
 * own domain, except `instances/`, the runtime's read side. `http/` owns the audit trail of
 * the operators' acts. `tests/architecture/model-ownership.test.ts` fails when a domain
 * imports models it does not own (docs/architecture.md, "Who owns which collection").
 */
export const MODEL_OWNERS = {
  workflows: ['WorkflowDrafts', 'WorkflowVersions', 'WorkflowEdits', 'Scenarios'],
  runtime: [
    'Events',
    'Inbox',
    'EventOutcomes',
    'Instances',
    'Steps',
    'Outbox',
    'Correlations',
    'EarlyEvents',
    'Effects',
    'EffectAttempts',
    'Timers',
    'TimerFires',
    'DeadLetters',
    'JobMarkers',
    'TimerLanes',
    'TimerSlots',
    'Heartbeats',
  ],
  intake: ['ReceivedEvents'],
  auth: ['Users', 'Sessions', 'ApiKeys', 'ApiKeyNames', 'LoginFailures', 'AdminChanges'],
  conversations: [
    'Conversations',
    'Messages',
    'MessageKeys',
    'ChatInbox',
    'OpenConversations',
    'QuickReplies',
    'PhoneChecks',
  ],
  routing: ['SkillGroups', 'Agents', 'Handoffs', 'Assignments', 'LastAgents'],
  knowledge: ['KnowledgeArticles', 'UnansweredQuestions', 'KnowledgeChanges', 'KnowledgeRevisions'],
  analytics: [
    'AnalyticsFacts',
    'RollupControl',
    'RollupProgress',
    'ConversationDays',
    'JourneyDays',
    'JourneyReach',
    'JourneyHours',
    'WaitingOutcomes',
  ],
  quality: ['QualityRules', 'QualityReports', 'QualityInbox', 'FollowUps'],
  intents: ['CustomIntents'],
  sources: ['StoredSources', 'SourceChanges'],
  http: ['Audit'],
} as const satisfies Record<string, readonly (keyof Models)[]>;

/** A domain that owns collections. */
export type ModelOwner = keyof typeof MODEL_OWNERS;

/**
 * Collections a domain still uses without owning them, each with why; the list only shrinks
 * (the ownership test pins it). Empty now: the intake, the last to borrow, takes events
 * through the runtime's `EventInbox` (runtime/event-inbox.ts).
 */
export const BORROWED_MODELS: Readonly<Partial<Record<ModelOwner, readonly (keyof Models)[]>>> = {};

/** The models `owner` owns. */
export type ModelsOf<D extends ModelOwner> = Pick<Models, (typeof MODEL_OWNERS)[D][number]>;

export type WorkflowModels = ModelsOf<'workflows'>;
export type RuntimeModels = ModelsOf<'runtime'>;
export type IntakeModels = ModelsOf<'intake'>;
export type AuthModels = ModelsOf<'auth'>;
export type ConversationModels = ModelsOf<'conversations'>;
export type RoutingModels = ModelsOf<'routing'>;
export type KnowledgeModels = ModelsOf<'knowledge'>;
export type AnalyticsModels = ModelsOf<'analytics'>;
export type QualityModels = ModelsOf<'quality'>;
export type IntentModels = ModelsOf<'intents'>;
export type SourceModels = ModelsOf<'sources'>;
export type HttpModels = ModelsOf<'http'>;

export function createModels(connection: Connection) {
  return {
    ...workflowModels(connection),
    ...eventModels(connection),
    ...instanceModels(connection),
    ...effectModels(connection),
    ...timerSlotModels(connection),
    ...scenarioModels(connection),
    ...auditModels(connection),
    ...authModels(connection),
    ...conversationModels(connection),
    ...routingModels(connection),
    ...knowledgeModels(connection),
    ...analyticsModels(connection),
    ...qualityModels(connection),
    ...heartbeatModels(connection),
    ...receivedEventModels(connection),
    ...earlyEventModels(connection),
    ...intentModels(connection),
    ...quickReplyModels(connection),
    ...phoneCheckModels(connection),
    ...storedSourceModels(connection),
  };
}

/** True for MongoDB's duplicate-key error: someone else inserted that `_id` first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
