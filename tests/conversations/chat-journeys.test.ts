import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from './chat-client.ts';

/**
 * The shipped chat journeys through the real server, store and demo order system: every path
 * but the ten- and thirty-minute "no reply" timeouts (those are timers like any other).
 */
let h: Harness;
let agentToken: string;

const shipped = async (id: string) =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${id}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

interface Detail {
  conversation: { status: string; handoffId?: string; agentId?: string; orderId?: string };
}
const detail = async (chat: ChatClient) =>
  (await (await h.request('GET', `/api/conversations/${chat.id}`)).json()) as Detail;

/** The journey instance of a conversation, once it ended. */
async function journeyEnd(workflow: string, chat: ChatClient): Promise<string> {
  return vi.waitFor(
    async () => {
      const instance = (await (
        await h.request('GET', `/api/instances/${workflow}:${chat.id}:1`)
      ).json()) as { node: string; status: string };
      if (instance.status === 'active') throw new Error(`still at ${instance.node}`);
      return instance.node;
    },
    { timeout: 15_000, interval: 100 },
  );
}

/** The agent resolves the conversation handed to them. */
async function resolveByAgent(chat: ChatClient): Promise<void> {
  const resolved = await h.request('POST', `/api/conversations/${chat.id}/resolve`, {}, agentToken);
  expect(resolved.status, await resolved.clone().text()).toBe(200);
}

beforeAll(async () => {
  h = await startHarness();
  await h.publish(
    await shipped('where-is-my-parcel'),
    await shipped('refund-by-chat'),
    await shipped('refund'),
    await shipped('address-change-by-chat'),
  );
  await seedDemoRouting(h.xiaoer, {});
  agentToken = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
  const online = await h.request('POST', '/api/agents/me/status', { status: 'online' }, agentToken);
  expect(online.status).toBe(200);
});
afterAll(async () => h?.close());

describe('where is my parcel', () => {
  it('should answer "我的快递到哪了 订单号 A10023" with the carrier and tracking link', async () => {
    await h.shop.createOrder({ orderId: 'A10023' });
    const order = await h.shop.advance('A10023', 'shipped');
    const chat = await ChatClient.open(h);
    await chat.say('我的快递到哪了 订单号 A10023');
    const answer = await chat.waitFor((m) => m.text.includes('运单号'));
    expect(answer.text).toContain('顺丰');
    expect(answer.text).toContain(order.trackingNumber!);
    expect(answer.text).toContain(order.trackingUrl!);
    expect(await journeyEnd('where-is-my-parcel', chat)).toBe('answered');
    expect((await detail(chat)).conversation.orderId).toBe('A10023');
  });

  it('should say an order has not shipped yet', async () => {
    await h.shop.createOrder({ orderId: 'A10024' });
    const chat = await ChatClient.open(h, undefined, 'A10024');
    await chat.say('where is my parcel?');
    await chat.waitFor((m) => m.text.includes('还未发货'));
    expect(await journeyEnd('where-is-my-parcel', chat)).toBe('answered');
  });

  it('should ask for the order number and take it from the reply', async () => {
    await h.shop.createOrder({ orderId: 'A10025' });
    await h.shop.advance('A10025', 'shipped');
    const chat = await ChatClient.open(h);
    await chat.say('快递怎么还没到啊');
    await chat.waitFor((m) => m.text.includes('请告诉我您的订单号'));
    await chat.say('是 A10025');
    await chat.waitFor((m) => m.text.includes('A10025') && m.text.includes('运单号'));
  });

  it('should say it got no order number, not name an empty one, when the reply has none', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('快递怎么还没到啊');
    await chat.waitFor((m) => m.text.includes('请告诉我您的订单号'));
    await chat.say('不记得了');
    await chat.waitFor((m) => m.text.includes('您的回复里没有订单号'));
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('小王 Wang'));
    expect((await chat.messages()).map((m) => m.text).join('\n')).not.toContain('没有找到订单');
    await resolveByAgent(chat);
    expect(await journeyEnd('where-is-my-parcel', chat)).toBe('byAgent');
  });

  it('should hand an unknown order to the logistics group with the context, and end when resolved', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('我的快递到哪了 订单号 Z99999');
    await chat.waitFor((m) => m.text.includes('没有找到订单 Z99999'));
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('小王 Wang'));
    const inbox = (await (
      await h.request('GET', '/api/agents/me/inbox', undefined, agentToken)
    ).json()) as {
      handoffs: { conversationId: string; group: string; context: Record<string, unknown> }[];
    };
    const handoff = inbox.handoffs.find((x) => x.conversationId === chat.id);
    expect(handoff?.group).toBe('logistics');
    expect(handoff?.context).toMatchObject({
      reason: 'journey',
      journey: { instanceId: `where-is-my-parcel:${chat.id}:1`, nodeId: 'handoff' },
    });
    await resolveByAgent(chat);
    expect(await journeyEnd('where-is-my-parcel', chat)).toBe('byAgent');
    expect((await detail(chat)).conversation.status).toBe('open');
  });

  it('should move the journey on when the agent closes the conversation instead of resolving it', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('我的快递到哪了 订单号 Z99998');
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('小王 Wang'));
    const closed = await h.request('POST', `/api/conversations/${chat.id}/close`, {}, agentToken);
    expect(closed.status, await closed.clone().text()).toBe(200);
    // The handoff ended unresolved: the journey took its "abandoned" way (to the same end).
    expect(await journeyEnd('where-is-my-parcel', chat)).toBe('byAgent');
    expect((await detail(chat)).conversation.status).toBe('closed');
  });
});

