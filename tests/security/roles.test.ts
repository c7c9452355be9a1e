import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { startDemoDesk } from '../routing/routing-fixture.ts';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { expectRefused, type Attack } from './attack-table.ts';

/**
 * Issue 18, roles: which event types a role may send by hand, and agents working only their own
 * handoffs on the `/api/conversations` routes. Every refusal leaves the store as it was.
 */
let h: Harness;
const tokens: Record<string, string> = {};
let instanceId: string;
/** Handed to agent-li; one only the bot has talked in. */
let handed: ChatClient;
let botOnly: ChatClient;

const login = async (id: string, password: string) =>
  (await h.xiaoer.auth.login(id, password))?.token ?? '';

beforeAll(async () => {
  const desk = await startDemoDesk();
  h = desk.h;
  tokens['agent-li'] = desk.li;
  tokens['agent-wang'] = desk.wang;
  await h.publish(counterWorkflow);
  for (const role of ['operator', 'viewer'] as const) {
    await h.xiaoer.auth.createUser(`${role}-1`, `${role}-密码-123`, role);
    tokens[role] = await login(`${role}-1`, `${role}-密码-123`);
  }
  expect(
    (await h.request('POST', '/api/agents/me/status', { status: 'online' }, tokens['agent-li']))
      .status,
  ).toBe(200);
  handed = await ChatClient.open(h, { id: 'cust-handed', tier: 'normal', language: 'zh' });
  await handed.say('转人工');
  await handed.waitFor((m) => m.from === 'system' && m.text.includes('小李 Li'));
  botOnly = await ChatClient.open(h, { id: 'cust-bot', tier: 'normal', language: 'zh' });

  expect(
    (
      await h.sendEvents({
        id: 'c-1',
        type: 'counter.opened',
        source: '/t',
        data: { counterId: 'c1', count: 0 },
      })
    ).status,
  ).toBeLessThan(300);
  instanceId = await vi.waitFor(
    async () => {
      const list = (await (await h.request('GET', '/api/instances?workflow=counter')).json()) as {
        instances: { id: string }[];
      };
      if (!list.instances[0]) throw new Error('no counter instance');
      return list.instances[0].id;
    },
    { timeout: 10_000, interval: 100 },
  );
});
afterAll(async () => h?.close());

const as = (who: string, method: string, path: () => string, body?: unknown) => () =>
  h.request(method, path(), body, tokens[who]);
const event = () => () => `/api/instances/${instanceId}/events`;

const ATTACKS: Attack[] = [
  {
    name: 'an agent approves a refund review by hand',
    send: as('agent-li', 'POST', event(), {
      type: 'refund.reviewed',
      data: { decision: 'approved' },
    }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: 'an agent reports an order shipped by hand',
    send: as('agent-li', 'POST', event(), { type: 'order.shipped', data: {} }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: "an agent reports an order-system call's answer by hand",
    send: as('agent-li', 'POST', event(), { type: 'call.succeeded', data: { verified: true } }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: "an agent fires a journey's timer by hand",
    send: as('agent-li', 'POST', event(), { type: 'timer.fired' }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: "an agent ends a journey's wait for a handoff by hand",
    send: as('agent-li', 'POST', event(), { type: 'handoff.resolved' }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: 'an agent answers for a customer by hand',
    send: as('agent-li', 'POST', event(), { type: 'customer.replied', data: { text: '确认' } }),
    status: 403,
    code: 'event-type-forbidden',
  },
  {
    name: 'a viewer sends any event by hand',
    send: as('viewer', 'POST', event(), { type: 'counter.bump' }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: "an agent writes into another agent's conversation",
    send: as('agent-wang', 'POST', () => `/api/conversations/${handed.id}/messages`, {
      text: '我来接管',
    }),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: 'an agent writes into a bot-only conversation',
    send: as('agent-li', 'POST', () => `/api/conversations/${botOnly.id}/messages`, {
      text: '你好',
    }),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: "an agent resolves another agent's conversation",
    send: as('agent-wang', 'POST', () => `/api/conversations/${handed.id}/resolve`, {}),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: "an agent closes another agent's conversation",
    send: as('agent-wang', 'POST', () => `/api/conversations/${handed.id}/close`),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: 'an agent closes a bot-only conversation',
    send: as('agent-li', 'POST', () => `/api/conversations/${botOnly.id}/close`),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: "an agent promises a follow-up on another agent's conversation",
    send: as('agent-wang', 'POST', () => `/api/conversations/${handed.id}/follow-ups`, {
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: "an agent reads the follow-ups of another agent's conversation",
    send: as('agent-wang', 'GET', () => `/api/conversations/${handed.id}/follow-ups`),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: 'an agent reads the follow-ups of a bot-only conversation',
    send: as('agent-li', 'GET', () => `/api/conversations/${botOnly.id}/follow-ups`),
    status: 403,
    code: 'not-your-conversation',
  },
  {
    name: 'a viewer writes into a conversation',
    send: as('viewer', 'POST', () => `/api/conversations/${handed.id}/messages`, { text: 'hi' }),
    status: 403,
    code: 'forbidden',
  },
];

describe('roles (issue 18)', () => {
  it.each(ATTACKS)('should refuse: $name', async (attack) => {
    await expectRefused(h, attack);
  });

  it('should let a reviewer (operator) decide the review and an agent bump a counter', async () => {
    const review = await h.request(
      'POST',
      `/api/instances/${instanceId}/events`,
      { type: 'refund.reviewed', data: { decision: 'approved' } },
      tokens['operator'],
    );
    expect(review.status).toBe(200);
    const bump = await h.request(
      'POST',
      `/api/instances/${instanceId}/events`,
      { type: 'counter.bump' },
      tokens['agent-li'],
    );
    expect(bump.status).toBe(200);
    expect(((await bump.json()) as { result: string }).result).toBe('applied');
  });

  it('should let the assigned agent write, promise a follow-up and resolve', async () => {
    const li = tokens['agent-li'];
    const path = `/api/conversations/${handed.id}`;
    expect((await h.request('POST', `${path}/messages`, { text: '您好' }, li)).status).toBe(201);
    const due = new Date(Date.now() + 3_600_000).toISOString();
    expect((await h.request('POST', `${path}/follow-ups`, { dueAt: due }, li)).status).toBe(201);
    const listed = await h.request('GET', `${path}/follow-ups`, undefined, li);
    expect(((await listed.json()) as { followUps: unknown[] }).followUps).toHaveLength(1);
    const supervised = await h.request('GET', `${path}/follow-ups`, undefined, tokens['viewer']);
    expect(supervised.status).toBe(200);
    expect((await h.request('POST', `${path}/resolve`, {}, li)).status).toBe(200);
  });

  it('should let an operator close a bot-only conversation (supervision)', async () => {
    const closed = await h.request(
      'POST',
      `/api/conversations/${botOnly.id}/close`,
      undefined,
      tokens['operator'],
    );
    expect(closed.status).toBe(200);
  });
});
