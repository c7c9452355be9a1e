import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient, readStream } from './chat-client.ts';

/** A journey started from the chat: asks for a confirmation and answers it. */
const confirmJourney: WorkflowDocument = {
  id: 'chat-confirm',
  name: '聊天确认 / Chat confirmation',
  version: 1,
  nodes: [
    {
      id: 'asked',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: 'conversation.message',
        correlationKey: 'conversationId',
        filter: { in: ['发票', { var: 'text' }] },
        data: {
          type: 'object',
          properties: { conversationId: { type: 'string' }, text: { type: 'string' } },
          required: ['conversationId', 'text'],
        },
      },
    },
    {
      id: 'confirm',
      type: 'askCustomer',
      position: { x: 200, y: 0 },
      config: {
        channel: 'chat',
        to: '{{conversationId}}',
        question: { zh: '要开电子发票吗？', en: 'An e-invoice?' },
        options: [
          { id: 'yes', label: { zh: '要', en: 'Yes' }, keywords: ['要', '确认'] },
          { id: 'no', label: { zh: '不要', en: 'No' }, keywords: ['不要', '算了'] },
        ],
        timeout: '1h',
      },
    },
    {
      id: 'done',
      type: 'sendMessage',
      position: { x: 400, y: 0 },
      config: { channel: 'chat', to: '{{conversationId}}', message: { zh: '好的，发票已开出。' } },
    },
    { id: 'end', type: 'end', position: { x: 600, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'asked', sourceHandle: 'next', target: 'confirm' },
    { id: 'e2', source: 'confirm', sourceHandle: 'yes', target: 'done' },
    { id: 'e3', source: 'confirm', sourceHandle: 'no', target: 'end' },
    { id: 'e4', source: 'confirm', sourceHandle: 'timeout', target: 'end' },
    { id: 'e5', source: 'done', sourceHandle: 'sent', target: 'end' },
    { id: 'e6', source: 'done', sourceHandle: 'failed', target: 'end' },
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publish(confirmJourney);
});
afterAll(async () => h?.close());

