import { Router, type Request, type RequestHandler, type Response } from 'express';
import { audits } from './audit-trail.ts';
import type { ConversationCloser, ServiceDesk } from '../conversations/service-desk.ts';
import { ConversationStore } from '../conversations/conversation-store.ts';
import { ChatError } from '../conversations/chat-error.ts';
import type { CustomerSignature } from '../conversations/customer-signature.ts';
import {
  chatIdentity,
  type ChatIdentityPolicy,
  type ClaimedCustomer,
} from '../conversations/chat-identity.ts';
import type {
  ChatCustomer,
  ConversationRecord,
  MessageRecord,
} from '../model/conversation.model.ts';
import { chatLimits, type ChatLimits } from './chat-limits.ts';
import type { Router as RoutingService } from '../routing/router.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { validateBody } from './validate-body.ts';
import { acceptsQuery } from './validate-query.ts';
import { matching, oneOf, wholeNumber } from './query-parameter.ts';
import { param } from './params.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { handoffEndingOf } from './handoff-ending.ts';
import { ApiError } from './api-error.ts';
import { chatResponseSchemas } from './chat.response.ts';
import { responds } from './route-metadata.ts';
import { conversationAccess, notWithAgent } from './conversation-access.ts';
import { consoleMessageView, customerMessageView } from './message-view.ts';
import { openEventStream, type EventStream } from './event-stream.ts';
import { userStreamSlots } from './user-stream-slots.ts';
import { customerDataFor, type CustomerDataView } from './customer-data-view.ts';

/** The longest message a customer or agent may send, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

const messageBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', maxLength: MAX_MESSAGE_LENGTH },
    clientId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
  },
} as const;

export const chatBodySchemas = {
  open: {
    type: 'object',
    required: ['customer'],
    additionalProperties: false,
    properties: {
      customer: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_.@:-]{1,64}$' },
          tier: { enum: ['normal', 'vip', 'svip'] },
          language: { enum: ['zh', 'en'] },
          name: { type: 'string', maxLength: 64 },
        },
      },
      orderId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
      /** Where the customer writes from, for analytics (`web` when absent). */
      channel: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
      signature: {
        type: 'object',
        required: ['expires', 'value'],
        additionalProperties: false,
        properties: {
          expires: { type: 'integer', minimum: 0 },
          value: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
  },
  message: messageBody,
  resolve: {
    type: 'object',
    additionalProperties: false,
    properties: {
      outcome: { enum: ['resolved', 'abandoned'] },
      /** The agent's answer proposed as a knowledge-base article (a draft for review). */
      article: {
        type: 'object',
        required: ['question', 'answer'],
        additionalProperties: false,
        properties: {
          question: { type: 'string', minLength: 1, maxLength: 500 },
          answer: { type: 'string', minLength: 1, maxLength: 10_000 },
        },
      },
    },
  },
} as const;

/** The body of `POST /chat/conversations`, once checked against its schema. */
interface OpenBody {
  customer: ClaimedCustomer;
  orderId?: string;
  channel?: string;
  signature?: CustomerSignature;
}

/** Who closes a conversation from the console, as the handoff it ends records it. */
function closerOf(request: Request): ConversationCloser {
  const principal = request.principal;
  return principal?.kind === 'apiKey' ? `api-key:${principal.id}` : `user:${actorOf(request)}`;
}

/** The message text without surrounding space; an empty one is refused. */
function messageText(request: Request): string {
  const text = (request.body as { text: string }).text.trim();
  if (!text)
    throw new ApiError(400, 'empty-message', {
      zh: '消息不能为空。',
      en: 'The message is empty.',
    });
  return text;
}

/** `?token=`: the conversation's token, for the stream, which browsers open without headers. */
const token = matching(/^[A-Za-z0-9_-]{1,200}$/, {
  zh: '开始会话时拿到的凭证',
  en: 'the token given when the conversation was opened',
});
/** `?after=`: the number of the last message already shown. */
const after = wholeNumber(0, Number.MAX_SAFE_INTEGER);

/**
 * The query of the customer's requests. Only the stream takes the token there (an EventSource
 * sends no headers); every other request shows it in `X-Chat-Token`, so that it stays out of
 * URLs, which proxies and access logs keep.
 */
