import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { ChatClient } from './chat-client.ts';

/**
 * Issue 17: a chat message that no published journey could take (none starts on or waits for
 * its type while correlating on something in it) is answered without being recorded as journey
 * events: no inbox entry, no event record.
 */
let h: Harness;

/** Correlates on the conversation, as chat journeys do, but only ever takes handoff events. */
const afterHandoff: WorkflowDocument = {
  id: 'after-handoff',
  name: '转人工之后 / After a handoff',
  version: 1,
  nodes: [
    {
      id: 'resolved',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: 'handoff.resolved',
        correlationKey: 'conversationId',
        data: {
          type: 'object',
          properties: { conversationId: { type: 'string' } },
          required: ['conversationId'],
        },
      },
    },
    {
      id: 'waitAbandoned',
      type: 'waitForEvent',
      position: { x: 200, y: 0 },
      config: { event: 'handoff.abandoned' },
    },
    {
      id: 'note',
      type: 'setData',
      position: { x: 400, y: 0 },
      config: { assignments: [{ variable: 'abandoned', value: true }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'resolved', sourceHandle: 'next', target: 'waitAbandoned' },
    { id: 'e2', source: 'waitAbandoned', sourceHandle: 'received', target: 'note' },
    { id: 'e3', source: 'note', sourceHandle: 'next', target: 'waitAbandoned' },
  ],
};

beforeAll(async () => {
  h = await startHarness();
  // Neither takes a customer's message: counter correlates on counterId, which chat events
  // never carry; after-handoff correlates on the conversation but takes only handoff events.
  await h.publish(counterWorkflow, afterHandoff);
});
afterAll(async () => h?.close());

describe('a chat with no journey listening', () => {
  it('should answer the customer and record no journey events', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('qwzx plorf');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
    const { Events, Inbox } = h.xiaoer.models;
    expect(await Events.countDocuments({ source: 'chat' })).toBe(0);
    expect(await Inbox.countDocuments()).toBe(0);
  });

  it('should note every intent and order and number every answer, messages arriving at once', async () => {
    const chats = await Promise.all(Array.from({ length: 4 }, () => ChatClient.open(h)));
    // Two messages at once in each of four conversations: eight answers under way together.
    await Promise.all(
      chats.flatMap((chat, i) => [
        chat.say(`我的快递到哪了 订单号 A2000${i}`),
        chat.say(`可以开发票吗 订单号 A2000${i}`),
      ]),
    );
    // The notes and numbering hints follow the answers without being waited for.
    await h.xiaoer.desk.store.idle();
    for (const [i, chat] of chats.entries()) {
      const conversation = await h.xiaoer.desk.store.get(chat.id);
      const messages = await chat.messages();
      // The welcome, two questions, two answers; the hint is the newest number.
      expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(messages.filter((m) => m.from === 'bot')).toHaveLength(3);
      expect(conversation?.lastSeq).toBe(5);
      expect(conversation?.intents).toHaveLength(2);
      expect(conversation?.orderId).toBe(`A2000${i}`);
    }
  });
});
