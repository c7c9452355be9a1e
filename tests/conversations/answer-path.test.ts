import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient, readStream } from './chat-client.ts';

/**
 * Issue 17: what a customer's message waits on. A conversation this process keeps is not read
 * before the message is stored: the message, its inbox entry and the conversation's read go
 * together, and a free number shows nothing was said in the conversation since (a close or a
 * change of hands is always said in it). The desk's answer is one insert that carries the
 * question's id; notes and numbering hints follow without being waited for. Two servers on
 * one store (`a` with its commands monitored, `b` changing conversations behind `a`'s back).
 */
let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness({ monitorCommands: true });
  b = await startHarness({ store: a.store });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

interface Seen {
  event: 'started' | 'succeeded';
  id: number;
  name: string;
  collection: string;
}

/** The store commands of `a` while `work` runs, in the order the driver reported them. */
async function commandsOf(work: () => Promise<unknown>): Promise<Seen[]> {
  const seen: Seen[] = [];
  const names = new Map<number, { name: string; collection: string }>();
  const client = a.connection.getClient();
  const started = (event: {
    requestId: number;
    commandName: string;
    command: Record<string, unknown>;
  }) => {
    const target = event.command[event.commandName];
    const named = {
      name: event.commandName,
      collection: typeof target === 'string' ? target : '',
    };
    names.set(event.requestId, named);
    seen.push({ event: 'started', id: event.requestId, ...named });
  };
  const succeeded = (event: { requestId: number }) => {
    const named = names.get(event.requestId);
    if (named) seen.push({ event: 'succeeded', id: event.requestId, ...named });
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', succeeded);
  try {
    await work();
  } finally {
    client.off('commandStarted', started);
    client.off('commandSucceeded', succeeded);
  }
  return seen;
}

/** An agent's line in `chat` through `b`, which `a` does not see. */
async function agentSaysThroughB(chat: ChatClient): Promise<void> {
  const sent = await b.request('POST', `/api/conversations/${chat.id}/messages`, {
    text: '客服在此',
  });
  expect(sent.status).toBe(201);
}

const index = (seen: Seen[], event: Seen['event'], name: string, collection: string) =>
  seen.findIndex((s) => s.event === event && s.name === name && s.collection === collection);

describe("a customer's message on its way to an answer", () => {
  it('should store it without reading the conversation first and say the answer without a resend key', async () => {
    const chat = await ChatClient.open(a);
    const seen = await commandsOf(() => chat.say('你好'));
    // The message's insert went out before the conversation's read came back: one round trip.
    const insert = index(seen, 'started', 'insert', 'conversationMessages');
    const read = index(seen, 'succeeded', 'find', 'conversations');
    expect(insert).toBeGreaterThanOrEqual(0);
    expect(read).toBeGreaterThanOrEqual(0);
    expect(insert).toBeLessThan(read);
    expect(index(seen, 'started', 'insert', 'chatInbox')).toBeLessThan(read);
    // No resend key read or written for a message without a sender id, nor for the answer.
    expect(seen.filter((s) => s.collection === 'conversationMessageKeys')).toEqual([]);
    const messages = await chat.messages();
    expect(messages.map((m) => [m.seq, m.from])).toEqual([
      [1, 'bot'],
      [2, 'customer'],
      [3, 'bot'],
    ]);
    // The intent and the numbering hint follow the answer.
    await a.xiaoer.desk.store.idle();
    const stored = await a.xiaoer.models.Conversations.findById(chat.id).lean();
    expect(stored?.lastSeq).toBe(3);
    expect(stored?.intents).toHaveLength(1);
  });

  it('should refuse a message to a conversation the other server closed, storing nothing', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('你好');
    const onB = new ChatClient(b, chat.id, chat.token);
    expect((await onB.call('POST', '/close')).status).toBe(200);
    const before = await chat.messages();
    const refused = await chat.call('POST', '/messages', { text: '还在吗' });
    expect(refused.status).toBe(409);
    expect(await chat.messages()).toEqual(before);
  });

  it('should leave a message to the agent the other server gave the conversation to, and answer again once it is handed back', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('你好');
    // Through b: an agent takes it (said in the conversation), then hands it back (not said).
    await b.xiaoer.desk.assigned(chat.id, 'h-path-1', 'agent-path');
    const forAgent = await chat.say('我要找人工');
    await a.xiaoer.desk.store.idle();
    expect((await chat.messages()).filter((m) => m.seq > forAgent.seq)).toEqual([]);
    expect(await a.xiaoer.models.ChatInbox.countDocuments({ conversationId: chat.id })).toBe(0);
    await b.xiaoer.desk.resolved(chat.id, 'resolved');
    const again = await chat.say('你好');
    const after = (await chat.messages()).filter((m) => m.seq > again.seq);
    expect(after.map((m) => m.from)).toEqual(['bot']);
    // Numbered without a gap or a double through both servers.
    const all = await chat.messages();
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
  });

  it('should find an answer said by the id it carries when recovery is told of its question again', async () => {
    const chat = await ChatClient.open(a);
    const question = await chat.say('zzqx blorp');
    await a.xiaoer.desk.store.idle();
    const { ChatInbox, MessageKeys, Messages } = a.xiaoer.models;
    expect(await MessageKeys.countDocuments({ _id: { $regex: `^${chat.id}\\|` } })).toBe(0);
    // A process that died after answering and before deleting the entry: recovery, in the
    // other server, finds the answer by its sender id and says nothing more.
    await ChatInbox.create({
      _id: `${chat.id}:${question.seq}`,
      conversationId: chat.id,
      receivedAt: new Date(0),
    });
    expect(await b.xiaoer.desk.recover(0)).toBe(1);
    expect(await Messages.countDocuments({ conversationId: chat.id })).toBe(3);
    expect(await ChatInbox.countDocuments({ conversationId: chat.id })).toBe(0);
  });

  it("should leave alone an inbox entry that names a message not the customer's", async () => {
    const chat = await ChatClient.open(a);
    // An entry written beside a message that lost its number to the welcome.
    await a.xiaoer.models.ChatInbox.create({
      _id: `${chat.id}:1`,
      conversationId: chat.id,
      receivedAt: new Date(0),
    });
    expect(await b.xiaoer.desk.recover(0)).toBe(0);
    expect(await chat.messages()).toHaveLength(1);
    expect(await a.xiaoer.models.ChatInbox.countDocuments({ conversationId: chat.id })).toBe(0);
  });

  it('should number a message after one said through the other server, the kept copy behind', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('你好');
    // b says something: a's kept copy is one number behind.
    await agentSaysThroughB(chat);
    const next = await chat.say('你好');
    expect(next.seq).toBe(5);
    const after = (await chat.messages()).filter((m) => m.seq > next.seq);
    expect(after.map((m) => m.from)).toEqual(['bot']);
  });

  it('should hand over after the second miss reading the transcript and the skill groups once each', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('qwzx plorf');
    const seen = await commandsOf(() => chat.say('blarg snoo'));
    const reads = (collection: string) =>
      seen.filter((s) => s.event === 'started' && s.name === 'find' && s.collection === collection);
    expect(reads('conversationMessages')).toHaveLength(1);
    expect(reads('skillGroups')).toHaveLength(1);
    // No group is set up here: the customer is told so.
    const last = (await chat.messages()).at(-1);
    expect(last?.text).toContain('人工客服暂未开通');
  });

  it('should count the misses before a first one from the messages it said itself, reading none', async () => {
    const chat = await ChatClient.open(a);
    const seen = await commandsOf(() => chat.say('qwzx plorf'));
    const reads = seen.filter((s) => s.name === 'find' && s.collection === 'conversationMessages');
    expect(reads).toEqual([]);
    expect((await chat.messages()).at(-1)?.text).toContain('没太明白');
  });

  it('should read the misses when the other server said something in between, and hand over on the second', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('qwzx plorf');
    // b says a line a never sees: a's own record of the conversation has a gap.
    await agentSaysThroughB(chat);
    const seen = await commandsOf(() => chat.say('blarg snoo'));
    expect(
      seen.filter((s) => s.name === 'find' && s.collection === 'conversationMessages').length,
    ).toBeGreaterThan(0);
    expect((await chat.messages()).at(-1)?.text).toContain('人工客服暂未开通');
  });

  it('should look up the article an intent names in the knowledge index, not in the store', async () => {
    const chat = await ChatClient.open(a);
    // Invoices name an article; none is published here, so the bot goes on to its next step.
    const seen = await commandsOf(() => chat.say('可以开发票吗'));
    expect(seen.filter((s) => s.collection === 'knowledgeArticles')).toEqual([]);
    expect((await chat.messages()).at(-1)?.from).toBe('bot');
  });
});

