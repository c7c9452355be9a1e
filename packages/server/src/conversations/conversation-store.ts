import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ConversationModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import type {
  ChatInboxEntry,
  ChatCustomer,
  ConversationRecord,
  ConversationStatus,
  MessageRecord,
} from '../model/conversation.model.ts';
import { dateOf, systemClock, type Clock } from '../clock/clock.ts';

/** A message as a sender hands it over (the store numbers it). */
export interface NewMessage {
  from: MessageRecord['from'];
  text: string;
  author?: string;
  authorName?: string;
  options?: MessageRecord['options'];
  intent?: MessageRecord['intent'];
  clientId?: string;
}

/** How many message numbers past the hint one probe reads at most. */
const PROBE = 20;

const messageId = (conversationId: string, seq: number) => `${conversationId}:${seq}`;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Conversations and their messages in the store. Messages are numbered 1, 2, 3… per
 * conversation by inserting `<conversation>:<seq>` (a taken number is a duplicate key, so two
 * processes never give out the same one), and read back by `_id`, which FerretDB looks up by
 * index. A sender's own message id makes a resend the same message.
 */
export class ConversationStore {
  readonly #models: ConversationModels;
  readonly #clock: Clock;

  constructor(models: ConversationModels, clock: Clock = systemClock) {
    this.#models = models;
    this.#clock = clock;
  }

