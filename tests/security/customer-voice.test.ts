import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { startDemoDesk, userToken } from '../routing/routing-fixture.ts';
import { expectRefused } from './attack-table.ts';

/**
 * A chat customer's answers are theirs alone: a journey that asks the customer something takes
 * the answer as a `customer.replied` event, and the chat sends it only with the conversation's
 * token. Sent by hand (`POST /api/instances/:id/events`), any agent could answer for any
 * customer — a new address for their parcel, then "yes" to it — in a conversation never handed
 * to them, unseen in its transcript.
 */
let h: Harness;
let agent: string;
let operator: string;

const ORDER = 'VOICE-1';

beforeAll(async () => {
  ({ h, li: agent } = await startDemoDesk());
  operator = await userToken(h, 'voice-operator', 'operator');
  const shipped = JSON.parse(
    await readFile(new URL('../../workflows/address-change-by-chat.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
  await h.publish(shipped);
  await h.shop.createOrder({ orderId: ORDER });
});
afterAll(async () => h?.close());

/** A signed owner asking to change their order's address, at the question for the new one. */
async function askedForAddress(): Promise<{ chat: ChatClient; instance: string }> {
  const chat = await ChatClient.open(h, undefined, ORDER);
  await chat.say('我想改一下收货地址');
  await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
  const instance = `address-change-by-chat:${chat.id}:1`;
  await vi.waitFor(
    async () => {
      const detail = (await (await h.request('GET', `/api/instances/${instance}`)).json()) as {
        node: string;
      };
      expect(detail.node).toBe('askAddress');
    },
    { timeout: 10_000, interval: 100 },
  );
  return { chat, instance };
}

const reply = (instance: string, chat: ChatClient, data: Record<string, unknown>, token: string) =>
  h.request(
    'POST',
    `/api/instances/${encodeURIComponent(instance)}/events`,
    { type: 'customer.replied', data: { conversationId: chat.id, ...data } },
    token,
  );

describe("a customer's answer sent by hand", () => {
  it('should refuse an agent answering for the customer, the address unchanged', async () => {
    const { chat, instance } = await askedForAddress();
    const address = h.shop.orders.get(ORDER)?.address;
    await expectRefused(h, {
      name: "an agent gives the customer's new address",
      send: () => reply(instance, chat, { text: '北京市朝阳区 改道路 1 号' }, agent),
      status: 403,
      code: 'event-type-forbidden',
    });
    await expectRefused(h, {
      name: 'an agent confirms the change for the customer',
      send: () => reply(instance, chat, { option: 'yes', text: '确认修改' }, agent),
      status: 403,
      code: 'event-type-forbidden',
    });
    expect(h.shop.orders.get(ORDER)?.address).toBe(address);
    expect((await chat.messages()).map((m) => m.text).join('\n')).not.toContain('改道路');
  });

  it('should let an operator record an answer the customer gave elsewhere (a phone call)', async () => {
    const { chat, instance } = await askedForAddress();
    const answer = await reply(instance, chat, { text: '上海市徐汇区 电话里说的 2 号' }, operator);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { result: string }).result).toBe('applied');
    await chat.waitFor((m) => m.text.includes('电话里说的'));
  });
});
