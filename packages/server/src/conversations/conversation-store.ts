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

/** Conversations a process keeps as it last read or wrote them (the least used go first). */
const KEPT = 10_000;
/** How many message numbers past the hint one probe reads at most. */
const PROBE = 20;
/** Numbers past the hint read with it on the first look. */
const PROBE_START = 4;
/**
 * Milliseconds the inbox entry of an answered message waits for others to be deleted with it
 * (one `delete` for all). Nobody waits for it: recovery takes only entries seconds old, and
 * leaves those of messages this process is answering alone until their entry is gone.
 */
const ANSWERED_LINGER_MS = 200;
/** How many of a conversation's newest messages a process remembers who said ({@link ConversationStore.recentlySaid}). */
const TAIL = 8;

/** What the notes of one conversation waiting to be written add up to ({@link ConversationStore.note}). */
interface StagedNote {
  intents: { intent: string; confidence: number; at: Date }[];
  orderId?: string;
  lastSeq?: number;
  updatedAt?: Date;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** Who said a message, as {@link ConversationStore.recentlySaid} tells it. */
export type SaidBy = Pick<MessageRecord, 'seq' | 'from' | 'author'>;

const messageId = (conversationId: string, seq: number) => `${conversationId}:${seq}`;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The fields of a message the schema types as strings, when present. */
const OPTIONAL_STRINGS = ['author', 'authorName', 'clientId'] as const;
const PLAIN_FIELDS = new Set([
  '_id',
  'conversationId',
  'seq',
  'from',
  'text',
  'at',
  ...OPTIONAL_STRINGS,
]);

/** True when the schema would store `record` as it is (see `ConversationStore.#stored`). */
function plainMessage(record: MessageRecord): boolean {
  return (
    Object.keys(record).every((key) => PLAIN_FIELDS.has(key)) &&
    typeof record._id === 'string' &&
    typeof record.conversationId === 'string' &&
    typeof record.text === 'string' &&
    record.text !== '' &&
    typeof record.from === 'string' &&
    (record.from as string) !== '' &&
    Number.isFinite(record.seq) &&
    record.at instanceof Date &&
    OPTIONAL_STRINGS.every((key) => !(key in record) || typeof record[key] === 'string')
  );
}

/**
 * Conversations and their messages in the store. Messages are numbered 1, 2, 3… per
 * conversation by inserting `<conversation>:<seq>` (a taken number is a duplicate key, so two
 * processes never give out the same one), and read back by `_id`, which FerretDB looks up by
 * index. A sender's own message id makes a resend the same message.
 *
 * Reads by `_id` and the inbox's bookkeeping go through a group commit: what the streams
 * opening together and the messages answered together ask for goes as one command per
 * collection, not one each (the embedded store answers one command at a time).
 *
 * Each process keeps the conversations it read or wrote last ({@link kept}): their token and
 * customer never change, and the newest message number this process knows of lets a
 * customer's next message be numbered without reading the conversation first.
 */
export class ConversationStore {
  readonly #models: ConversationModels;
  readonly #clock: Clock;
  readonly #commits = new GroupCommit();
  /** The answered entries' deletes, gathered for {@link ANSWERED_LINGER_MS}. */
  readonly #later = new GroupCommit({}, { linger: { chatInbox: ANSWERED_LINGER_MS } });
  readonly #kept = new Map<string, ConversationRecord>();
  /**
   * Per kept conversation, who said its newest messages this process stored or read, numbers
   * without a gap (at most {@link TAIL}): a message is never changed once stored.
   */
  readonly #tails = new Map<string, SaidBy[]>();
  readonly #following = new Set<Promise<void>>();
  /** Notes waiting for this process's notes under way, one per conversation. */
  readonly #staged = new Map<string, StagedNote>();
  /** Batches of notes under way (0 or 1). */
  #notesOut = 0;

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
    this.#keep(conversation);
    return { conversation, token };
  }

  /** The conversation as the store has it now (and kept as read). */
  async get(id: string): Promise<ConversationRecord | null> {
    const found = await this.#commits.read(this.#models.Conversations, id);
    if (found) {
      // The hint may lag behind what this process numbered itself.
      const known = this.#kept.get(id)?.lastSeq ?? 0;
      this.#keep(found.lastSeq >= known ? found : { ...found, lastSeq: known });
    }
    return found;
  }

