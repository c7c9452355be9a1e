import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';

/**
 * Issue 18, critical: a chat visitor acts only on orders that are theirs. Through the real
 * server, store and demo shop, with the shipped chat journeys: each attacker row must end with
 * the journey refusing, no order detail in the transcript, and the shop unchanged.
 */
let h: Harness;

const shipped = async (id: string) =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${id}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

async function journeyEnd(workflow: string, chat: ChatClient): Promise<string> {
  return vi.waitFor(
    async () => {
      const response = await h.request('GET', `/api/instances/${workflow}:${chat.id}:1`);
      const instance = (await response.json()) as { node: string; status: string };
      if (instance.status === 'active') throw new Error(`still at ${instance.node}`);
      return instance.node;
    },
    { timeout: 15_000, interval: 100 },
  );
}

const anonymous = () =>
  ChatClient.open(h, { id: DEMO_CUSTOMER_ID, tier: 'vip', language: 'zh' }, undefined, {
    anonymous: true,
  });
const signedAs = (id: string) => ChatClient.open(h, { id, tier: 'normal', language: 'zh' });

beforeAll(async () => {
  h = await startHarness();
  await h.publish(
    await shipped('where-is-my-parcel'),
    await shipped('refund-by-chat'),
    await shipped('refund'),
    await shipped('address-change-by-chat'),
  );
});
afterAll(async () => h?.close());

