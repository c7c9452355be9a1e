import type { Request } from 'express';
import type { ServiceDesk } from '../conversations/service-desk.ts';
import type { ConversationRecord } from '../model/conversation.model.ts';
import type { Router as RoutingService } from '../routing/router.ts';
import { ApiError } from './api-error.ts';
import { param } from './params.ts';

/** A console user who works as an agent acts only on conversations handed to them. */
export type ConversationAccess = (request: Request) => Promise<ConversationRecord>;

const notYourConversation = (id: string) =>
  new ApiError(403, 'not-your-conversation', {
    zh: `会话 "${id}" 没有转给你；客服只能处理分配给自己的会话。`,
    en: `Conversation "${id}" was not handed to you; agents work only their own handoffs.`,
  });

/** The conversation is not in an agent's hands now (with the bot, or closed). */
export const notWithAgent = () =>
  new ApiError(409, 'not-with-agent', {
    zh: '这个会话现在不在人工客服手里。',
    en: 'No agent has this conversation now.',
  });

/**
 * The conversation of `:id` once the caller may act on it: admins and operators on any
 * (supervision), agents only when the conversation's handoff is assigned to them — never a
 * bot-only conversation or another agent's. With `active` (answering, resolving, closing), the
 * handoff must still be theirs now: once resolved the bot has the conversation again, until
 * the customer is handed over anew: 409 `not-with-agent` (reading its history or setting a follow-up stays allowed). The handoff record is the authority, not the
 * conversation's copy of the agent id, so a transfer takes the right away at once.
 */
export function conversationAccess(
  desk: ServiceDesk,
  routing: RoutingService,
  { active = false }: { active?: boolean } = {},
): ConversationAccess {
  return async (request) => {
    const conversation = await desk.conversation(param(request, 'id'));
    const principal = request.principal;
    if (principal?.kind !== 'user' || principal.role !== 'agent') return conversation;
    const handoff = conversation.handoffId
      ? await routing.handoff(conversation.handoffId).catch(() => null)
      : null;
    if (!handoff || handoff.agentId !== principal.id) throw notYourConversation(conversation._id);
    if (active && handoff.status !== 'assigned') throw notWithAgent();
    return conversation;
  };
}
