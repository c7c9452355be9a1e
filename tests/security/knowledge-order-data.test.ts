import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';

/**
 * A knowledge-base answer may fill in the order the customer names (`{{order.trackingUrl}}`):
 * only for the order's verified owner. Anyone can type an order number into a chat; before,
 * the answer carried that order's tracking link, status or address to whoever asked.
 * No journey is published, so the knowledge base answers the questions itself.
 */
let h: Harness;
const ORDER = 'A31001';

beforeAll(async () => {
  h = await startHarness();
  const created = await h.request('POST', '/api/knowledge/articles', {
    id: 'parcel-link',
    questions: ['我的包裹物流链接在哪里看'],
    answer: {
      zh: '订单 {{orderId}}（{{order.id}}）的物流链接：{{order.trackingUrl}}，状态：{{order.status}}。',
    },
  });
  expect(created.status).toBe(201);
  await h.shop.createOrder({ orderId: ORDER });
  await h.shop.advance(ORDER, 'shipped');
});
afterAll(async () => h?.close());

const ask = async (chat: ChatClient) => {
  await chat.say(`我的包裹物流链接在哪里看 订单号 ${ORDER}`);
  return (await chat.waitFor((m) => m.from === 'bot' && m.text.includes('物流链接'))).text;
};

describe("a knowledge answer about someone else's order", () => {
  const strangers = [
    {
      who: 'an anonymous visitor claiming the owner id',
      open: () =>
        ChatClient.open(h, { id: DEMO_CUSTOMER_ID, tier: 'vip' }, undefined, { anonymous: true }),
    },
    { who: 'another signed customer', open: () => ChatClient.open(h, { id: 'mallory' }) },
  ];

  for (const stranger of strangers)
    it(`should not carry the order's details (${stranger.who})`, async () => {
      const order = h.shop.orders.get(ORDER);
      const text = await ask(await stranger.open());
      expect(text).not.toContain(order?.trackingUrl);
      expect(text).not.toContain('shipped');
    });

  it('should carry them for the verified owner', async () => {
    const order = h.shop.orders.get(ORDER);
    const text = await ask(await ChatClient.open(h));
    expect(text).toContain(order?.trackingUrl);
    expect(text).toContain('shipped');
    // `{{order.id}}` is the order's number, as the shipped order-status article writes it
    // (the demo shop's orders call it `orderId`).
    expect(text).toContain(`（${ORDER}）`);
  });
});
