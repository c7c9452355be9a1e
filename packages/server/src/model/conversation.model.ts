import { Schema, type Connection, type Model } from 'mongoose';

export type CustomerTier = 'normal' | 'vip' | 'svip';
export type ConversationStatus = 'open' | 'queued' | 'withAgent' | 'closed';
export type MessageAuthor = 'customer' | 'bot' | 'agent' | 'system';

/** Who the conversation is with, as the shop told us when it opened the chat. */
export interface ChatCustomer {
  id: string;
  tier: CustomerTier;
  language: 'zh' | 'en';
  name?: string;
  /**
   * True when the shop signed this customer's id (`chat.customerSecret`): only then is the id
   * theirs, and only then may journeys act on the orders it owns without another check.
   */
  verified?: boolean;
}

/** One chat between a customer and the shop (bot, journeys, agents). */
export interface ConversationRecord {
  _id: string;
  customer: ChatCustomer;
  /** Where the customer wrote from (`web`, `app`, `wechat`…), as the shop's page said; `web` if not. */
  channel?: string;
  /** The order the conversation is about, once mentioned. */
  orderId?: string;
  status: ConversationStatus;
  /** SHA-256 of the customer's secret: the chat page proves it is this customer with it. */
  tokenHash: string;
  /** A hint of the newest message's number (readers probe past it). */
  lastSeq: number;
  /** Recognised intents, newest last (the handoff context). */
  intents: { intent: string; confidence: number; at: Date }[];
  handoffId?: string;
  agentId?: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}

/** A message; `_id` is `<conversation>:<seq>`, so numbering is claimed by insert. */
export interface MessageRecord {
  _id: string;
  conversationId: string;
  seq: number;
  from: MessageAuthor;
  /** An agent's user id, a journey's instance id. */
  author?: string;
  /** The agent's display name when the message was said: what the customer sees, never the login id. */
  authorName?: string;
  text: string;
  /** Choices offered with a question (a journey's `askCustomer`). */
  options?: { id: string; label: string }[];
  intent?: { intent: string; confidence: number };
  /** The sender's own id for the message: a resend with it is the same message. */
  clientId?: string;
  at: Date;
}

/** Claims a sender's message id once per conversation (`<conversation>|<clientId>` → seq). */
export interface MessageKeyRecord {
  _id: string;
  seq: number;
}

/**
 * A customer message taken but not answered yet; deleted once answered. What a process that
 * died in between left is answered by recovery. Small by design (FerretDB scans it).
 */
export interface ChatInboxEntry {
  _id: string;
  conversationId: string;
  receivedAt: Date;
}

/**
 * A conversation not closed yet (`_id` is its id); deleted when it closes. The idle sweep reads
 * this instead of scanning every conversation ever held (FerretDB 1.x scans for any filter).
 */
export interface OpenConversationEntry {
  _id: string;
  openedAt: Date;
}

export function conversationModels(connection: Connection): {
  Conversations: Model<ConversationRecord>;
  Messages: Model<MessageRecord>;
  MessageKeys: Model<MessageKeyRecord>;
  ChatInbox: Model<ChatInboxEntry>;
  OpenConversations: Model<OpenConversationEntry>;
} {
  const intent = new Schema(
    { intent: String, confidence: Number, at: Date },
    { _id: false, versionKey: false },
  );
  return {
    Conversations: connection.model(
      'Conversation',
      new Schema(
        {
          _id: String,
          customer: {
            id: { type: String, required: true },
            tier: { type: String, required: true },
            language: { type: String, required: true },
            name: String,
            verified: Boolean,
          },
          channel: String,
          orderId: String,
          status: { type: String, required: true },
          tokenHash: { type: String, required: true },
          lastSeq: { type: Number, required: true },
          intents: [intent],
          handoffId: String,
          agentId: String,
          createdAt: { type: Date, required: true },
          updatedAt: { type: Date, required: true },
          closedAt: Date,
        },
        { versionKey: false, collection: 'conversations' },
      ).index({ updatedAt: -1 }),
    ) as unknown as Model<ConversationRecord>,
    Messages: connection.model(
      'ConversationMessage',
      new Schema(
        {
          _id: String,
          conversationId: { type: String, required: true },
          seq: { type: Number, required: true },
          from: { type: String, required: true },
          author: String,
          authorName: String,
          text: { type: String, required: true },
          options: [{ _id: false, id: String, label: String }],
          intent: { type: { intent: String, confidence: Number }, _id: false },
          clientId: String,
          at: { type: Date, required: true },
        },
        { versionKey: false, collection: 'conversationMessages' },
      ),
    ) as unknown as Model<MessageRecord>,
    MessageKeys: connection.model(
      'ConversationMessageKey',
      new Schema(
        { _id: String, seq: { type: Number, required: true } },
        { versionKey: false, collection: 'conversationMessageKeys' },
      ),
    ) as unknown as Model<MessageKeyRecord>,
    ChatInbox: connection.model(
      'ChatInbox',
      new Schema(
        {
          _id: String,
          conversationId: { type: String, required: true },
          receivedAt: { type: Date, required: true },
        },
        { versionKey: false, collection: 'chatInbox' },
      ),
    ) as unknown as Model<ChatInboxEntry>,
    OpenConversations: connection.model(
      'OpenConversation',
      new Schema(
        { _id: String, openedAt: { type: Date, required: true } },
        { versionKey: false, collection: 'openConversations' },
      ),
    ) as unknown as Model<OpenConversationEntry>,
  };
}
