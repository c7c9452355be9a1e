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

/** Every collection Xiaoer keeps, as Mongoose models on one connection. */
export type Models = ReturnType<typeof createModels>;

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
  };
}

/** True for MongoDB's duplicate-key error: someone else inserted that `_id` first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
