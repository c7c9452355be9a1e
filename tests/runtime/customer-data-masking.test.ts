import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { userToken } from '../routing/routing-fixture.ts';
import { ChatClient } from '../conversations/chat-client.ts';
import { openStream } from './event-stream-client.ts';
import { counterWorkflow } from './test-workflows.ts';

/**
 * Customers' personal data reaches a viewer (the `read` permission only: analysts) masked, on
 * every read route that carries it, and reaches those who work with customers (operators,
 * agents, admins) whole (PIPL's minimum necessary access; docs/security.md).
 */
const PHONE = '+8613912345678';
const EMAIL = 'zhang.sanfeng@example.com';
const NAME = '张三丰';
const ADDRESS = '广东省深圳市南山区科技园南路 88 号 3 栋 1201';
const SAID_PHONE = '13987654321';

let h: Harness;
let viewer: string;
let operator: string;
let instanceId: string;
let chat: ChatClient;

const bodyOf = async (path: string, token: string): Promise<string> => {
  const response = await h.request('GET', path, undefined, token);
  expect(response.status).toBe(200);
  return response.text();
};

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
  viewer = await userToken(h, 'masked-viewer', 'viewer');
  operator = await userToken(h, 'whole-operator', 'operator');
  const sent = await h.sendEvents([
    cloudEvent('counter.opened', {
      counterId: 'PII-1',
      count: 0,
      customer: { name: NAME, phone: PHONE, email: EMAIL },
      address: ADDRESS,
    }),
  ]);
  expect(sent.status).toBe(202);
  await vi.waitFor(
    async () => {
      const list = (await (
        await h.request('GET', '/api/instances?workflow=counter&correlation=PII-1')
      ).json()) as { instances: { id: string }[] };
      instanceId = list.instances[0]?.id ?? '';
      expect(instanceId).toBeTruthy();
    },
    { timeout: 10_000 },
  );
  // A step whose event carries a note with a phone number and an email in its text.
  await h.sendEvents([
    cloudEvent('counter.bump', {
      counterId: 'PII-1',
      note: `客户来电 ${SAID_PHONE}，邮件 ${EMAIL}`,
    }),
  ]);
  await vi.waitFor(
    async () => {
      const detail = (await (await h.request('GET', `/api/instances/${instanceId}`)).json()) as {
        data: { count: number };
      };
      expect(detail.data.count).toBe(1);
    },
    { timeout: 10_000 },
  );
  chat = await ChatClient.open(h, { id: 'pii-customer', name: NAME, language: 'zh' });
  await chat.say(`我的手机 ${SAID_PHONE}，订单号 20231201123456789012`);
});
afterAll(async () => h?.close());

