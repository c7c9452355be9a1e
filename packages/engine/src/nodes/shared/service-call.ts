import type { JsonObject } from '../../workflow/workflow.types.ts';
import { effectId, type CallEffect } from '../../runtime/effect.types.ts';
import type { NodeRuntimeArgs } from '../node-type.ts';

/**
 * Operations Xiaoer's own services answer (intent recognition, the knowledge base, the agent
 * queues). They travel as `call` effects like order-system calls, so they are durable, happen
 * once and come back as `call.succeeded` / `call.failed`; the host routes them by this prefix.
 */
export const SERVICE_OPERATION_PREFIX = 'xiaoer.';

export const SERVICE_OPERATIONS = {
  classifyIntent: 'xiaoer.classifyIntent',
  answerFromKnowledgeBase: 'xiaoer.answerFromKnowledgeBase',
  handoffToAgent: 'xiaoer.handoffToAgent',
} as const;

/** The one call a service node makes on entering. */
export function serviceCall<C>(
  { node, context }: NodeRuntimeArgs<C>,
  operation: string,
  args: JsonObject,
): CallEffect {
  return {
    kind: 'call',
    id: effectId(context.visit, 'service'),
    nodeId: node.id,
    operation,
    args,
    idempotencyKey: effectId(context.visit, 'service'),
    attempt: 1,
  };
}

/** True for the answer to this visit's service call (not a late one of an earlier visit). */
export const isServiceAnswer = <C>({ context, event }: NodeRuntimeArgs<C>) =>
  event.effectId === effectId(context.visit, 'service');
