import type { Logger } from 'pino';
import type { JsonObject, LocalizedText } from '@xiaoer/engine';
import type { EventIntake } from '../intake/event-intake.ts';
import type { EventOutcome } from '../model/event.model.ts';
import type {
  ChatCustomer,
  ConversationRecord,
  MessageRecord,
} from '../model/conversation.model.ts';
import { ConversationStore, type NewMessage } from './conversation-store.ts';
import type { ConversationHub } from './conversation-hub.ts';
import { ChatError } from './chat-error.ts';
import { extractEntities } from '../intents/message-entities.ts';
import type { IntentAction } from '../model/intent.model.ts';
import type { Role } from '../model/auth.model.ts';
import { NEUTRAL_AGENT_NAME } from './agent-names.ts';

/** What the desk needs from intent recognition. */
export interface IntentPort {
  classify(text: string): Promise<{
    intent: string;
    confidence: number;
    entities: { orderNumbers: string[] };
  }>;
  /** What to do with a recognised intent when no journey took the message. */
  actionFor?(intent: string): IntentAction | undefined;
}

/**
 * Who asks, for an answer that fills in an order's details: only the order's verified owner
 * gets them (`order-owner.ts`).
 */
export type AskingCustomer = Pick<ChatCustomer, 'id' | 'verified'>;

/** What the desk needs from the knowledge base. */
export interface AnswerPort {
  answer(
    question: string,
    context: {
      conversationId: string;
      language: 'zh' | 'en';
      customer: AskingCustomer;
      orderId?: string;
    },
  ): Promise<{ text: string; articleId: string; score: number } | null>;
  /** Close but unsure matches, to offer as "did you mean" (none when the port has no band). */
  suggest?(
    question: string,
    context: { language: 'zh' | 'en' },
  ): Promise<{ articleId: string; question: string }[]>;
  /** The answer of one article (an intent's chosen answer), or null when it cannot answer. */
  answerArticle?(
    articleId: string,
    context: { language: 'zh' | 'en'; customer: AskingCustomer; orderId?: string },
  ): Promise<{ text: string; articleId: string } | null>;
}

/** A request to hand a conversation to a person, with everything they need to know. */
export interface DeskHandoff {
  conversation: ConversationRecord;
  intent: string;
  reason: 'asked' | 'not-understood' | 'journey';
  transcript: MessageRecord[];
  /** The skill group and rank a journey's handoff node chose. */
  group?: string;
  priority?: number;
  /** The journey and node that handed over. */
  journey?: { instanceId: string; nodeId: string };
}

/** What the desk needs from routing: where the customer now stands. */
export interface HandoffPort {
  /** Null when no skill group can take it (none set up for it). */
  handOff(
    request: DeskHandoff,
  ): Promise<{ handoffId: string; text: LocalizedText; agentId?: string } | null>;
  /**
   * Ends the open handoff of a conversation being closed, unresolved, noting who closed it;
   * false when it had ended already (resolved, transferred, abandoned).
   */
  end(
    handoffId: string,
    ending: { by: ConversationCloser; role?: Role; reason: 'conversation-closed' },
  ): Promise<boolean>;
}

/**
 * Who closes a conversation: `user:<console user id>` (an agent, a supervisor),
 * `api-key:<key id>` (a script) or `customer`.
 */
export type ConversationCloser = `user:${string}` | `api-key:${string}` | 'customer';

/** What the desk needs to name an agent to a customer (never the login id). */
export interface AgentNamePort {
  nameOf(agentId: string, language: 'zh' | 'en'): Promise<string>;
}

/** Intents that go straight to a person when recognition says nothing of actions. */
const PERSON_INTENTS = new Set(['human', 'complaint']);
/** The chat's event source in the event store (`chat/<message id>:…`). */
export const CHAT_SOURCE = 'chat';
/** The first lines of a conversation a person gets with it. */
const TRANSCRIPT_LINES = 200;
/** Misses in a row before the bot stops guessing and asks a person. */
const MISSES_BEFORE_HANDOFF = 2;
/** The lines before a message (it included) whose misses count towards a handoff. */
const RECENT_LINES = 8;
/** The bot's "not understood" line. */
const missed = (m: Pick<MessageRecord, 'from' | 'author'>) =>
  m.from === 'bot' && m.author === 'desk:not-understood';