describe("customers' personal data by role", () => {
  it("should mask a viewer's instance detail, keep its ids, and show an operator it whole", async () => {
    const body = await bodyOf(`/api/instances/${instanceId}`, viewer);
    for (const whole of [PHONE, EMAIL, NAME, ADDRESS, SAID_PHONE, '科技园'])
      expect(body).not.toContain(whole);
    const detail = JSON.parse(body) as {
      id: string;
      correlation: string;
      data: { customer: Record<string, string>; address: string };
      timeline: { event: { data?: { note?: string } } }[];
    };
    expect(detail.id).toBe(instanceId);
    expect(detail.correlation).toBe('PII-1');
    expect(detail.data.customer).toEqual({
      name: '张**',
      phone: '+86 139****5678',
      email: 'z***@example.com',
    });
    expect(detail.data.address).toBe('广东省深圳市***');
    const notes = detail.timeline.map((step) => step.event.data?.note).filter(Boolean);
    expect(notes).toEqual(['客户来电 139****4321，邮件 z***@example.com']);

    // An operator reads the same instance whole.
    const whole = await bodyOf(`/api/instances/${instanceId}`, operator);
    for (const part of [PHONE, EMAIL, NAME, ADDRESS, SAID_PHONE]) expect(whole).toContain(part);
  });

  it("should mask a viewer's live instance page, and leave an operator's whole", async () => {
    const masked = await openStream<unknown>(
      `${h.url}/api/instances/${instanceId}/stream`,
      viewer,
      'instance',
    );
    const sent = JSON.stringify(await masked.waitFor(() => true));
    await masked.close();
    expect(sent).toContain('+86 139****5678');
    for (const whole of [PHONE, EMAIL, NAME, ADDRESS]) expect(sent).not.toContain(whole);

    const full = await openStream<unknown>(
      `${h.url}/api/instances/${instanceId}/stream`,
      operator,
      'instance',
    );
    const fullSent = JSON.stringify(await full.waitFor(() => true));
    await full.close();
    expect(fullSent).toContain(PHONE);
  });

  it("should mask a viewer's conversations: the customer's name and the numbers they wrote", async () => {
    const list = await bodyOf('/api/conversations', viewer);
    const detail = await bodyOf(`/api/conversations/${chat.id}`, viewer);
    for (const body of [list, detail]) {
      expect(body).not.toContain(NAME);
      expect(body).not.toContain(SAID_PHONE);
    }
    const { conversation, messages } = JSON.parse(detail) as {
      conversation: { customer: { name: string } };
      messages: { from: string; text: string }[];
    };
    expect(conversation.customer.name).toBe('张**');
    // The order number is no phone: it stays readable for the analyst.
    expect(messages.find((m) => m.from === 'customer')?.text).toBe(
      '我的手机 139****4321，订单号 20231201123456789012',
    );

    const whole = await bodyOf(`/api/conversations/${chat.id}`, operator);
    expect(whole).toContain(NAME);
    expect(whole).toContain(SAID_PHONE);
  });

  it("should mask a viewer's live conversation", async () => {
    const stream = await openStream<{ from: string; text: string }>(
      `${h.url}/api/conversations/${chat.id}/stream`,
      viewer,
      'message',
    );
    const said = await stream.waitFor((message) => message.from === 'customer');
    await stream.close();
    expect(said.text).toBe('我的手机 139****4321，订单号 20231201123456789012');
  });

  it("should mask the numbers in a viewer's followed conversations", async () => {
    const stream = await openStream<{ conversationId: string; from: string; text: string }>(
      `${h.url}/api/conversations/stream?follow=${chat.id}:0`,
      viewer,
      'message',
    );
    const said = await stream.waitFor((message) => message.from === 'customer');
    await stream.close();
    expect(said).toMatchObject({
      conversationId: chat.id,
      text: expect.stringContaining('139****4321'),
    });
  });

  it("should mask the contacts in a follow-up's note for a viewer", async () => {
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const note = `回电 ${SAID_PHONE} 或发邮件 ${EMAIL}`;
    const created = await h.request(
      'POST',
      `/api/conversations/${chat.id}/follow-ups`,
      { dueAt, note },
      operator,
    );
    expect(created.status).toBe(201);
    const body = await bodyOf(`/api/conversations/${chat.id}/follow-ups`, viewer);
    expect(body).not.toContain(SAID_PHONE);
    expect(body).not.toContain(EMAIL);
    const { followUps } = JSON.parse(body) as { followUps: { note: string }[] };
    expect(followUps.map((f) => f.note)).toEqual(['回电 139****4321 或发邮件 z***@example.com']);
    expect(await bodyOf(`/api/conversations/${chat.id}/follow-ups`, operator)).toContain(note);
  });

  it("should mask the contacts in a viewer's unanswered questions", async () => {
    const question = `今天天气怎么样 ${SAID_PHONE}`;
    await h.xiaoer.knowledge.answer(question, { channel: 'chat', conversationId: chat.id });
    const body = await bodyOf('/api/knowledge/unanswered', viewer);
    expect(body).toContain('今天天气怎么样 139****4321');
    expect(body).not.toContain(SAID_PHONE);
    expect(await bodyOf('/api/knowledge/unanswered', operator)).toContain(question);
  });

  it('should tell the console whose answers are masked', async () => {
    const me = async (token: string) =>
      (
        (await (await h.request('GET', '/api/auth/me', undefined, token)).json()) as {
          personalData: string;
        }
      ).personalData;
    expect(await me(viewer)).toBe('masked');
    expect(await me(operator)).toBe('whole');
    expect(await me(await userToken(h, 'whole-agent', 'agent'))).toBe('whole');
  });
});
