import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';
import { signedHeaders } from '@xiaoer/server';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { expectRefused } from './attack-table.ts';
import { relayJourney } from './relay-journey.ts';

/**
 * Only the chat speaks for a conversation. A source's credential (its signature, or a machine
 * client's intake API key: "send events of that source; nothing else") sent the chat's own
 * events: a `conversation.message` naming a visitor's conversation and claiming a verified
 * customer started the chat journeys as that customer's, so an anonymous visitor holding a
 * key read the tracking number of any customer's order in their own chat; a
 * `customer.replied` naming a conversation answered its journey's question (a new address,
 * then "yes").
 */
let h: Harness;
let key: string;
/** An ERP whose mapping (as an operator might write it) makes the chat's own event types. */
const ERP = {
  id: 'chatty-erp',
  kind: 'mapped' as const,
  secret: 'chatty-erp-secret-0123456789',
  mapping: {
    id: '/msgId',
    type: {
      pointer: '/event',
      values: { REPLY: 'customer.replied', SAID: 'conversation.message' },
    },
    data: { conversationId: '/conversation', text: '/text' },
  },
};

beforeAll(async () => {
  h = await startHarness({ config: { sources: [ERP] } });
  const shipped = async (id: string) =>
    JSON.parse(
      await readFile(new URL(`../../workflows/${id}.json`, import.meta.url), 'utf8'),
    ) as WorkflowDocument;
  await h.publish(await shipped('where-is-my-parcel'), await shipped('address-change-by-chat'));
  const created = await h.request('POST', '/api/api-keys', { name: 'tracker', source: SOURCE.id });
  key = ((await created.json()) as { key: string }).key;
});
afterAll(async () => h?.close());