const TEXT = {
  welcome: {
    zh: '您好，我是小二 🤖 有什么可以帮您？可以直接说“我的快递到哪了”，或输入“转人工”。',
    en: 'Hi, I am Xiaoer 🤖 How can I help? Try "where is my parcel", or type "agent" for a person.',
  },
  notUnderstood: {
    zh: '抱歉，我没太明白。可以换个说法，或输入“转人工”联系客服。',
    en: 'Sorry, I did not quite get that. Try other words, or type "agent" to reach a person.',
  },
  failed: {
    zh: '抱歉，系统开了个小差，您的消息已收到，我们会尽快回复。',
    en: 'Sorry, something went wrong on our side; we have your message and will answer soon.',
  },
  closedIdle: {
    zh: '您已有一段时间没有回复，本次会话已结束。如还需要帮助，请重新发起会话。',
    en: 'This chat was closed after a while without messages. Start a new chat if you need more help.',
  },
  didYouMean: {
    zh: '您是想问下面哪个问题？点一下即可，或换个说法。',
    en: 'Did you mean one of these? Tap one, or put it another way.',
  },
  transferred: {
    zh: '正在为您转接其他客服，请稍候。',
    en: 'We are passing you to another team; please hold on.',
  },
  returned: {
    zh: '抱歉，刚才的客服暂时无法继续为您服务，已为您重新排队，您已等待的时间照常计算，请稍候。',
    en: 'Sorry, your agent cannot continue for now. You are back in the queue, keeping the time you have waited; please hold on.',
  },
  noAgentsConfigured: {
    zh: '人工客服暂未开通，我们已记录您的问题，会尽快回复。',
    en: 'No human agents are set up yet; we noted your question and will come back to you.',
  },
} satisfies Record<string, LocalizedText>;

export interface ServiceDeskOptions {
  store: ConversationStore;
  hub: ConversationHub;
  intake: EventIntake;
  log: Logger;
  intents?: IntentPort;
  knowledge?: AnswerPort;
  handoff?: HandoffPort;
  /** The names agents show customers; without it, a neutral "agent". */
  agentNames?: AgentNamePort;
  /** Told what happened, for analytics (opened, intents, closed). */
  observer?: DeskObserver;
  /**
   * After how long recovery (here or in another process) takes a message not answered yet: an
   * answer later than half of it first looks whether recovery gave it already. Default 15 s.
   */
  recoverAfterMs?: number;
}

/** What analytics hears from the desk; called after the fact, never awaited. */
export interface DeskObserver {
  opened(conversation: ConversationRecord): void;
  intent(conversation: ConversationRecord, intent: string): void;
  closed(conversationId: string): void;
}

/**
 * Where every customer message goes: to the journey waiting for the customer's reply, else to
 * a journey that starts on the message's intent, else answered from the knowledge base, else
 * to a person. Journeys take part through events (`customer.replied`, `conversation.message`)
 * and talk back through the `chat` channel.
 */
export class ServiceDesk {
  readonly store: ConversationStore;
  readonly hub: ConversationHub;
  readonly #options: ServiceDeskOptions;
  /** Messages this process is answering now; recovery leaves them alone. */
  readonly #answering = new Set<string>();

  constructor(options: ServiceDeskOptions) {
    this.#options = options;
    this.store = options.store;
    this.hub = options.hub;
  }

  /** Opens a conversation with a welcome; the token is for the customer's chat page only. */
  async open(customer: ChatCustomer, orderId?: string, channel?: string) {
    const opened = await this.store.open(customer, orderId, channel);
    this.#options.observer?.opened(opened.conversation);
    await this.#say(opened.conversation, TEXT.welcome, 'welcome');
    return opened;
  }