describe('a chat visitor who does not own the order', () => {
  const attackers = [
    { who: 'an anonymous visitor claiming the owner id', open: anonymous },
    { who: 'another signed customer', open: () => signedAs('mallory') },
  ];

  for (const [index, attacker] of attackers.entries()) {
    it(`should not learn the tracking number (${attacker.who})`, async () => {
      const orderId = `A2100${index}`;
      await h.shop.createOrder({ orderId });
      const order = await h.shop.advance(orderId, 'shipped');
      const chat = await attacker.open();
      await chat.say(`我的快递到哪了 订单号 ${orderId}`);
      await chat.waitFor((m) => m.text.includes('手机号的后四位'));
      await chat.say('0000');
      await chat.waitFor((m) => m.text.includes('无法确认您是这个订单的下单人'));
      expect(await journeyEnd('where-is-my-parcel', chat)).toBe('unverified');
      const said = (await chat.messages()).map((m) => m.text).join('\n');
      expect(said).not.toContain(order.trackingNumber);
      expect(said).not.toContain(order.customer.phone);
    });

    it(`should not refund (${attacker.who})`, async () => {
      const orderId = `A2200${index}`;
      await h.shop.createOrder({ orderId, total: 59 });
      const before = h.shop.executions('refund');
      const chat = await attacker.open();
      await chat.say(`我要退款 订单号 ${orderId}`);
      await chat.waitFor((m) => m.text.includes('手机号的后四位'));
      await chat.say('1234');
      await chat.waitFor((m) => m.text.includes('无法确认'));
      expect(await journeyEnd('refund-by-chat', chat)).toBe('unverified');
      expect(h.shop.executions('refund')).toBe(before);
      expect(h.shop.orders.get(orderId)?.refunds).toEqual([]);
      const refund = await h.request('GET', `/api/instances/refund:chat-${chat.id}:1`);
      expect(refund.status).toBe(404);
    });

    it(`should neither show nor change the address (${attacker.who})`, async () => {
      const orderId = `A2300${index}`;
      const order = await h.shop.createOrder({ orderId });
      const chat = await attacker.open();
      await chat.say(`我想改一下收货地址 订单号 ${orderId}`);
      await chat.waitFor((m) => m.text.includes('手机号的后四位'));
      await chat.say('我不知道');
      await chat.waitFor((m) => m.text.includes('无法确认'));
      expect(await journeyEnd('address-change-by-chat', chat)).toBe('unverified');
      expect(h.shop.orders.get(orderId)?.address).toBe(order.address);
      expect((await chat.messages()).map((m) => m.text).join('\n')).not.toContain(order.address);
    });
  }

  it('should not let a visitor claim a VIP tier without the shop signing it', async () => {
    const response = await fetch(`${h.url}/api/chat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { id: 'walk-in', tier: 'svip' } }),
    });
    expect(response.status).toBe(201);
    const { customer } = (await response.json()) as { customer: Record<string, unknown> };
    expect(customer).toMatchObject({ id: 'walk-in', tier: 'normal', verified: false });
  });
});

describe('a way to verify', () => {
  it('should answer an anonymous visitor who gives the last four digits of the order phone', async () => {
    const orderId = 'A24001';
    await h.shop.createOrder({ orderId, customer: { phone: '13912345678' } });
    const order = await h.shop.advance(orderId, 'shipped');
    const chat = await anonymous();
    await chat.say(`where is my parcel, order ${orderId}`);
    await chat.waitFor((m) => m.text.includes('手机号的后四位'));
    await chat.say('5678');
    const answer = await chat.waitFor((m) => m.text.includes('运单号'));
    expect(answer.text).toContain(order.trackingNumber);
  });

  it('should take at most five wrong guesses at an order phone, whatever the chat', async () => {
    const orderId = 'A24003';
    await h.shop.createOrder({ orderId, customer: { phone: '13912345678' } });
    const { trackingNumber } = await h.shop.advance(orderId, 'shipped');
    if (!trackingNumber) throw new Error('a shipped order has a tracking number');
    // Each guess in a new chat, where the journey's one try starts afresh.
    const guess = async (digits: string) => {
      const chat = await anonymous();
      await chat.say(`where is my parcel, order ${orderId}`);
      await chat.waitFor((m) => m.text.includes('手机号的后四位'));
      await chat.say(digits);
      const end = await journeyEnd('where-is-my-parcel', chat);
      const said = (await chat.messages()).map((m) => m.text).join('\n');
      return { end, leaked: said.includes(trackingNumber) };
    };
    for (const wrong of ['0001', '0002', '0003', '0004', '0005'])
      expect(await guess(wrong)).toEqual({ end: 'unverified', leaked: false });
    // The sixth answer is refused although it is right: the order is locked for a day.
    expect(await guess('5678')).toEqual({ end: 'unverified', leaked: false });
    // Other orders are not: their owners still verify as before.
    const other = 'A24004';
    await h.shop.createOrder({ orderId: other, customer: { phone: '13900001111' } });
    const shipped = await h.shop.advance(other, 'shipped');
    const chat = await anonymous();
    await chat.say(`where is my parcel, order ${other}`);
    await chat.waitFor((m) => m.text.includes('手机号的后四位'));
    await chat.say('1111');
    expect((await chat.waitFor((m) => m.text.includes('运单号'))).text).toContain(
      shipped.trackingNumber,
    );
  });

  it('should act for the owner the shop signed without asking', async () => {
    const orderId = 'A24002';
    await h.shop.createOrder({ orderId });
    const chat = await ChatClient.open(h, undefined, orderId);
    await chat.say('我想改一下收货地址');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    expect((await chat.messages()).some((m) => m.text.includes('手机号的后四位'))).toBe(false);
  });
});

describe('the order system checks the customer too', () => {
  const call = (path: string, body: unknown) =>
    fetch(`${h.shopUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `own-${Math.random()}` },
      body: JSON.stringify(body),
    });

  it.each([
    [
      'a refund for another customer',
      '/orders/OWN-S1/refunds',
      { customerId: 'mallory', amount: 10 },
      403,
    ],
    [
      'a refund with no amount',
      '/orders/OWN-S1/refunds',
      { customerId: DEMO_CUSTOMER_ID, amount: null },
      400,
    ],
    ['a refund above the order total', '/orders/OWN-S1/refunds', { amount: 10_000 }, 409],
    [
      'an address change for another customer',
      '/orders/OWN-S1/address',
      { customerId: 'mallory', address: 'x' },
      403,
    ],
  ])('should refuse %s', async (_what, path, body, status) => {
    if (!h.shop.orders.has('OWN-S1')) await h.shop.createOrder({ orderId: 'OWN-S1', total: 99 });
    const response = await call(path, body);
    expect(response.status).toBe(status);
    const order = h.shop.orders.get('OWN-S1');
    expect(order?.refunds).toEqual([]);
    expect(order?.address).toBe('上海市浦东新区世纪大道 100 号');
  });
});