describe('refund request by chat', () => {
  it('should file a refund request that the refund journey approves by its rules', async () => {
    await h.shop.createOrder({ orderId: 'R20001', total: 59 });
    const before = h.shop.executions('refund');
    const chat = await ChatClient.open(h, undefined, 'R20001');
    await chat.say('我要退款');
    const reason = await chat.waitFor((m) => m.text.includes('退款的原因'));
    expect(reason.options?.map((o) => o.id)).toContain('damaged');
    await chat.say('商品损坏');
    const question = await chat.waitFor((m) => m.text.includes('确认为订单 R20001 申请退款 ¥59'));
    expect(question.options?.map((o) => o.id)).toEqual(['yes', 'no']);
    await chat.say('确认退款');
    await chat.waitFor((m) => m.text.includes('已为订单 R20001 提交退款申请'));
    expect(await journeyEnd('refund-by-chat', chat)).toBe('done');
    // ¥59 for a damaged item is within the refund journey's automatic rule.
    await expect.poll(() => h.shop.executions('refund')).toBe(before + 1);
    expect(h.shop.orders.get('R20001')?.refunds).toEqual([
      { refundId: `chat-${chat.id}`, amount: 59 },
    ]);
  });

  it('should leave a larger refund to a reviewer instead of refunding it at once', async () => {
    await h.shop.createOrder({ orderId: 'R20004', total: 1999 });
    const chat = await ChatClient.open(h, undefined, 'R20004');
    await chat.say('我要退款');
    await chat.waitFor((m) => m.text.includes('退款的原因'));
    await chat.say('不想要了');
    await chat.waitFor((m) => m.text.includes('¥1999'));
    await chat.say('确认');
    await chat.waitFor((m) => m.text.includes('提交退款申请'));
    const refund = await vi.waitFor(
      async () => {
        const response = await h.request('GET', `/api/instances/refund:chat-${chat.id}:1`);
        if (response.status !== 200) throw new Error('not started yet');
        return (await response.json()) as { node: string; data: Record<string, unknown> };
      },
      { timeout: 15_000, interval: 100 },
    );
    await expect
      .poll(
        async () =>
          (
            (await (await h.request('GET', `/api/instances/refund:chat-${chat.id}:1`)).json()) as {
              node: string;
            }
          ).node,
      )
      .toBe('waitReview');
    expect(refund.data).toMatchObject({ amount: 1999, reason: 'changed_mind', orderId: 'R20004' });
    expect(h.shop.orders.get('R20004')?.refunds).toHaveLength(0);
  });

  it('should not refund when the customer says no', async () => {
    await h.shop.createOrder({ orderId: 'R20002' });
    const chat = await ChatClient.open(h, undefined, 'R20002');
    await chat.say('I want a refund');
    await chat.waitFor((m) => m.text.includes('退款的原因'));
    await chat.say('其他原因');
    await chat.waitFor((m) => m.text.includes('R20002'));
    await chat.say('算了');
    await chat.waitFor((m) => m.text.includes('不退款'));
    expect(h.shop.orders.get('R20002')?.refunds).toHaveLength(0);
    expect(await journeyEnd('refund-by-chat', chat)).toBe('done');
  });

  it('should hear a negated yes (「不好」) as a no, refunding nothing', async () => {
    await h.shop.createOrder({ orderId: 'R20005', total: 30 });
    const chat = await ChatClient.open(h, undefined, 'R20005');
    await chat.say('我要退款');
    await chat.waitFor((m) => m.text.includes('退款的原因'));
    await chat.say('发错货了');
    await chat.waitFor((m) => m.text.includes('确认为订单 R20005 申请退款'));
    await chat.say('不好');
    await chat.waitFor((m) => m.text.includes('不退款'));
    expect(h.shop.orders.get('R20005')?.refunds).toHaveLength(0);
    expect(await journeyEnd('refund-by-chat', chat)).toBe('done');
  });

  it('should hand an order it cannot find to after-sales', async () => {
    const chat = await ChatClient.open(h, undefined, 'R29999');
    await chat.say('我要退款');
    await chat.waitFor((m) => m.text.includes('转接售后'));
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    const handoffs = (await (
      await h.request('GET', '/api/agents/me/inbox', undefined, agentToken)
    ).json()) as {
      handoffs: { conversationId: string; group: string }[];
    };
    expect(handoffs.handoffs.find((x) => x.conversationId === chat.id)?.group).toBe('after-sales');
    await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      { outcome: 'abandoned' },
      agentToken,
    );
    expect(await journeyEnd('refund-by-chat', chat)).toBe('byAgent');
  });
});