  /** Opens a conversation; the token is shown once, to the customer's chat page. */
  async open(
    customer: ChatCustomer,
    orderId?: string,
    channel?: string,
  ): Promise<{ conversation: ConversationRecord; token: string }> {
    const token = randomBytes(24).toString('base64url');
    const now = dateOf(this.#clock);
    const conversation: ConversationRecord = {
      _id: `c-${randomUUID()}`,
      customer,
      ...(channel ? { channel } : {}),
      ...(orderId ? { orderId } : {}),
      status: 'open',
      tokenHash: hashToken(token),
      lastSeq: 0,
      intents: [],
      createdAt: now,
      updatedAt: now,
    };
    await this.#models.Conversations.create(conversation);
    await this.#models.OpenConversations.create({ _id: conversation._id, openedAt: now });
    return { conversation, token };
  }

  async get(id: string): Promise<ConversationRecord | null> {
    return this.#models.Conversations.findById(id).lean<ConversationRecord>();
  }

  /** True when the token is this conversation's (compared in constant time). */
  static tokenMatches(conversation: ConversationRecord, token: string): boolean {
    const given = Buffer.from(hashToken(token), 'hex');
    const kept = Buffer.from(conversation.tokenHash, 'hex');
    return given.length === kept.length && timingSafeEqual(given, kept);
  }

  /** Appends a message; with a `clientId` seen before, returns the message stored then. */
  async append(conversationId: string, message: NewMessage): Promise<MessageRecord> {
    return (await this.appendOnce(conversationId, message)).message;
  }

  /** {@link append}, saying whether the message is new (false: a resend of a stored one). */
  async appendOnce(
    conversationId: string,
    message: NewMessage,
  ): Promise<{ message: MessageRecord; created: boolean }> {
    const conversation = await this.get(conversationId);
    if (!conversation) throw new Error(`No conversation ${conversationId}`);
    let seq = conversation.lastSeq + 1;
    const key = message.clientId ? `${conversationId}|${message.clientId}` : undefined;
    if (key) {
      const known = await this.#models.MessageKeys.findById(key).lean();
      if (known) {
        const stored = await this.#models.Messages.findById(messageId(conversationId, known.seq));
        if (stored) return { message: stored.toObject(), created: false };
      }
    }
    for (;;) {
      const record: MessageRecord = {
        _id: messageId(conversationId, seq),
        conversationId,
        seq,
        ...message,
        at: dateOf(this.#clock),
      };
      try {
        await this.#models.Messages.create(record);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        seq += 1;
        continue;
      }
      if (key)
        await this.#models.MessageKeys.create({ _id: key, seq }).catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
        });
      await this.#models.Conversations.updateOne(
        { _id: conversationId, lastSeq: { $lt: seq } },
        { $set: { lastSeq: seq, updatedAt: record.at } },
      );
      return { message: record, created: true };
    }
  }

  /** Messages numbered after `after`, oldest first, at most `limit`. */
  async messagesAfter(conversationId: string, after = 0, limit = 500): Promise<MessageRecord[]> {
    const conversation = await this.get(conversationId);
    if (!conversation) return [];
    const found: MessageRecord[] = [];
    let next = after + 1;
    // Up to the hint every number exists; past it, probe until a gap. The hint lags only by
    // appends under way, so the probe starts at one number and doubles while it finds them
    // (a stream opening on a conversation of one message read twenty numbers for it before).
    let probe = 1;
    for (;;) {
      const end = next <= conversation.lastSeq ? conversation.lastSeq : next + probe - 1;
      const ids: string[] = [];
      for (let seq = next; seq <= end && found.length + ids.length < limit; seq++)
        ids.push(messageId(conversationId, seq));
      if (ids.length === 0) return found;
      const batch = await findByIds(this.#models.Messages, ids);
      found.push(...(batch as MessageRecord[]));
      if (batch.length < ids.length || found.length >= limit) return found;
      if (next > conversation.lastSeq) probe = Math.min(probe * 2, PROBE);
      next += ids.length;
    }
  }

  async setStatus(
    conversationId: string,
    status: ConversationStatus,
    fields: Partial<Pick<ConversationRecord, 'handoffId' | 'agentId' | 'orderId'>> = {},
  ): Promise<void> {
    const now = dateOf(this.#clock);
    await this.#models.Conversations.updateOne(
      { _id: conversationId },
      {
        $set: {
          status,
          updatedAt: now,
          ...fields,
          ...(status === 'closed' ? { closedAt: now } : {}),
        },
      },
    );
    if (status === 'closed')
      await this.#models.OpenConversations.deleteOne({ _id: conversationId });
  }

  /**
   * Conversations with the bot (not queued for or with an agent) where nothing was said since
   * `before`. Entries of conversations closed or gone meanwhile are dropped.
   */
  async idleSince(before: Date): Promise<ConversationRecord[]> {
    const open = await this.#models.OpenConversations.find().lean();
    const found = await findByIds(
      this.#models.Conversations,
      open.filter((entry) => entry.openedAt < before).map((entry) => entry._id),
    );
    const live = new Set(found.map((c) => c._id));
    const gone = open
      .filter((entry) => entry.openedAt < before && !live.has(entry._id))
      .map((entry) => entry._id);
    const closed = found.filter((c) => c.status === 'closed').map((c) => c._id);
    if (gone.length + closed.length > 0)
      await this.#models.OpenConversations.deleteMany({ _id: { $in: [...gone, ...closed] } });
    return found.filter((c) => c.status === 'open' && c.updatedAt < before);
  }

  async noteIntent(conversationId: string, intent: string, confidence: number): Promise<void> {
    await this.#models.Conversations.updateOne(
      { _id: conversationId },
      { $push: { intents: { intent, confidence, at: dateOf(this.#clock) } } },
    );
  }

  async setOrder(conversationId: string, orderId: string): Promise<void> {
    await this.#models.Conversations.updateOne({ _id: conversationId }, { $set: { orderId } });
  }

  /** Notes a customer message as taken and not answered yet. */
  async pending(message: MessageRecord): Promise<void> {
    await this.#models.ChatInbox.create({
      _id: message._id,
      conversationId: message.conversationId,
      receivedAt: message.at,
    }).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  }

  /** True when something was said already with this sender id (`reply:<message id>`). */
  async said(conversationId: string, clientId: string): Promise<boolean> {
    return !!(await this.#models.MessageKeys.findById(`${conversationId}|${clientId}`).lean());
  }

  async answered(messageId: string): Promise<void> {
    await this.#models.ChatInbox.deleteOne({ _id: messageId });
  }

  /** Messages taken before `before` and still not answered, with their conversations. */
  async unanswered(
    before: Date,
  ): Promise<{ conversation: ConversationRecord; message: MessageRecord }[]> {
    const entries = await this.#models.ChatInbox.find({ receivedAt: { $lt: before } })
      .limit(200)
      .lean<ChatInboxEntry[]>();
    const found = [];
    for (const entry of entries) {
      const [conversation, message] = await Promise.all([
        this.get(entry.conversationId),
        this.#models.Messages.findById(entry._id).lean<MessageRecord>(),
      ]);
      if (conversation && message) found.push({ conversation, message });
      else await this.answered(entry._id);
    }
    return found;
  }

  /** The newest conversations, for the console. */
  async recent(limit = 50, status?: ConversationStatus): Promise<ConversationRecord[]> {
    return this.#models.Conversations.find(status ? { status } : {})
      .sort({ updatedAt: -1 })
      .limit(limit)
      .select({ tokenHash: 0 })
      .lean<ConversationRecord[]>();
  }
}