describe("a customer's stream", () => {
  it('should check the token against the kept copy and replay all said, reading no conversation', async () => {
    const chat = await ChatClient.open(a);
    await chat.say('你好');
    // b says a line: a's kept copy is behind; the replay reads past it.
    await agentSaysThroughB(chat);
    const url = `${a.url}/api/chat/conversations/${chat.id}/stream?token=${chat.token}`;
    let replayed: Awaited<ReturnType<typeof readStream>> | undefined;
    const seen = await commandsOf(async () => (replayed = await readStream(url, 4)));
    expect(replayed?.ids).toEqual([1, 2, 3, 4]);
    expect(replayed?.messages.at(-1)?.text).toBe('客服在此');
    expect(seen.filter((s) => s.collection === 'conversations')).toEqual([]);
    const wrong = await fetch(`${a.url}/api/chat/conversations/${chat.id}/stream?token=nope`);
    expect(wrong.status).toBe(403);
  });
});

describe('notes of a conversation', () => {
  it('should go as one update when they wait for notes under way, each kept', async () => {
    const first = await ChatClient.open(a);
    const chat = await ChatClient.open(a);
    const { Conversations } = a.xiaoer.models;
    const statements: number[] = [];
    const bulkWrite = Conversations.bulkWrite.bind(Conversations);
    // Counted on their way to the store, and written as they would be.
    Conversations.bulkWrite = ((operations: never[], options: never) => {
      statements.push(operations.length);
      return bulkWrite(operations, options);
    }) as typeof Conversations.bulkWrite;
    const store = a.xiaoer.desk.store;
    try {
      // The first goes at once; the two after it wait for it and go together.
      await Promise.all([
        store.note(first.id, { intent: { intent: 'greeting', confidence: 0.9 } }),
        store.note(chat.id, { intent: { intent: 'logistics', confidence: 0.8 } }),
        store.note(chat.id, { orderId: 'A10023', intent: { intent: 'invoice', confidence: 0.7 } }),
      ]);
    } finally {
      Conversations.bulkWrite = bulkWrite;
    }
    expect(statements).toEqual([1, 1]);
    const stored = await Conversations.findById(chat.id).lean();
    expect(stored?.orderId).toBe('A10023');
    expect(stored?.intents.map((i) => i.intent)).toEqual(['logistics', 'invoice']);
    expect(store.kept(chat.id)?.intents.map((i) => i.intent)).toEqual(['logistics', 'invoice']);
  });
});