describe('address change by chat', () => {
  it('should change the address after the customer confirms it', async () => {
    await h.shop.createOrder({ orderId: 'C30001' });
    const chat = await ChatClient.open(h, undefined, 'C30001');
    await chat.say('我想改一下收货地址');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    await chat.say('上海市浦东新区世纪大道 100 号');
    await chat.waitFor((m) => m.text.includes('确认吗'));
    await chat.say('确认');
    await chat.waitFor((m) => m.text.startsWith('已修改'));
    expect(h.shop.orders.get('C30001')?.address).toBe('上海市浦东新区世纪大道 100 号');
    expect(await journeyEnd('address-change-by-chat', chat)).toBe('done');
  });

  it('should keep the address when the customer changes their mind', async () => {
    await h.shop.createOrder({ orderId: 'C30002' });
    const address = h.shop.orders.get('C30002')?.address;
    const chat = await ChatClient.open(h, undefined, 'C30002');
    await chat.say('收货地址填错了 要改');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    await chat.say('北京市朝阳区 1 号');
    await chat.waitFor((m) => m.text.includes('确认吗'));
    await chat.say('不改了');
    await chat.waitFor((m) => m.text.includes('地址保持不变'));
    expect(h.shop.orders.get('C30002')?.address).toBe(address);
  });

  it('should keep the address when the customer answers 「不是」', async () => {
    await h.shop.createOrder({ orderId: 'C30004' });
    const address = h.shop.orders.get('C30004')?.address;
    const chat = await ChatClient.open(h, undefined, 'C30004');
    await chat.say('我想改一下收货地址');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    await chat.say('杭州市西湖区 9 号');
    await chat.waitFor((m) => m.text.includes('确认吗'));
    await chat.say('不是');
    await chat.waitFor((m) => m.text.includes('地址保持不变'));
    expect(h.shop.orders.get('C30004')?.address).toBe(address);
  });

  it('should hand over a delivered order whose address cannot change', async () => {
    await h.shop.createOrder({ orderId: 'C30003' });
    await h.shop.advance('C30003', 'delivered');
    const chat = await ChatClient.open(h, undefined, 'C30003');
    await chat.say('我想改一下收货地址');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    await chat.say('广州市天河区 8 号');
    await chat.waitFor((m) => m.text.includes('确认吗'));
    await chat.say('确认');
    await chat.waitFor((m) => m.text.includes('改不了'));
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    const resolved = await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      {},
      agentToken,
    );
    expect(resolved.status).toBe(200);
    expect(await journeyEnd('address-change-by-chat', chat)).toBe('byAgent');
  });
});

