import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { seedKnowledge } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { GIFT_CARD_EXAMPLES } from '../intents/gift-card-intent.ts';
import { ChatClient } from './chat-client.ts';

/**
 * Issue 20: every shipped intent does something sensible in the chat — the newer ones too
 * (refund status, delivery time, logistics problems, abuse) — and an operator's own intent
 * does what the operator chose.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedKnowledge(h.xiaoer.knowledge, 'test');
  await h.xiaoer.knowledge.refresh();
  for (const [id, intents] of [
    ['front-desk', ['human']],
    ['gift-desk', []],
  ] as const) {
    const saved = await h.request('PUT', `/api/skill-groups/${id}`, {
      title: { zh: `组 ${id}`, en: `Group ${id}` },
      intents,
    });
    expect(saved.status).toBe(200);
  }
});
afterAll(async () => h?.close());

/** The conversation's handoff: its group, priority and the intent it was recognised with. */
const handoffOf = async (conversationId: string) => {
  const handoff = await h.xiaoer.models.Handoffs.findOne({ conversationId }).lean();
  if (!handoff) return null;
  const { intents } = (await h.xiaoer.desk.store.get(conversationId)) ?? { intents: [] };
  return { group: handoff.group, priority: handoff.priority, intent: intents.at(-1)?.intent };
};

describe('what the chat does with each intent', () => {
  it('should answer refund status and delivery time from their articles', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('我的退款到账了吗 怎么还没收到');
    const refund = await chat.waitFor((m) => m.from === 'bot' && m.seq > 1);
    expect(refund.text).toMatch(/退款|到账/);
    const later = await ChatClient.open(h);
    await later.say('下单后几天能送到');
    const delivery = await later.waitFor((m) => m.from === 'bot' && m.seq > 1);
    expect(delivery.text).toMatch(/天|小时/);
    for (const c of [chat, later])
      expect((await c.messages()).some((m) => m.text.includes('没太明白'))).toBe(false);
  });

  it('should hand a lost parcel and abuse to a person ahead of the queue', async () => {
    for (const [text, intent] of [
      ['快递丢了 一直没收到', 'logisticsProblem'],
      ['蠢货 滚远点', 'abuse'],
    ] as const) {
      const chat = await ChatClient.open(h);
      await chat.say(text);
      await chat.waitFor((m) => m.from === 'bot' && m.seq > 1 && !m.text.includes('没太明白'));
      const handoff = await handoffOf(chat.id);
      expect(handoff).toMatchObject({ intent, group: 'front-desk', priority: 2 });
    }
  });

  it('should greet and thank back without counting a miss or calling a person', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('你好呀');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('有什么可以帮您'), 15_000);
    await chat.say('谢谢你');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('不客气'));
    expect(await handoffOf(chat.id)).toBeNull();
    expect((await chat.messages()).some((m) => m.text.includes('没太明白'))).toBe(false);
  });

  // Saving an intent retrains the model (four members, seconds of CPU): on a loaded machine
  // that alone can take most of the usual 30 s.
  it('should do what an operator chose for their own intent', { timeout: 60_000 }, async () => {
    const created = await h.request('POST', '/api/intents', {
      id: 'giftCard',
      title: { zh: '礼品卡', en: 'Gift card' },
      examples: GIFT_CARD_EXAMPLES,
      action: { kind: 'handoff', group: 'gift-desk', priority: 4 },
    });
    expect(created.status).toBe(201);
    const chat = await ChatClient.open(h);
    await chat.say('礼品卡余额还有多少');
    await chat.waitFor((m) => m.from === 'bot' && m.seq > 1);
    expect(await handoffOf(chat.id)).toMatchObject({
      intent: 'giftCard',
      group: 'gift-desk',
      priority: 4,
    });
  });

  it(
    'should start the journey an operator chose, and refuse one that does not listen',
    { timeout: 60_000 },
    async () => {
      const journey = {
        id: 'bulk-order-chat',
        name: '批量采购 / Bulk orders',
        version: 1,
        nodes: [
          {
            id: 'asked',
            type: 'trigger',
            position: { x: 0, y: 0 },
            config: {
              event: 'conversation.message',
              correlationKey: 'conversationId',
              filter: { in: [{ var: 'intent' }, ['bulkOrder']] },
              data: {
                type: 'object',
                properties: { conversationId: { type: 'string' }, intent: { type: 'string' } },
              },
            },
          },
          {
            id: 'tell',
            type: 'sendMessage',
            position: { x: 200, y: 0 },
            config: {
              channel: 'chat',
              to: '{{conversationId}}',
              message: {
                zh: '批量采购请留下联系方式，专人2小时内联系您。',
                en: 'Leave a contact.',
              },
            },
          },
          { id: 'done', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
        ],
        edges: [
          { id: 'e1', source: 'asked', sourceHandle: 'next', target: 'tell' },
          { id: 'e2', source: 'tell', sourceHandle: 'sent', target: 'done' },
          { id: 'e3', source: 'tell', sourceHandle: 'failed', target: 'done' },
        ],
      } as unknown as WorkflowDocument;
      await h.publish(journey);
      const intent = {
        id: 'bulkOrder',
        title: { zh: '批量采购', en: 'Bulk order' },
        examples: {
          zh: ['我想批量采购', '大量订购有优惠吗', '公司团购一百件怎么买', '批发价多少'],
          en: ['bulk order please', 'wholesale price for 100 pieces', 'corporate bulk purchase'],
        },
        action: { kind: 'journey', workflowId: 'bulk-order-chat' },
      };
      const refused = await h.request('POST', '/api/intents', { ...intent, id: 'bulkBuy' });
      expect(refused.status).toBe(422);
      expect((await h.request('POST', '/api/intents', intent)).status).toBe(201);
      const chat = await ChatClient.open(h);
      await chat.say('我们公司想批量采购两百件');
      await chat.waitFor((m) => m.from === 'bot' && m.text.includes('专人2小时内联系您'));
    },
  );
});