export const CHAT_QUERY = acceptsQuery({});
export const CHAT_READ_QUERY = acceptsQuery({ after });
export const CHAT_STREAM_QUERY = acceptsQuery({ token, after });
/** The query of the desk's stream of one conversation. */
export const CONVERSATION_STREAM_QUERY = acceptsQuery({ after });
/** The query of `GET /api/conversations`. */
export const CONVERSATIONS_QUERY = acceptsQuery({
  status: oneOf(['open', 'queued', 'withAgent', 'closed']),
});

/** Messages after this number: a reconnecting stream's Last-Event-ID, else `?after=`, else 0. */
function afterOf(request: Request, query: { after?: number }): number {
  const lastEventId = Number(request.get('last-event-id'));
  if (Number.isSafeInteger(lastEventId) && lastEventId >= 0) return lastEventId;
  return query.after ?? 0;
}

/**
 * `/api/chat`: the customer's side, used by the chat page without a console login. Opening a
 * conversation returns a token; every later request shows it (`X-Chat-Token`, or `?token=` for
 * the event stream only, which browsers open without headers).
 */
export function chatRouter(
  desk: ServiceDesk,
  options: ChatIdentityPolicy & { limits?: ChatLimits } = {},
): Router {
  const router = Router();
  const limits = chatLimits(options.limits);
  const customerConversation = async (request: Request) =>
    tokenMatched(request, await desk.conversation(param(request, 'id')));
  /** `inQuery`: the stream's `?token=` counts too (browsers open a stream without headers). */
  const tokenMatched = (request: Request, conversation: ConversationRecord, inQuery = false) => {
    const token = request.get('x-chat-token') ?? (inQuery ? request.query['token'] : undefined);
    if (typeof token !== 'string' || !ConversationStore.tokenMatches(conversation, token))
      throw new ChatError('forbidden', 'wrong-token');
    return conversation;
  };
  /**
   * Checks the token before the conversation's own budget is counted (no one else can spend
   * it), against the copy this process kept when it has one (the token never changes; the
   * desk reads the status again beside the message's first write), else as read now.
   */
  const tokenChecked: RequestHandler = (request, response, next) => {
    const kept = desk.store.kept(param(request, 'id'));
    void (kept ? Promise.resolve(kept) : desk.conversation(param(request, 'id')))
      .then((conversation) => tokenMatched(request, conversation))
      .then((conversation) => {
        response.locals['conversation'] = conversation;
        response.locals['kept'] = !!kept;
        next();
      }, next);
  };

  /** Who opens the chat (signed by the shop, or anonymous), before their budget is counted. */
  const identified: RequestHandler = (request, response, next) => {
    const body = request.body as OpenBody;
    response.locals['customer'] = chatIdentity(options, body.customer, body.signature);
    next();
  };

  router.post(
    '/chat/conversations',
    responds(chatResponseSchemas.opened),
    limits.openByAddress,
    validateBody(chatBodySchemas.open),
    identified,
    limits.openByCustomer,
    async (request, response) => {
      const body = request.body as OpenBody;
      const customer = response.locals['customer'] as ChatCustomer;
      const { conversation, token } = await desk.open(customer, body.orderId, body.channel);
      response.status(201).json({ id: conversation._id, token, customer: conversation.customer });
    },
  );
  router.get(
    '/chat/conversations/:id/messages',
    CHAT_READ_QUERY.check,
    responds(chatResponseSchemas.messages),
    async (request, response) => {
      const conversation = await customerConversation(request);
      const messages = await desk.store.messagesAfter(
        conversation._id,
        afterOf(request, CHAT_READ_QUERY.read(request)),
      );
      response.json({ status: conversation.status, messages: messages.map(customerMessageView) });
    },
  );
  router.post(
    '/chat/conversations/:id/messages',
    CHAT_QUERY.check,
    responds(chatResponseSchemas.sent),
    limits.messageByAddress,
    validateBody(chatBodySchemas.message),
    tokenChecked,
    limits.messageByConversation,
    async (request, response) => {
      const conversation = response.locals['conversation'] as ConversationRecord;
      const { clientId } = request.body as { clientId?: string };
      const stored = await desk.receive(
        conversation,
        { text: messageText(request), ...(clientId ? { clientId } : {}) },
        { kept: response.locals['kept'] === true },
      );
      response.status(201).json({ message: customerMessageView(stored) });
    },
  );
  router.post(
    '/chat/conversations/:id/close',
    CHAT_QUERY.check,
    responds(chatResponseSchemas.closed),
    async (request, response) => {
      const conversation = await customerConversation(request);
      await desk.close(conversation._id, 'customer');
      response.json({ id: conversation._id, status: 'closed' });
    },
  );
  router.get(
    '/chat/conversations/:id/stream',
    CHAT_STREAM_QUERY.check,
    responds(chatResponseSchemas.stream),
    async (request, response) => {
      // The copy this process kept when it has one: the stream needs the token and the
      // customer (which never change) and a numbering hint to replay from (it reads past it).
      const id = param(request, 'id');
      const conversation = tokenMatched(
        request,
        desk.store.kept(id) ?? (await desk.conversation(id)),
        true,
      );
      limits.stream(request, response, conversation.customer);
      stream(
        desk,
        conversation,
        afterOf(request, CHAT_STREAM_QUERY.read(request)),
        request,
        response,
      );
    },
  );
  return router;
}