describe('asking for a person', () => {
  it('should bring "转人工" to an online agent with the whole context, and the answer back', async () => {
    await h.shop.createOrder({ orderId: 'H40001' });
    const chat = await ChatClient.open(h, undefined, 'H40001');
    await chat.say('转人工');
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    const inbox = (await (
      await h.request('GET', '/api/agents/me/inbox', undefined, agentToken)
    ).json()) as {
      handoffs: { conversationId: string; context: Record<string, unknown> }[];
    };
    const context = inbox.handoffs.find((x) => x.conversationId === chat.id)?.context;
    expect(context).toMatchObject({
      reason: 'asked',
      orderId: 'H40001',
      order: { orderId: 'H40001' },
    });
    expect((context?.['transcript'] as { text: string }[]).map((m) => m.text)).toContain('转人工');
    expect(context?.['intents']).toEqual([expect.objectContaining({ intent: 'human' })]);
    const reply = await h.request(
      'POST',
      `/api/conversations/${chat.id}/messages`,
      { text: '您好，请问有什么可以帮您？' },
      agentToken,
    );
    expect(reply.status).toBe(201);
    await chat.waitFor((m) => m.from === 'agent');
    // While an agent has it, the bot keeps quiet.
    await chat.say('我的快递坏了');
    const bot = (await chat.messages()).filter((m) => m.from === 'bot');
    // Whatever the message set going (events, journey steps) has finished.
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    expect((await chat.messages()).filter((m) => m.from === 'bot')).toHaveLength(bot.length);
    const resolved = await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      {
        article: {
          question: '快递破损怎么办',
          answer: '请拍照上传破损照片，我们会为您补发或退款。',
        },
      },
      agentToken,
    );
    const { proposedArticle } = (await resolved.json()) as { proposedArticle: string };
    const draft = (await (
      await h.request('GET', `/api/knowledge/articles/${proposedArticle}`)
    ).json()) as {
      status: string;
      questions: string[];
    };
    expect(draft).toMatchObject({ status: 'draft', questions: ['快递破损怎么办'] });
    expect((await detail(chat)).conversation.status).toBe('open');
  });
});

describe('knowledge base answers in the chat', () => {
  it('should answer from an article, and the next identical question from its edit', async () => {
    const created = await h.request('POST', '/api/knowledge/articles', {
      id: 'gift-wrap',
      questions: ['可以礼品包装吗', '能不能帮我包装成礼物'],
      answer: { zh: '可以，下单时勾选“礼品包装”即可，免费。' },
    });
    expect(created.status).toBe(201);
    const first = await ChatClient.open(h);
    await first.say('可以礼品包装吗');
    await first.waitFor((m) => m.text.includes('免费'));
    const article = (await created.json()) as { revision: number };
    const edited = await h.request('PUT', '/api/knowledge/articles/gift-wrap', {
      questions: ['可以礼品包装吗', '能不能帮我包装成礼物'],
      answer: { zh: '可以，礼品包装每单 5 元，下单时勾选即可。' },
      revision: article.revision,
    });
    expect(edited.status).toBe(200);
    const second = await ChatClient.open(h);
    await second.say('可以礼品包装吗');
    await second.waitFor((m) => m.text.includes('每单 5 元'));
  });
});