  /** A conversation the caller may act on, or a not-found or conflict `ChatError`. */
  async conversation(id: string, { open = false } = {}): Promise<ConversationRecord> {
    const conversation = await this.store.get(id);
    if (!conversation) throw new ChatError('not-found', 'unknown-conversation', { id });
    if (open && conversation.status === 'closed')
      throw new ChatError('conflict', 'conversation-closed', { id });
    return conversation;
  }

  /**
   * Takes a customer's message: stores it (a resend with the same `clientId` is the same
   * message and is not handled twice) and, unless a person has the conversation, answers it.
   * The conversation is read here unless the caller just read it (to check the chat token);
   * with `kept`, the caller's is the copy this process kept (`ConversationStore.kept`), whose
   * status is read again beside the message's first write.
   *
   * Without a sender id, the message goes at once to the number after the newest this process
   * knows, with its inbox entry beside it (and the conversation read beside them, for a kept
   * copy): one round trip. If that number was free, nothing was said in the conversation since
   * this process last saw it (a close or a change of hands is always said in it), so the
   * status read beside it held when the message was taken. If it was taken, the message goes
   * the long way: the status as read decides, then the next free number.
   */
  async receive(
    conversationOrId: string | ConversationRecord,
    message: { text: string; clientId?: string },
    { kept = false }: { kept?: boolean } = {},
  ): Promise<MessageRecord> {
    let conversation =
      typeof conversationOrId === 'string'
        ? await this.conversation(conversationOrId, { open: true })
        : conversationOrId;
    const conversationId = conversation._id;
    // Closed is for good: a kept copy that says so is right.
    if (conversation.status === 'closed')
      throw new ChatError('conflict', 'conversation-closed', { id: conversationId });
    if (kept && conversation.status !== 'open') {
      // Kept while a person had it: they may have handed it back since.
      conversation = await this.conversation(conversationId, { open: true });
      kept = false;
    }
    const said: NewMessage = {
      from: 'customer',
      text: message.text,
      author: conversation.customer.id,
      ...(message.clientId ? { clientId: message.clientId } : {}),
    };
    const current = (fresh: ConversationRecord | null): ConversationRecord => {
      if (!fresh) throw new ChatError('not-found', 'unknown-conversation', { id: conversationId });
      return fresh;
    };
    let stored: MessageRecord | null = null;
    if (message.clientId) {
      const [fresh, resent] = await Promise.all([
        kept ? this.store.get(conversationId) : conversation,
        this.store.resent(conversationId, message.clientId),
      ]);
      if (resent) return resent;
      conversation = current(fresh);
    } else {
      const [first, fresh] = await Promise.all([
        this.store.insertAt(
          conversationId,
          said,
          conversation.lastSeq + 1,
          conversation.status === 'open',
        ),
        kept ? this.store.get(conversationId) : conversation,
      ]);
      conversation = current(fresh);
      stored = first;
      // Changed hands or closed just as the message came (a race as old as two processes):
      // stored, not answered.
      if (stored && conversation.status !== 'open') this.#bookkeep(this.store.answered(stored._id));
    }
    if (!stored && conversation.status === 'closed')
      throw new ChatError('conflict', 'conversation-closed', { id: conversationId });
    const answering = conversation.status === 'open';
    stored ??= await this.#taken(conversation, said, answering);
    const keyed = message.clientId
      ? this.store.keepKey(conversationId, message.clientId, stored.seq)
      : undefined;
    this.hub.published(stored);
    if (!answering) this.#bookkeep(this.store.hint(conversationId, stored.seq));
    // The answer and the resend key together; the response waits for both.
    await Promise.all([
      answering ? this.#answer(conversation, stored, { live: true }) : undefined,
      keyed,
    ]);
    return stored;
  }

