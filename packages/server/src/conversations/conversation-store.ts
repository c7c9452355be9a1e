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
/** Numbers past the hint read with it on the first look. */
const PROBE_START = 4;

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

  /**
   * Appends a message; with a `clientId` seen before, returns the message stored then.
   * `lastSeq`: the newest message number the caller read with the conversation (it exists),
   * so it is not read again; a number taken meanwhile only costs a try at the next one.
   */
  async append(
    conversationId: string,
    message: NewMessage,
    lastSeq?: number,
  ): Promise<MessageRecord> {
    return (await this.appendOnce(conversationId, message, lastSeq)).message;
  }

  /** {@link append}, saying whether the message is new (false: a resend of a stored one). */
  async appendOnce(
    conversationId: string,
    message: NewMessage,
    lastSeq?: number,
  ): Promise<{ message: MessageRecord; created: boolean }> {
    const key = message.clientId ? `${conversationId}|${message.clientId}` : undefined;
    // The conversation (its numbering hint, unless given) and the resend key, read together.
    const [conversation, known] = await Promise.all([
      lastSeq === undefined ? this.get(conversationId) : { lastSeq },
      key ? this.#models.MessageKeys.findById(key).lean() : null,
    ]);
    if (!conversation) throw new Error(`No conversation ${conversationId}`);
    let seq = conversation.lastSeq + 1;
    if (known) {
      const stored = await this.#models.Messages.findById(messageId(conversationId, known.seq));
      if (stored) return { message: stored.toObject(), created: false };
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
      // The resend key and the numbering hint are written together.
      await Promise.all([
        key
          ? this.#models.MessageKeys.create({ _id: key, seq }).catch((error: unknown) => {
              if (!isDuplicateKey(error)) throw error;
            })
          : undefined,
        this.#models.Conversations.updateOne(
          { _id: conversationId, lastSeq: { $lt: seq } },
          { $set: { lastSeq: seq, updatedAt: record.at } },
        ),
      ]);
      return { message: record, created: true };
    }
  }

  /** Messages numbered after `after`, oldest first, at most `limit`. */
  async messagesAfter(conversationId: string, after = 0, limit = 500): Promise<MessageRecord[]> {
    const conversation = await this.get(conversationId);
    if (!conversation) return [];
    const found: MessageRecord[] = [];
    let next = after + 1;
    // Up to the hint every number exists; past it, probe until a gap (the hint lags only by
    // appends under way). One `find` of an id list reads the hint's numbers and the first
    // few past it together (the store answers a list from its `_id` index); the probe
    // doubles while it finds them. Only the run without a gap is returned, so a message whose
    // append is under way is never skipped over.
    let probe = PROBE_START;
    for (;;) {
      const end = Math.max(next - 1, conversation.lastSeq) + probe;
      const ids: string[] = [];
      for (let seq = next; seq <= end && found.length + ids.length < limit; seq++)
        ids.push(messageId(conversationId, seq));
      if (ids.length === 0) return found;
      const byId = new Map(
        ((await findByIds(this.#models.Messages, ids)) as MessageRecord[]).map((m) => [m._id, m]),
      );
      for (const id of ids) {
        const message = byId.get(id);
        if (!message) return found;
        found.push(message);
      }
      if (found.length >= limit) return found;
      probe = Math.min(probe * 2, PROBE);
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