const withKey = (body: unknown) =>
  fetch(`${h.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

describe("a source sending the chat's own events", () => {
  it("should not start a chat journey as a verified customer in a visitor's chat", async () => {
    const orderId = 'CHATONLY-1';
    await h.shop.createOrder({ orderId });
    const { trackingNumber } = await h.shop.advance(orderId, 'shipped');
    if (!trackingNumber) throw new Error('a shipped order has a tracking number');
    const visitor = await ChatClient.open(h, { id: 'walk-in' }, undefined, { anonymous: true });
    const forged = cloudEvent('conversation.message', {
      conversationId: visitor.id,
      text: `我的快递到哪了 订单号 ${orderId}`,
      intent: 'logistics',
      confidence: 0.99,
      customer: { id: DEMO_CUSTOMER_ID, tier: 'vip', language: 'zh', verified: true },
      order: { id: orderId },
    });
    await expectRefused(h, {
      name: 'a conversation.message sent with an intake API key',
      send: () => withKey(forged),
      status: 403,
      code: 'chat-event-forbidden',
    });
    await expectRefused(h, {
      name: 'a conversation.message signed with the source secret',
      send: () => h.sendEvents(forged),
      status: 403,
      code: 'chat-event-forbidden',
    });
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    expect(
      (await h.request('GET', `/api/instances/where-is-my-parcel:${visitor.id}:1`)).status,
    ).toBe(404);
    expect((await visitor.messages()).map((m) => m.text).join('\n')).not.toContain(trackingNumber);
  });

  it("should not answer a chat journey's question for the customer", async () => {
    const orderId = 'CHATONLY-2';
    const order = await h.shop.createOrder({ orderId });
    const chat = await ChatClient.open(h, undefined, orderId);
    await chat.say('我想改一下收货地址');
    await chat.waitFor((m) => m.text.includes('请发送新的收货地址'));
    await expectRefused(h, {
      name: 'a customer.replied naming the conversation',
      send: () =>
        withKey(
          cloudEvent('customer.replied', {
            conversationId: chat.id,
            text: '北京市朝阳区 改道路 1 号',
          }),
        ),
      status: 403,
      code: 'chat-event-forbidden',
    });
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    expect(h.shop.orders.get(orderId)?.address).toBe(order.address);
    expect((await chat.messages()).map((m) => m.text).join('\n')).not.toContain('改道路');
  });

  it('should refuse the same from a mapped source, whatever its mapping makes', async () => {
    const chat = await ChatClient.open(h, undefined, 'CHATONLY-4');
    for (const event of ['REPLY', 'SAID']) {
      const body = JSON.stringify({
        msgId: `M-${event}`,
        event,
        conversation: chat.id,
        text: '确认',
      });
      await expectRefused(h, {
        name: `a mapped ${event} message`,
        send: () =>
          fetch(`${h.url}/api/webhooks/mapped/${ERP.id}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...signedHeaders(ERP.id, ERP.secret, body),
            },
            body,
          }),
        status: 403,
        code: 'chat-event-forbidden',
      });
    }
  });

  it("should not let a journey's published event speak for a chat customer either", async () => {
    const relay = relayJourney('chat-relay');
    // This server refuses to publish it (below); a version an earlier one published is still
    // in the store, and runs: written as publishing wrote it then.
    expect((await h.request('POST', '/api/workflows', relay)).status).toBe(201);
    await h.connection.collection('workflowVersions').insertOne({
      _id: 'chat-relay@1' as never,
      workflowId: 'chat-relay',
      version: 1,
      document: JSON.stringify(relay),
      hash: 'published-before-the-check',
      note: '',
      publishedAt: new Date(),
      publishedBy: 'admin',
    });
    await h.connection
      .collection('workflows')
      .updateOne({ _id: 'chat-relay' as never }, { $set: { publishedVersion: 1 } });
    h.xiaoer.catalog.invalidate();
    const visitor = await ChatClient.open(h, { id: 'walk-in-2' }, undefined, { anonymous: true });
    expect(
      (
        await h.sendEvents(
          cloudEvent('relay.started', { orderId: 'CHATONLY-5', conversationId: visitor.id }),
        )
      ).status,
    ).toBeLessThan(300);
    // Refused for good at its first attempt: dead-lettered, naming why, not retried.
    await vi.waitFor(
      async () => {
        const detail = (await (
          await h.request('GET', `/api/instances/${encodeURIComponent('chat-relay:CHATONLY-5:1')}`)
        ).json()) as {
          effects: { effect: { kind: string }; status: string; attempts: number }[];
          deadLetters: { error: { code: string } }[];
        };
        expect(detail.effects.filter((e) => e.effect.kind === 'emit')).toMatchObject([
          { status: 'dead', attempts: 1 },
        ]);
        expect(detail.deadLetters.map((d) => d.error.code)).toEqual(['chat-event-forbidden']);
      },
      { timeout: 15_000, interval: 100 },
    );
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    // The chat's own messages are recorded as `conversation.message` too: none says this.
    expect(
      await h.connection
        .collection('events')
        .countDocuments({ type: 'conversation.message', 'data.text': /CHATONLY-5/ }),
    ).toBe(0);
    await expect(
      h.xiaoer.intake.record(SOURCE.id, [
        {
          id: 'CHATONLY-6',
          type: 'conversation.message',
          source: '/tests',
          data: { conversationId: visitor.id, text: '你好' },
        },
      ]),
    ).rejects.toMatchObject({ code: 'chat-event-forbidden', kind: 'forbidden' });
  });

  it("should refuse to publish a journey that emits the chat's own event, and say so on the node", async () => {
    const speaking = {
      ...relayJourney('chat-relay-2'),
      name: '转发到聊天 2 / Relay to a chat 2',
    };
    expect((await h.request('POST', '/api/workflows', speaking)).status).toBe(201);
    const onTheNode = {
      code: 'config.invalid',
      pointer: '/nodes/1/config/event',
      nodeId: 'speak',
    };
    const draft = (await (await h.request('GET', '/api/workflows/chat-relay-2')).json()) as {
      problems: object[];
    };
    expect(draft.problems).toContainEqual(expect.objectContaining(onTheNode));
    const checked = (await (
      await h.request('POST', '/api/workflows/validate', speaking)
    ).json()) as { valid: boolean; problems: { message: { zh: string; en: string } }[] };
    expect(checked.valid).toBe(false);
    expect(checked.problems).toContainEqual(expect.objectContaining(onTheNode));
    expect(checked.problems[0]?.message.en).toContain("is the chat's own event");
    expect(checked.problems[0]?.message.zh).toContain('是聊天自己发出的事件');
    const published = await h.request('POST', '/api/workflows/chat-relay-2/publish', {});
    expect(published.status).toBe(422);
    expect(
      ((await published.json()) as { error: { details: { problems: object[] } } }).error.details
        .problems,
    ).toContainEqual(expect.objectContaining(onTheNode));
    expect(
      await h.connection
        .collection('workflowVersions')
        .countDocuments({ workflowId: 'chat-relay-2' }),
    ).toBe(0);
  });

  it("should still take a customer's reply the shop relays for an order (an SMS survey)", async () => {
    const response = await withKey(
      cloudEvent('customer.replied', { orderId: 'CHATONLY-3', text: '5' }),
    );
    expect(response.status).toBeLessThan(300);
  });
});
