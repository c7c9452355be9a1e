import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { goOnline, startDemoDesk } from '../routing/routing-fixture.ts';

/**
 * Issue 21: beside a desk conversation, the same customer's earlier conversations and orders:
 * only a signed customer's, only orders the shop says are theirs, only for the agent who has
 * the conversation (or a supervisor). Through the real server, store and demo shop.
 */
let h: Harness;
let li: string;
let wang: string;

interface History {
  verified: boolean;
  conversations: { id: string; orderId?: string; firstQuestion?: string; intents: string[] }[];
  orders: { orderId: string; status?: string; total?: number }[];
}

const customer = (id: string) => ({ id, tier: 'normal' as const, language: 'zh' as const });

async function history(conversationId: string, token?: string): Promise<Response> {
  return h.request(
    'GET',
    `/api/conversations/${conversationId}/customer-history`,
    undefined,
    token,
  );
}

let earlier: ChatClient;
let other: ChatClient;
let anonymous: ChatClient;
let current: ChatClient;

beforeAll(async () => {
  ({ h, li, wang } = await startDemoDesk());
  await h.shop.createOrder({ orderId: 'HIS-A1', customer: { id: 'cust-a' }, total: 88 });
  await h.shop.createOrder({ orderId: 'HIS-B1', customer: { id: 'cust-b' } });

  earlier = await ChatClient.open(h, customer('cust-a'), 'HIS-A1');
  await earlier.say('可以开发票吗');
  expect((await earlier.call('POST', '/close')).status).toBe(200);
  // cust-a names cust-b's order: the conversation is theirs, the order is not.
  await ChatClient.open(h, customer('cust-a'), 'HIS-B1');
  other = await ChatClient.open(h, customer('cust-b'), 'HIS-B1');
  await other.say('发什么快递');
  anonymous = await ChatClient.open(h, customer('cust-a'), undefined, { anonymous: true });
  await anonymous.say('我是 cust-a 吗');

  await goOnline(h, li);
  current = await ChatClient.open(h, customer('cust-a'));
  await current.say('转人工');
  await current.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
});
afterAll(async () => {
  await h?.close();
});

describe("the customer's history beside a desk conversation", () => {
  it("should show the agent the signed customer's earlier conversations and own orders only", async () => {
    const response = await history(current.id, li);
    expect(response.status).toBe(200);
    const seen = (await response.json()) as History;
    expect(seen.verified).toBe(true);
    const ids = seen.conversations.map((c) => c.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(earlier.id);
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(anonymous.id);
    expect(ids).not.toContain(current.id);
    expect(seen.conversations.find((c) => c.id === earlier.id)).toMatchObject({
      orderId: 'HIS-A1',
      firstQuestion: '可以开发票吗',
    });
    expect(seen.orders).toEqual([
      expect.objectContaining({ orderId: 'HIS-A1', status: 'created', total: 88 }),
    ]);
    expect(JSON.stringify(seen)).not.toContain('发什么快递');
  });

  it('should refuse another agent the history of a conversation that is not theirs', async () => {
    const response = await history(current.id, wang);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('HIS-A1');
  });

  it('should show nothing for an anonymous customer, whose id is only a claim', async () => {
    const response = await history(anonymous.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ verified: false, conversations: [], orders: [] });
  });

  it('should answer 404 for a conversation that does not exist', async () => {
    expect((await history('no-such-conversation')).status).toBe(404);
  });
});
