import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ConversationModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import { GroupCommit } from '../model/group-commit.ts';
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
 *
 * Reads by `_id` and the inbox's bookkeeping go through a group commit: what the streams
 * opening together and the messages answered together ask for goes as one command per
 * collection, not one each (the embedded store answers one command at a time).
 */
export class ConversationStore {
  readonly #models: ConversationModels;
  readonly #clock: Clock;
  readonly #commits = new GroupCommit();

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
    await Promise.all([
      this.#models.Conversations.create(conversation),
      this.#models.OpenConversations.create({ _id: conversation._id, openedAt: now }),
    ]);
    return { conversation, token };
  }

  async get(id: string): Promise<ConversationRecord | null> {
    return this.#commits.read(this.#models.Conversations, id);
  }

  /** The numbering hint (`lastSeq`) of each of these conversations that exists, in one read. */
  async lastSeqs(ids: readonly string[]): Promise<Map<string, number>> {
    const found = await findByIds(this.#models.Conversations, ids, { lastSeq: 1 });
    return new Map(found.map((c) => [c._id, c.lastSeq]));
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

  /**
   * {@link append}, saying whether the message is new (false: a resend of a stored one).
   * `alongside`: a write that goes with a new message once it is numbered (with the resend key
   * and the numbering hint, at once).
   */
  async appendOnce(
    conversationId: string,
    message: NewMessage,
    lastSeq?: number,
    alongside?: (message: MessageRecord) => Promise<void>,
  ): Promise<{ message: MessageRecord; created: boolean }> {
    const key = message.clientId ? `${conversationId}|${message.clientId}` : undefined;
    // The conversation (its numbering hint, unless given) and the resend key, read together.
    const [conversation, known] = await Promise.all([
      lastSeq === undefined ? this.get(conversationId) : { lastSeq },
      key ? this.#commits.read(this.#models.MessageKeys, key) : null,
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
        // As `create` stores it (defaults and casts), with the inserts of other appends.
        const stored = new this.#models.Messages(record);
        await stored.validate();
        await this.#commits.insert(
          this.#models.Messages,
          stored.toObject() as unknown as Record<string, unknown>,
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        seq += 1;
        continue;
      }
      // The resend key, the numbering hint and what goes alongside are written together.
      await Promise.all([
        alongside?.(record),
        key
          ? this.#commits
              .insert(this.#models.MessageKeys, { _id: key, seq })
              .catch((error: unknown) => {
                if (!isDuplicateKey(error)) throw error;
              })
          : undefined,
        this.#updateConversation(
          { _id: conversationId, lastSeq: { $lt: seq } },
          { $set: { lastSeq: seq, updatedAt: record.at } },
        ),
      ]);
      return { message: record, created: true };
    }
  }

  /**
   * Messages numbered after `after`, oldest first, at most `limit`. `lastSeq`: the hint as the
   * caller read it with the conversation just now (it is not read again).
   */
  async messagesAfter(
    conversationId: string,
    after = 0,
    limit = 500,
    lastSeq?: number,
  ): Promise<MessageRecord[]> {
    const conversation = lastSeq === undefined ? await this.get(conversationId) : { lastSeq };
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
      // Each id on its own, so the reads of streams opening together share one `find`.
      const read = await Promise.all(
        ids.map((id) => this.#commits.read(this.#models.Messages, id)),
      );
      for (const message of read) {
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
    await this.#updateConversation(
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

  /** Notes what the customer asked about and the order they named, in one update. */
  async note(
    conversationId: string,
    { intent, orderId }: { intent?: { intent: string; confidence: number }; orderId?: string },
  ): Promise<void> {
    if (!intent && !orderId) return;
    await this.#updateConversation(
      { _id: conversationId },
      {
        ...(intent ? { $push: { intents: { ...intent, at: dateOf(this.#clock) } } } : {}),
        ...(orderId ? { $set: { orderId } } : {}),
      },
    );
  }

  /** Notes a customer message as taken and not answered yet. */
  async pending(message: MessageRecord): Promise<void> {
    await this.#commits
      .insert(this.#models.ChatInbox, {
        _id: message._id,
        conversationId: message.conversationId,
        receivedAt: message.at,
      })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
  }

  /** True when something was said already with this sender id (`reply:<message id>`). */
  async said(conversationId: string, clientId: string): Promise<boolean> {
    return !!(await this.#commits.read(this.#models.MessageKeys, `${conversationId}|${clientId}`));
  }

  async answered(messageId: string): Promise<void> {
    await this.#commits.delete(this.#models.ChatInbox, messageId);
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

  /**
   * Every update of a conversation from this process goes through one lane of the group commit:
   * one command at a time, so two updates of one conversation never race each other (FerretDB
   * 1.x applies an update as read, change, write), and updates of several share the command.
   */
  #updateConversation(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<void> {
    return this.#commits.update(this.#models.Conversations, { updateOne: { filter, update } });
  }

  /** Resolves once the writes and reads under way (an answered message's entry) are done. */
  idle(): Promise<void> {
    return this.#commits.idle();
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