/** Live conversation streams (the desk's open conversation, its unread marks) one user may keep open. */
export const CONVERSATION_STREAMS_PER_USER = 10;

/** `/api/conversations`: the console's side (agents and operators). */
export function conversationsRouter(
  desk: ServiceDesk,
  routing: RoutingService,
  knowledge: KnowledgeBase,
): Router {
  const router = Router();
  const workable = conversationAccess(desk, routing, { active: true });
  const streamSlot = userStreamSlots(CONVERSATION_STREAMS_PER_USER);
  router.get(
    '/conversations',
    allow('read'),
    CONVERSATIONS_QUERY.check,
    responds(chatResponseSchemas.list),
    async (request, response) => {
      const { status } = CONVERSATIONS_QUERY.read(request);
      response.json(
        customerDataFor(request)({ conversations: await desk.store.recent(100, status) }),
      );
    },
  );
  // The desk follows the conversations it does not show (unread marks) on one stream.
  router.get(
    '/conversations/stream',
    allow('read'),
    FOLLOW_QUERY.check,
    responds(chatResponseSchemas.stream),
    async (request, response) => {
      const follows = followsOf(request);
      const conversations = await Promise.all(follows.map(({ id }) => desk.conversation(id)));
      streamSlot(request, response);
      streamMany(desk, conversations, follows, request, response, customerDataFor(request));
    },
  );
  router.get(
    '/conversations/:id',
    allow('read'),
    responds(chatResponseSchemas.detail),
    async (request, response) => {
      const { tokenHash: _hidden, ...conversation } = await desk.conversation(param(request, 'id'));
      const messages = await desk.store.messagesAfter(conversation._id, 0);
      response.json(
        customerDataFor(request)({ conversation, messages: messages.map(consoleMessageView) }),
      );
    },
  );
  // The desk follows the open conversation live instead of asking every two seconds.
  router.get(
    '/conversations/:id/stream',
    allow('read'),
    CONVERSATION_STREAM_QUERY.check,
    responds(chatResponseSchemas.stream),
    async (request, response) => {
      const conversation = await desk.conversation(param(request, 'id'));
      streamSlot(request, response);
      stream(
        desk,
        conversation,
        afterOf(request, CONVERSATION_STREAM_QUERY.read(request)),
        request,
        response,
        customerDataFor(request),
      );
    },
  );
  router.post(
    '/conversations/:id/messages',
    allow('handle'),
    responds(chatResponseSchemas.sent),
    // Not audited: the reply, with who wrote it, is the conversation's own record.
    validateBody(chatBodySchemas.message),
    async (request, response) => {
      const conversation = await workable(request);
      const stored = await desk.reply(conversation._id, actorOf(request), messageText(request));
      response.status(201).json({ message: consoleMessageView(stored) });
    },
  );
  router.post(
    '/conversations/:id/resolve',
    allow('handle'),
    responds(chatResponseSchemas.resolved),
    audits('conversation.resolve', (request, answer) => ({
      target: param(request, 'id'),
      details: {
        outcome: String(answer['outcome']),
        ...(answer['proposedArticle']
          ? { proposedArticle: String(answer['proposedArticle']) }
          : {}),
      },
    })),
    validateBody(chatBodySchemas.resolve),
    async (request, response) => {
      const conversation = await workable(request);
      if (!conversation.handoffId || conversation.status !== 'withAgent') throw notWithAgent();
      const { outcome = 'resolved', article } = request.body as {
        outcome?: 'resolved' | 'abandoned';
        article?: { question: string; answer: string };
      };
      // The proposal is checked (and refused) before anything changes.
      const proposal = article
        ? await knowledge.articles.create(
            {
              questions: [article.question],
              answer: { [conversation.customer.language]: article.answer },
              tags: ['proposed-by-agent'],
              status: 'draft',
            },
            actorOf(request),
          )
        : undefined;
      const ending = handoffEndingOf(request);
      await (outcome === 'resolved'
        ? routing.resolve(conversation.handoffId, ending)
        : routing.abandon(conversation.handoffId, ending));
      await desk.resolved(conversation._id, outcome);
      response.json({
        id: conversation._id,
        handoffId: conversation.handoffId,
        outcome,
        ...(proposal ? { proposedArticle: proposal.id } : {}),
      });
    },
  );
  router.post(
    '/conversations/:id/close',
    allow('handle'),
    responds(chatResponseSchemas.closed),
    audits('conversation.close', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      const { _id: id } = await workable(request);
      const principal = request.principal;
      await desk.close(
        id,
        closerOf(request),
        principal?.kind === 'user' ? principal.role : undefined,
      );
      response.json({ id, status: 'closed' });
    },
  );
  return router;
}