  /** The message at the first free number, noted as pending (when answering) once numbered. */
  async #taken(
    conversation: ConversationRecord,
    said: NewMessage,
    answering: boolean,
  ): Promise<MessageRecord> {
    const first = await this.store.insertAt(
      conversation._id,
      said,
      conversation.lastSeq + 1,
      answering,
    );
    if (first) return first;
    const stored = await this.store.appendNew(conversation._id, said, conversation.lastSeq + 1);
    if (answering) await this.store.pending(stored);
    return stored;
  }

  /** Bookkeeping nobody waits for (numbering hints, inbox entries): a failure is logged. */
  #bookkeep(write: Promise<void>): void {
    write.catch((error: unknown) =>
      this.#options.log.warn({ err: error }, 'conversation bookkeeping failed'),
    );
  }

  /**
   * Answers the messages a process took and never answered (it died in between): replies
   * carry the message's id, so one that was said already is not said twice.
   */
  async recover(olderThanMs: number, now = Date.now()): Promise<number> {
    // Being answered here when the entries are read: an answer that ends while they are read
    // deletes its entry (within 200 ms, with others') after the read saw it.
    const busy = new Set(this.#answering);
    const left = await this.store.unanswered(new Date(now - olderThanMs));
    const mine = left.filter(
      ({ message }) => !busy.has(message._id) && !this.#answering.has(message._id),
    );
    for (const { conversation, message } of mine)
      if (
        conversation.status === 'open' &&
        !(await this.store.said(conversation._id, `reply:${message._id}`, message.seq))
      )
        await this.#answer(conversation, message);
      else await this.store.answered(message._id);
    return mine.length;
  }

  /**
   * Answers `message`; resolves once the answer is said. Its inbox entry and the numbering
   * hints are then written without waiting (the customer's request does not wait on
   * bookkeeping; with `live`, a message just received, the entry goes with those of other
   * answers in the next 200 ms, one delete for all): until the entry is deleted, recovery
   * leaves the message to this process, and one left by a crash is found said already (its
   * reply carries the message's id).
   */
  async #answer(
    conversation: ConversationRecord,
    message: MessageRecord,
    { live = false }: { live?: boolean } = {},
  ): Promise<void> {
    this.#answering.add(message._id);
    try {
      await this.#handle(conversation, message).catch(async (error: unknown) => {
        // The message is kept; the customer hears that the answer is late, not a 500.
        this.#options.log.error({ err: error, conversation: conversation._id }, 'answering failed');
        await this.#say(conversation, TEXT.failed, 'failed', message).catch(() => {});
      });
    } catch (error) {
      this.#answering.delete(message._id);
      throw error;
    }
    void this.store
      .answered(message._id, { later: live })
      .catch((error: unknown) =>
        this.#options.log.warn({ err: error, message: message._id }, 'noting an answer failed'),
      )
      .finally(() => this.#answering.delete(message._id));
  }

  /** An agent's answer in the chat. */
  async reply(conversationId: string, agentId: string, text: string): Promise<MessageRecord> {
    const conversation = await this.conversation(conversationId, { open: true });
    const stored = await this.store.append(conversationId, {
      from: 'agent',
      author: agentId,
      authorName: await this.#agentName(agentId, conversation.customer.language),
      text,
    });
    this.hub.published(stored);
    return stored;
  }

  /** Intent recognition as the desk has it now (`unknown` before it is trained). */
  async classify(text: string): Promise<{ intent: string; confidence: number }> {
    const recognised = await this.#options.intents?.classify(text);
    return recognised ?? { intent: 'unknown', confidence: 0 };
  }

  /** Sets the recogniser once it is trained (at start, in about a second). */
  useIntents(intents: IntentPort): void {
    this.#options.intents = intents;
  }

  /** A journey's knowledge-base answer, said in the conversation when one fits. */
  async answerInChat(
    conversationId: string,
    question: string,
  ): Promise<{ articleId: string; score: number } | null> {
    const conversation = await this.conversation(conversationId, { open: true });
    const answer = await this.#options.knowledge?.answer(question, {
      conversationId,
      language: conversation.customer.language,
      customer: conversation.customer,
      ...(conversation.orderId ? { orderId: conversation.orderId } : {}),
    });
    if (!answer) return null;
    await this.#append(conversation, {
      from: 'bot',
      text: answer.text,
      author: `kb:${answer.articleId}`,
    });
    return { articleId: answer.articleId, score: answer.score };
  }

  /** A journey's handoff node: the conversation goes to a skill group; null when closed. */
  async handOffFromJourney(
    conversationId: string,
    request: Pick<DeskHandoff, 'group' | 'priority' | 'journey'>,
  ): Promise<string | null> {
    const conversation = await this.store.get(conversationId);
    if (!conversation || conversation.status === 'closed') return null;
    const last = conversation.intents.at(-1)?.intent ?? 'human';
    return this.#handOff(conversation, last, 'journey', request);
  }

  /** An agent took the conversation from the queue: the customer is told who. */
  async assigned(conversationId: string, handoffId: string, agentId: string): Promise<void> {
    const conversation = await this.store.get(conversationId);
    if (!conversation || conversation.status === 'closed') return;
    await this.store.setStatus(conversationId, 'withAgent', { handoffId, agentId });
    const language = conversation.customer.language;
    const name = await this.#agentName(agentId, language);
    await this.#append(conversation, {
      from: 'system',
      author: agentId,
      authorName: name,
      text:
        language === 'en' ? `Agent ${name} has joined the chat.` : `客服 ${name} 已接入，请讲。`,
    });
  }

  /**
   * The conversation's handoff was transferred to another skill group: the conversation follows
   * the new handoff, so the first agent no longer has it, and closing it ends the new one. Still
   * waiting there, it is queued, and the customer is told; once an agent takes it, `assigned`
   * says so (it may have run already: then the conversation names the new handoff).
   */
  async transferred(
    fromHandoffId: string,
    to: { _id: string; conversationId: string; status: string },
    why: 'transferred' | 'returned' = 'transferred',
  ): Promise<void> {
    const conversation = await this.store.get(to.conversationId);
    if (!conversation || conversation.status === 'closed') return;
    if (conversation.handoffId !== fromHandoffId || to.status !== 'waiting') return;
    await this.store.setStatus(conversation._id, 'queued', { handoffId: to._id });
    await this.#say(conversation, TEXT[why], why);
  }

  /**
   * The conversation's handoff went back to its queue because its agent can no longer answer
   * (away too long, disabled or demoted): as a transfer within the same group, the customer
   * told so and keeping their wait.
   */
  async returned(
    fromHandoffId: string,
    to: { _id: string; conversationId: string; status: string },
  ): Promise<void> {
    await this.transferred(fromHandoffId, to, 'returned');
  }

  /** The agent's display name for the customer; a neutral word when none can be found. */
  async #agentName(agentId: string, language: 'zh' | 'en'): Promise<string> {
    const names = this.#options.agentNames;
    const name = await names?.nameOf(agentId, language).catch(() => undefined);
    return name ?? NEUTRAL_AGENT_NAME[language];
  }

  /**
   * The agent is done: the bot takes the conversation again, and a journey that handed it over
   * (waiting for `handoff.resolved`) moves on.
   */
  async resolved(conversationId: string, outcome: 'resolved' | 'abandoned'): Promise<void> {
    const conversation = await this.conversation(conversationId);
    if (conversation.status !== 'closed') await this.store.setStatus(conversationId, 'open');
    await this.#handoffEnded(conversation, outcome);
  }

  /** Tells the journey waiting on the conversation's handoff (if one is) how it ended. */
  async #handoffEnded(
    conversation: ConversationRecord,
    outcome: 'resolved' | 'abandoned',
  ): Promise<void> {
    const conversationId = conversation._id;
    await this.#options.intake.submit(CHAT_SOURCE, {
      id: `${conversationId}:${conversation.handoffId ?? 'handoff'}:${outcome}`,
      type: `handoff.${outcome}`,
      source: CHAT_SOURCE,
      data: {
        conversationId,
        ...(conversation.handoffId ? { handoffId: conversation.handoffId } : {}),
      },
    });
  }

  /**
   * Closes the conversation for good. A handoff still waiting or assigned ends with it,
   * unresolved (`abandoned`), noting `by`, the `role` a console user acted in (the request's;
   * looked up when not given) and why (`conversation-closed`): the agent's slot and the
   * queue's place are freed, and a journey waiting on the handoff moves on.
   */
  async close(conversationId: string, by: ConversationCloser, role?: Role): Promise<void> {
    const conversation = await this.conversation(conversationId, { open: true });
    // Closed first: an assignment racing this close finds it closed and says nothing.
    await this.store.setStatus(conversationId, 'closed');
    const handedOver = conversation.handoffId && conversation.status !== 'open';
    const ended =
      handedOver && conversation.handoffId
        ? await this.#options.handoff?.end(conversation.handoffId, {
            by,
            ...(role ? { role } : {}),
            reason: 'conversation-closed',
          })
        : false;
    await this.#closedNotice(conversationId, '会话已结束 / The conversation has ended');
    if (ended) await this.#handoffEnded(conversation, 'abandoned');
  }

  /**
   * Closes conversations with the bot where nothing was said for `idleMs` (customers mostly
   * leave without closing); ones queued for or with an agent stay open. Returns how many.
   */
  async closeIdle(idleMs: number, now = Date.now()): Promise<number> {
    const idle = await this.store.idleSince(new Date(now - idleMs));
    for (const conversation of idle)
      await this.#closeWith(conversation._id, TEXT.closedIdle[conversation.customer.language]);
    return idle.length;
  }

  async #closeWith(conversationId: string, text: string): Promise<void> {
    await this.store.setStatus(conversationId, 'closed');
    await this.#closedNotice(conversationId, text);
  }

  /** Analytics hears of the close (the handoff ended first), and the chat shows it. */
  async #closedNotice(conversationId: string, text: string): Promise<void> {
    this.#options.observer?.closed(conversationId);
    const notice = await this.store.append(conversationId, { from: 'system', text });
    this.hub.published(notice);
  }

  async #handle(conversation: ConversationRecord, message: MessageRecord): Promise<void> {
    const { intake, intents, log } = this.#options;
    const noted = (note: Parameters<ConversationStore['note']>[1]) =>
      this.store
        .note(conversation._id, { ...note, lastSeq: message.seq })
        .catch((error: unknown) =>
          log.warn({ err: error, conversation: conversation._id }, 'noting the intent failed'),
        );
    // 1. A journey asked the customer something: this is the answer.
    const replied = await intake.submit(CHAT_SOURCE, {
      id: `${message._id}:replied`,
      type: 'customer.replied',
      source: CHAT_SOURCE,
      data: {
        conversationId: conversation._id,
        text: message.text,
        entities: entitiesData(message.text),
      },
    });
    if (took(replied)) {
      void noted({});
      return;
    }

    const recognised = intents
      ? await intents.classify(message.text).catch((error: unknown) => {
          log.warn({ err: error }, 'intent recognition failed; treating the message as unknown');
          return undefined;
        })
      : undefined;
    const intent = recognised?.intent ?? 'unknown';
    const orderId = recognised?.entities.orderNumbers[0] ?? conversation.orderId;
    // The intent, the order and the message's number in one update, sent before anything
    // answers and not waited for: every update of a conversation goes through the store's one
    // lane (one command at a time, statements in order), and the numbering hint only moves up,
    // so the reply's number written next cannot be lost; the customer's answer does not wait a
    // round trip for bookkeeping.
    void noted({
      ...(recognised ? { intent: { intent, confidence: recognised.confidence } } : {}),
      ...(orderId && orderId !== conversation.orderId ? { orderId } : {}),
    });
    if (recognised) this.#options.observer?.intent(conversation, intent);
    await this.#respond(conversation, message, recognised, intent, orderId);
  }

  /** Steps 2 to 6 of {@link #handle}: a journey, the intent's action, knowledge, a person. */
  async #respond(
    conversation: ConversationRecord,
    message: MessageRecord,
    recognised:
      Awaited<ReturnType<NonNullable<ServiceDeskOptions['intents']>['classify']>> | undefined,
    intent: string,
    orderId: string | undefined,
  ): Promise<void> {
    const { intake, intents, knowledge, log } = this.#options;
    const language = conversation.customer.language;
    const current: ConversationRecord = {
      ...conversation,
      // Its newest message is the customer's: replies are numbered after it without a read.
      lastSeq: Math.max(conversation.lastSeq, message.seq),
      ...(orderId ? { orderId } : {}),
      intents: recognised
        ? [...conversation.intents, { intent, confidence: recognised.confidence, at: new Date() }]
        : conversation.intents,
    };

    // 2. A journey that starts on this intent (its trigger filters on `intent`).
    const started = await intake.submit(CHAT_SOURCE, {
      id: `${message._id}:message`,
      type: 'conversation.message',
      source: CHAT_SOURCE,
      data: chatEventData(current, message, intent, recognised?.confidence ?? 0),
    });
    if (took(started)) return;

    // 3. What the intent asks for: a person (with the group and priority it names), a reply.
    const action: IntentAction | undefined = intents?.actionFor
      ? intents.actionFor(intent)
      : PERSON_INTENTS.has(intent)
        ? { kind: 'handoff' }
        : undefined;
    if (action?.kind === 'handoff') {
      const { group, priority } = action;
      const chosen = { ...(group ? { group } : {}), ...(priority ? { priority } : {}) };
      await this.#handOff(current, intent, 'asked', chosen, message);
      return;
    }
    if (action?.kind === 'reply') {
      await this.#say(current, action.text, `intent:${intent}`, message);
      return;
    }

    // 4. The knowledge base, then the article the intent names.
    const answer = await knowledge
      ?.answer(message.text, {
        conversationId: conversation._id,
        language,
        customer: conversation.customer,
        ...(orderId ? { orderId } : {}),
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'the knowledge base failed to answer');
        return null;
      });
    const chosen =
      !answer && action?.kind === 'knowledge' && action.articleId
        ? await knowledge
            ?.answerArticle?.(action.articleId, {
              language,
              customer: conversation.customer,
              ...(orderId ? { orderId } : {}),
            })
            .catch(() => null)
        : undefined;
    const found = answer ?? chosen;
    if (found) {
      await this.#append(
        current,
        { from: 'bot', text: found.text, author: `kb:${found.articleId}` },
        message,
      );
      return;
    }

    // 5. Close but unsure: "did you mean" with the questions to pick (a pick is asked again).
    const suggestions = await knowledge
      ?.suggest?.(message.text, { language })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'the knowledge base failed to suggest');
        return [];
      });
    if (suggestions && suggestions.length > 0) {
      await this.#append(
        current,
        {
          from: 'bot',
          author: 'desk:did-you-mean',
          text: TEXT.didYouMean[language],
          options: suggestions.map((s) => ({ id: s.articleId, label: s.question })),
        },
        message,
      );
      return;
    }

    // 6. Not understood: once more, then a person. The recent lines that count the misses are
    // those this process stored or read when it saw all of them (no read for a first miss);
    // else the transcript a person would get is read now, with them (one read, not two).
    const seen = this.store.recentlySaid(
      conversation._id,
      Math.max(0, message.seq - RECENT_LINES),
      current.lastSeq,
    );
    if (seen && seen.filter(missed).length + 1 < MISSES_BEFORE_HANDOFF) {
      await this.#say(current, TEXT.notUnderstood, 'not-understood', message);
      return;
    }
    const transcript =
      current.lastSeq <= TRANSCRIPT_LINES
        ? await this.store.messagesAfter(conversation._id, 0, TRANSCRIPT_LINES, current.lastSeq)
        : undefined;
    const recent =
      transcript?.filter((m) => m.seq > message.seq - RECENT_LINES) ??
      (await this.store.messagesAfter(
        conversation._id,
        Math.max(0, message.seq - RECENT_LINES),
        500,
        current.lastSeq,
      ));
    if (recent.filter(missed).length + 1 >= MISSES_BEFORE_HANDOFF) {
      await this.#handOff(current, intent, 'not-understood', {}, message, transcript);
      return;
    }
    await this.#say(current, TEXT.notUnderstood, 'not-understood', message);
  }

  async #handOff(
    conversation: ConversationRecord,
    intent: string,
    reason: DeskHandoff['reason'],
    from: Pick<DeskHandoff, 'group' | 'priority' | 'journey'> = {},
    replyTo?: MessageRecord,
    read?: MessageRecord[],
  ): Promise<string | null> {
    const { handoff } = this.#options;
    // Already with a person (a redelivered handoff call): the same handoff.
    if (conversation.handoffId && conversation.status !== 'open') return conversation.handoffId;
    const transcript =
      read ??
      (await this.store.messagesAfter(conversation._id, 0, TRANSCRIPT_LINES, conversation.lastSeq));
    const queued = await handoff?.handOff({ conversation, intent, reason, transcript, ...from });
    if (!queued) {
      await this.#say(conversation, TEXT.noAgentsConfigured, 'no-agents', replyTo);
      return null;
    }
    // Taken at once, or waiting; `assigned` (the router's listener) says the same, in any order.
    await this.store.setStatus(
      conversation._id,
      queued.agentId ? 'withAgent' : 'queued',
      queued.agentId
        ? { handoffId: queued.handoffId, agentId: queued.agentId }
        : { handoffId: queued.handoffId },
    );
    await this.#say(conversation, queued.text, 'handoff', replyTo);
    return queued.handoffId;
  }

  /** Says one of the desk's own lines; `replyTo` (the customer's message) makes it said once. */
  #say(
    conversation: ConversationRecord,
    text: LocalizedText,
    why: string,
    replyTo?: MessageRecord,
  ) {
    return this.#append(
      conversation,
      { from: 'bot', author: `desk:${why}`, text: text[conversation.customer.language] },
      replyTo,
    );
  }

  /**
   * Says `message` in the conversation. An answer to a customer's message (`replyTo`) carries
   * `reply:<message id>` as its sender id and is one insert (`ConversationStore.reply`); one
   * late enough that recovery may have given it first looks whether it did.
   */
  async #append(
    conversation: ConversationRecord,
    message: NewMessage,
    replyTo?: MessageRecord,
  ): Promise<void> {
    const said = replyTo
      ? await this.store.reply(
          conversation._id,
          { ...message, clientId: `reply:${replyTo._id}` },
          conversation.lastSeq,
          {
            replyTo,
            check: this.store.ageOf(replyTo) > (this.#options.recoverAfterMs ?? 15_000) / 2,
          },
        )
      : await this.store.append(conversation._id, message, conversation.lastSeq);
    if (replyTo) this.#bookkeep(this.store.hint(conversation._id, said.seq));
    this.hub.published(said);
  }
}

const took = (outcome: EventOutcome | null) =>
  !!outcome && outcome.started.length + outcome.routed.length > 0;

/** The data of a chat event: what a journey started from the chat can use. */
function chatEventData(
  conversation: ConversationRecord,
  message: MessageRecord,
  intent: string,
  confidence: number,
): JsonObject {
  return {
    conversationId: conversation._id,
    text: message.text,
    intent,
    confidence,
    customer: { ...conversation.customer },
    // Not `orderId`: order journeys correlate on it and would park every chat message.
    ...(conversation.orderId ? { order: { id: conversation.orderId } } : {}),
  };
}

/** The numbers in a message as event data (a journey's `askCustomer` keeps them). */
function entitiesData(text: string): JsonObject {
  const { orderNumbers, phoneNumbers, trackingNumbers } = extractEntities(text);
  return {
    orderNumbers,
    phoneNumbers,
    trackingNumbers: trackingNumbers.map(({ number, carrier }) => ({ number, carrier })),
  };
}