describe('a chat conversation', () => {
  it('should open with a welcome and keep the customer, numbering messages in order', async () => {
    const chat = await ChatClient.open(h);
    const [welcome] = await chat.messages();
    expect(welcome).toMatchObject({ seq: 1, from: 'bot' });
    expect(welcome?.text).toContain('小二');
    const said = await chat.say('你好呀 👋');
    expect(said).toMatchObject({ seq: 2, from: 'customer', text: '你好呀 👋' });
    const detail = (await (await h.request('GET', `/api/conversations/${chat.id}`)).json()) as {
      conversation: { customer: { tier: string }; tokenHash?: string };
    };
    expect(detail.conversation.customer.tier).toBe('vip');
    expect(detail.conversation.tokenHash).toBeUndefined();
  });

  it('should store a resent message once and not answer it twice', async () => {
    const chat = await ChatClient.open(h);
    const first = await chat.say('在吗', 'm-1');
    const again = await chat.say('在吗', 'm-1');
    expect(again.seq).toBe(first.seq);
    await chat.waitFor((m) => m.from === 'bot' && m.seq > first.seq);
    const customerLines = (await chat.messages()).filter((m) => m.from === 'customer');
    expect(customerLines).toHaveLength(1);
  });

  it("should run a journey in the chat: its question, the customer's answer, its reply", async () => {
    const chat = await ChatClient.open(h);
    await chat.say('我要开发票');
    const question = await chat.waitFor((m) => m.text.includes('要开电子发票吗'));
    expect(question.options?.map((o) => o.id)).toEqual(['yes', 'no']);
    await chat.say('确认');
    await chat.waitFor((m) => m.text === '好的，发票已开出。');
    // The journey answered: the bot did not also say it did not understand.
    const bot = (await chat.messages()).filter((m) => m.from === 'bot');
    expect(bot.map((m) => m.text).join('\n')).not.toContain('没太明白');
  });

  it('should say when it does not understand, then say no person is set up', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('qwzx plorf');
    await chat.waitFor((m) => m.text.includes('没太明白'));
    await chat.say('blarg snoo');
    await chat.waitFor((m) => m.text.includes('人工客服暂未开通'));
  });

  it('should answer, once, a message a process took and died before answering', async () => {
    const chat = await ChatClient.open(h);
    const desk = h.xiaoer.desk;
    // What a dead process left: the message stored and noted as taken, no answer.
    const { message } = await desk.store.appendOnce(chat.id, {
      from: 'customer',
      text: 'zzqx blorp',
    });
    await desk.store.pending(message);
    expect(await chat.messages()).toHaveLength(2);
    expect(await desk.recover(0)).toBe(1);
    await chat.waitFor((m) => m.from === 'bot' && m.seq > message.seq);
    // Told twice (two processes sweeping): answered already, so left alone.
    await desk.store.pending(message);
    expect(await desk.recover(0)).toBe(1);
    const answers = (await chat.messages()).filter((m) => m.seq > message.seq);
    expect(answers).toHaveLength(1);
    expect(await desk.recover(0)).toBe(0);
  });

  it('should stream a conversation to the desk with a console login, and to no one without', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('给客服看的', 'desk-1');
    const url = `${h.url}/api/conversations/${chat.id}/stream`;
    const said = await chat.messages();
    const desk = await readStream(url, said.length, { authorization: `Bearer ${h.token}` });
    expect(desk.ids).toEqual(said.map((m) => m.seq));
    expect(desk.messages[1]).toMatchObject({ from: 'customer', text: '给客服看的' });
    // Resumed after the newest line: the next one is the customer's next message.
    const last = said.at(-1)?.seq ?? 0;
    const resumed = readStream(url, 1, {
      authorization: `Bearer ${h.token}`,
      'last-event-id': String(last),
    });
    await chat.say('又一句', 'desk-2');
    const next = await resumed;
    expect(next.ids[0]).toBe(last + 1);
    expect(next.messages[0]).toMatchObject({ from: 'customer', text: '又一句' });
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(`${h.url}/api/conversations/c-nobody/stream`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('should stream new messages as events and resume after the last one seen', async () => {
    const chat = await ChatClient.open(h);
    const url = `${h.url}/api/chat/conversations/${chat.id}/stream?token=${chat.token}`;
    const streams = h.xiaoer.desk.hub.openStreams;
    const live = readStream(url, 3);
    await expect.poll(() => h.xiaoer.desk.hub.openStreams).toBe(streams + 1);
    await chat.say('第一条', 's-1');
    const first = await live;
    expect(first.ids).toEqual([1, 2, 3]);
    expect(first.messages[1]).toMatchObject({ from: 'customer', text: '第一条' });
    // Reconnecting with Last-Event-ID gets only what came after it.
    await chat.say('第二条', 's-2');
    const resumed = await readStream(url, 1, { 'last-event-id': '3' });
    expect(resumed.ids[0]).toBe(4);
    expect(resumed.messages[0]?.text).toBe('第二条');
  });
});

describe('bad chat input', () => {
  it('should refuse a wrong token, an unknown conversation, and empty or long messages', async () => {
    const chat = await ChatClient.open(h);
    expect((await chat.call('GET', '/messages', undefined, 'nope')).status).toBe(403);
    expect((await chat.call('GET', '/messages', undefined, '')).status).toBe(403);
    const unknown = await fetch(`${h.url}/api/chat/conversations/c-nope/messages`, {
      headers: { 'x-chat-token': chat.token },
    });
    expect(unknown.status).toBe(404);
    const empty = await chat.call('POST', '/messages', { text: '   ' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('empty-message');
    expect((await chat.call('POST', '/messages', { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await chat.call('POST', '/messages', { text: 42 })).status).toBe(400);
    const malformed = await fetch(`${h.url}/api/chat/conversations/${chat.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chat-token': chat.token },
      body: '{"text": ',
    });
    expect(malformed.status).toBe(400);
    expect((await chat.messages()).filter((m) => m.from === 'customer')).toEqual([]);
  });

  it('should take an emoji-only message and answer it', async () => {
    const chat = await ChatClient.open(h);
    const said = await chat.say('😀👍🎉');
    expect(said.text).toBe('😀👍🎉');
    await chat.waitFor((m) => m.from === 'bot' && m.seq > said.seq);
  });

  it('should keep script in a message as text', async () => {
    const chat = await ChatClient.open(h);
    const text = '<script>alert(1)</script>{{order.secret}}';
    expect((await chat.say(text)).text).toBe(text);
    expect((await chat.messages()).find((m) => m.from === 'customer')?.text).toBe(text);
  });

  it('should refuse messages after the conversation closed, keeping what was said', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('谢谢');
    expect((await chat.call('POST', '/close')).status).toBe(200);
    const late = await chat.call('POST', '/messages', { text: '还有一个问题' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe(
      'conversation-closed',
    );
    const texts = (await chat.messages()).map((m) => m.text);
    expect(texts).toContain('谢谢');
    expect(texts).not.toContain('还有一个问题');
  });

  it('should refuse a conversation for a malformed customer', async () => {
    for (const customer of [{}, { id: 'a b' }, { id: 'x', tier: 'gold' }, { id: 'x', extra: 1 }]) {
      const response = await fetch(`${h.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer }),
      });
      expect(response.status).toBe(400);
    }
  });
});