/**
 * Server-sent events: what was missed since `after`, then each new message as it comes. The
 * conversation was just read (its numbering hint is not read again).
 */
/** Conversations one desk stream may follow at once. */
export const MAX_FOLLOWED_CONVERSATIONS = 50;

const FOLLOWED = '[A-Za-z0-9_-]{1,100}:\\d{1,15}';
/** `?follow=<id>:<after>,…`: each conversation followed after its message number. */
export const FOLLOW_QUERY = acceptsQuery({
  follow: matching(
    new RegExp(`^${FOLLOWED}(,${FOLLOWED}){0,${MAX_FOLLOWED_CONVERSATIONS - 1}}$`),
    {
      zh: `“会话编号:消息序号”，以逗号分隔，最多 ${MAX_FOLLOWED_CONVERSATIONS} 个`,
      en: `conversation-id:message-number pairs separated by commas, at most ${MAX_FOLLOWED_CONVERSATIONS}`,
    },
    true,
  ),
});

function followsOf(request: Request): { id: string; after: number }[] {
  const { follow = '' } = FOLLOW_QUERY.read(request);
  return follow.split(',').map((item) => {
    const [id = '', after = '0'] = item.split(':');
    return { id, after: Number(after) };
  });
}

/**
 * Several conversations' new messages on one stream (`message` events, each naming its
 * conversation): the missed ones first, then live. No event ids: a reconnecting browser asks
 * again from the numbers in its URL, so a message may come twice (its number tells).
 */
function streamMany(
  desk: ServiceDesk,
  conversations: ConversationRecord[],
  follows: { id: string; after: number }[],
  request: Request,
  response: Response,
  shown: CustomerDataView,
): void {
  const events = openEventStream(request, response);
  conversations.forEach((conversation, index) => {
    const conversationId = conversation._id;
    follow(desk, conversation, follows[index]?.after ?? 0, events, (message) =>
      events.send(
        'message',
        JSON.stringify(shown({ conversationId, ...consoleMessageView(message) })),
      ),
    );
  });
}

/** Sends a conversation's messages after `after` (those missed first), then each new one. */
function follow(
  desk: ServiceDesk,
  conversation: ConversationRecord,
  after: number,
  events: EventStream,
  send: (message: MessageRecord) => void,
): void {
  void desk.store.messagesAfter(conversation._id, after, 500, conversation.lastSeq).then(
    (missed) => {
      if (events.closed) return;
      for (const message of missed) send(message);
      events.onClose(desk.hub.subscribe(conversation._id, missed.at(-1)?.seq ?? after, send));
    },
    () => events.end(),
  );
}

function stream(
  desk: ServiceDesk,
  conversation: ConversationRecord,
  after: number,
  request: Request,
  response: Response,
  /** The console's view of customer data; the customer's own chat sees its messages whole. */
  shown: <T>(answer: T) => T = (answer) => answer,
): void {
  const events = openEventStream(request, response);
  follow(desk, conversation, after, events, (message) =>
    events.send('message', JSON.stringify(shown(customerMessageView(message))), message.seq),
  );
}