  /**
   * The conversation as this process last read or wrote it, without a round trip; undefined if
   * it kept none. Its token, customer and channel never change, and `lastSeq` is the newest
   * number this process knows to be taken. Its status may have changed in another process
   * since: a caller reads it again before deciding anything on it (`ServiceDesk.receive` does
   * so beside the message's first write).
   */
  kept(id: string): ConversationRecord | undefined {
    return this.#kept.get(id);
  }

  #keep(conversation: ConversationRecord): void {
    this.#kept.delete(conversation._id);
    this.#kept.set(conversation._id, conversation);
    if (this.#kept.size > KEPT) {
      const oldest = this.#kept.keys().next();
      if (!oldest.done) {
        this.#kept.delete(oldest.value);
        this.#tails.delete(oldest.value);
      }
    }
  }

  /** Notes who said `message` (stored or read here) in its conversation's tail. */
  #saw(message: MessageRecord): void {
    if (!this.#kept.has(message.conversationId)) return;
    const tail = this.#tails.get(message.conversationId);
    const last = tail?.at(-1);
    const said = { seq: message.seq, from: message.from, author: message.author };
    if (!tail || !last || message.seq > last.seq + 1) {
      // A gap (numbers this process did not see): start again from here.
      this.#tails.set(message.conversationId, [said]);
      return;
    }
    if (message.seq <= last.seq) return;
    tail.push(said);
    if (tail.length > TAIL) tail.shift();
  }

  /**
   * Who said the messages numbered after `after` up to `upTo`, from what this process stored
   * and read of the conversation, without a round trip; undefined unless it saw every one of
   * them (at most the newest {@link TAIL}). The desk counts its recent misses with it.
   */
  recentlySaid(conversationId: string, after: number, upTo: number): SaidBy[] | undefined {
    const tail = this.#tails.get(conversationId);
    const first = tail?.[0];
    if (!tail || !first || first.seq > after + 1 || (tail.at(-1)?.seq ?? 0) < upTo) return;
    return tail.filter((said) => said.seq > after && said.seq <= upTo);
  }

  /** Notes in the kept copy that this process changed the conversation. */
  #amend(id: string, change: (kept: ConversationRecord) => Partial<ConversationRecord>): void {
    const kept = this.#kept.get(id);
    if (kept) this.#kept.set(id, { ...kept, ...change(kept) });
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
    // The conversation (its numbering hint, unless given) and the resend key, read together.
    const [conversation, resent] = await Promise.all([
      lastSeq === undefined ? this.get(conversationId) : { lastSeq },
      message.clientId ? this.resent(conversationId, message.clientId) : null,
    ]);
    if (!conversation) throw new Error(`No conversation ${conversationId}`);
    if (resent) return { message: resent, created: false };
    const record = await this.#number(conversationId, message, conversation.lastSeq + 1);
    // The resend key, the numbering hint and what goes alongside are written together.
    await Promise.all([
      alongside?.(record),
      message.clientId ? this.keepKey(conversationId, message.clientId, record.seq) : undefined,
      this.#updateConversation(
        { _id: conversationId, lastSeq: { $lt: record.seq } },
        { $set: { lastSeq: record.seq, updatedAt: record.at } },
      ),
    ]);
    return { message: record, created: true };
  }

  /** The message stored earlier with this sender id (a resend), or null. */
  async resent(conversationId: string, clientId: string): Promise<MessageRecord | null> {
    const known = await this.#commits.read(
      this.#models.MessageKeys,
      `${conversationId}|${clientId}`,
    );
    if (!known) return null;
    const stored = await this.#models.Messages.findById(messageId(conversationId, known.seq));
    return stored ? stored.toObject() : null;
  }

  /** Claims a sender id for the message numbered `seq` (a resend then finds it). */
  async keepKey(conversationId: string, clientId: string, seq: number): Promise<void> {
    await this.#commits
      .insert(this.#models.MessageKeys, { _id: `${conversationId}|${clientId}`, seq })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
  }

  /**
   * Stores a customer's message at exactly number `seq` and, with `pending`, its inbox entry
   * beside it: one round trip, not one after the other. Null when `seq` was taken (the
   * caller's view of the conversation is behind; nothing of the message is stored). The
   * entry is the message's `_id`: one written beside a message that lost its number names the
   * message that won it, which recovery answers only if it is a customer's not yet answered
   * (and that message's own entry is this one). The numbering hint is not written here.
   */
  async insertAt(
    conversationId: string,
    message: NewMessage,
    seq: number,
    pending: boolean,
  ): Promise<MessageRecord | null> {
    const record = this.#record(conversationId, message, seq);
    const [inserted, noted] = await Promise.allSettled([
      this.#insert(record),
      pending ? this.pending(record) : undefined,
    ]);
    if (inserted.status === 'rejected') {
      if (pending) this.#follow(this.#dropStray(record._id));
      if (isDuplicateKey(inserted.reason)) return null;
      throw inserted.reason;
    }
    if (noted.status === 'rejected') throw noted.reason;
    this.#numbered(conversationId, seq);
    this.#saw(record);
    return record;
  }

  /**
   * Stores the first free number after `lastSeq` (a number taken meanwhile costs a try at the
   * next one) without writing the numbering hint: see {@link hint}.
   */
  async appendNew(
    conversationId: string,
    message: NewMessage,
    lastSeq: number,
  ): Promise<MessageRecord> {
    return this.#number(conversationId, message, lastSeq + 1);
  }

  /**
   * The desk's answer to a customer's message: numbered after `lastSeq`, one insert. It carries
   * `reply:<message id>` as its sender id on the message itself, which is how recovery finds
   * it said ({@link said}); no key document is written or read for it. With `check` (an answer
   * late enough that recovery elsewhere may have given it), an answer said already is
   * returned instead of saying it again.
   */
  async reply(
    conversationId: string,
    message: NewMessage & { clientId: string },
    lastSeq: number,
    { replyTo, check = false }: { replyTo: MessageRecord; check?: boolean },
  ): Promise<MessageRecord> {
    if (check) {
      const earlier = await this.#saidAfter(conversationId, message.clientId, replyTo.seq);
      if (earlier) return earlier;
    }
    return this.#number(conversationId, message, lastSeq + 1);
  }

  /** Milliseconds since the message was numbered, by this store's clock. */
  ageOf(message: MessageRecord): number {
    return this.#clock.now() - message.at.getTime();
  }

  async #number(conversationId: string, message: NewMessage, from: number): Promise<MessageRecord> {
    for (let seq = from; ; seq++) {
      const record = this.#record(conversationId, message, seq);
      try {
        await this.#insert(record);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
      this.#numbered(conversationId, seq);
      this.#saw(record);
      return record;
    }
  }

  #record(conversationId: string, message: NewMessage, seq: number): MessageRecord {
    return {
      _id: messageId(conversationId, seq),
      conversationId,
      seq,
      ...message,
      at: dateOf(this.#clock),
    };
  }

  /** As `create` stores it (defaults and casts), with the inserts of other appends. */
  async #insert(record: MessageRecord): Promise<void> {
    await this.#commits.insert(this.#models.Messages, await this.#stored(record));
  }

  /**
   * The message as the schema stores it. A plain one (strings where the schema has strings, no
   * options or intent to cast) is that already, with the empty `options` the schema adds; only
   * others go through a document (its casts and validation, ~0.3 ms of the event loop each).
   */
  async #stored(record: MessageRecord): Promise<Record<string, unknown>> {
    if (plainMessage(record)) return { ...record, options: [] };
    const stored = new this.#models.Messages(record);
    await stored.validate();
    return stored.toObject() as unknown as Record<string, unknown>;
  }

  /**
   * The inbox entry written beside a message that lost its number: deleted unless the message
   * that won it is a customer's (whose own entry it may be; recovery sorts that one out).
   */
  async #dropStray(id: string): Promise<void> {
    const winner = await this.#commits.read(this.#models.Messages, id);
    if (winner?.from !== 'customer') await this.answered(id);
  }

  /** Bookkeeping nobody waits for; {@link idle} does. A failure is left to recovery. */
  #follow(write: Promise<void>): void {
    const kept = write.catch(() => {}).finally(() => this.#following.delete(kept));
    this.#following.add(kept);
  }

  /** This process took number `seq`: its kept copy knows it. */
  #numbered(conversationId: string, seq: number): void {
    this.#amend(conversationId, (kept) => ({ lastSeq: Math.max(kept.lastSeq, seq) }));
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
        this.#saw(message);
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
    this.#amend(conversationId, () => ({ status, ...fields }));
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

  /**
   * Notes what the customer asked about, the order they named and (`lastSeq`) a message number
   * now taken, in one update. The numbering hint only moves up (`$max`): a later number noted
   * first is kept; so does `updatedAt`.
   *
   * Notes go at once unless notes of this process are under way; then they wait for those to
   * come back and go together, the notes of one conversation as one update (the intent noted
   * after a customer's message and the hint of the answer to it are often one statement, not
   * two: FerretDB applies each statement as a read, a change and a write).
   */
  async note(
    conversationId: string,
    {
      intent,
      orderId,
      lastSeq,
    }: { intent?: { intent: string; confidence: number }; orderId?: string; lastSeq?: number },
  ): Promise<void> {
    if (!intent && !orderId && lastSeq === undefined) return;
    const now = dateOf(this.#clock);
    let staged = this.#staged.get(conversationId);
    if (!staged) {
      staged = { intents: [], waiters: [] };
      this.#staged.set(conversationId, staged);
    }
    if (intent) staged.intents.push({ ...intent, at: now });
    if (orderId) staged.orderId = orderId;
    if (lastSeq !== undefined) {
      staged.lastSeq = Math.max(staged.lastSeq ?? 0, lastSeq);
      staged.updatedAt = now;
    }
    const written = new Promise<void>((resolve, reject) =>
      staged.waiters.push({ resolve, reject }),
    );
    this.#follow(written);
    if (this.#notesOut === 0) this.#sendNotes();
    await written;
  }

  /** Sends the staged notes (one statement per conversation), and again once they are back. */
  #sendNotes(): void {
    const batch = [...this.#staged];
    this.#staged.clear();
    this.#notesOut++;
    const sent = batch.map(async ([conversationId, staged]) => {
      const set = { ...(staged.orderId ? { orderId: staged.orderId } : {}) };
      const max = {
        ...(staged.lastSeq !== undefined ? { lastSeq: staged.lastSeq } : {}),
        ...(staged.updatedAt ? { updatedAt: staged.updatedAt } : {}),
      };
      try {
        await this.#updateConversation(
          { _id: conversationId },
          {
            ...(staged.intents.length > 0
              ? {
                  $push: {
                    intents:
                      staged.intents.length === 1 ? staged.intents[0] : { $each: staged.intents },
                  },
                }
              : {}),
            ...(Object.keys(set).length > 0 ? { $set: set } : {}),
            ...(Object.keys(max).length > 0 ? { $max: max } : {}),
          },
        );
      } catch (error) {
        for (const waiter of staged.waiters) waiter.reject(error);
        return;
      }
      this.#amend(conversationId, (kept) => ({
        ...(staged.intents.length > 0 ? { intents: [...kept.intents, ...staged.intents] } : {}),
        ...(staged.orderId ? { orderId: staged.orderId } : {}),
      }));
      for (const waiter of staged.waiters) waiter.resolve();
    });
    void Promise.all(sent).finally(() => {
      this.#notesOut--;
      if (this.#staged.size > 0) this.#sendNotes();
    });
  }

  /** Moves the numbering hint up to `seq` (readers probe past it until then). */
  hint(conversationId: string, seq: number): Promise<void> {
    return this.note(conversationId, { lastSeq: seq });
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

  /**
   * True when something was said already with this sender id (`reply:<message id>`). With
   * `after` (the number of the message answered), the messages after it are read too: the
   * desk's answers carry the sender id on the message and have no key document.
   */
  async said(conversationId: string, clientId: string, after?: number): Promise<boolean> {
    const [keyed, found] = await Promise.all([
      this.#commits.read(this.#models.MessageKeys, `${conversationId}|${clientId}`),
      after === undefined ? null : this.#saidAfter(conversationId, clientId, after),
    ]);
    return !!keyed || !!found;
  }

  async #saidAfter(
    conversationId: string,
    clientId: string,
    after: number,
  ): Promise<MessageRecord | undefined> {
    const later = await this.messagesAfter(conversationId, after, 500);
    return later.find((message) => message.clientId === clientId);
  }

  /**
   * Deletes the message's inbox entry. `later`: with the others deleted in the next
   * {@link ANSWERED_LINGER_MS} (an answer's bookkeeping, which nobody waits for).
   */
  async answered(messageId: string, { later = false }: { later?: boolean } = {}): Promise<void> {
    await (later ? this.#later : this.#commits).delete(this.#models.ChatInbox, messageId);
  }

  /** Customer messages taken before `before` and still not answered, with their conversations. */
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
      // An entry written beside a message that lost its number may name another's message:
      // only a customer's is answered.
      if (conversation && message?.from === 'customer') found.push({ conversation, message });
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
  async idle(): Promise<void> {
    while (this.#following.size > 0) await Promise.all(this.#following);
    await Promise.all([this.#commits.idle(), this.#later.idle()]);
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
