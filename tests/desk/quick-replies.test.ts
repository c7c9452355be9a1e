import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { userToken } from '../routing/routing-fixture.ts';

/**
 * Issue 21: quick replies managed by operators (create, edit, delete; zh/en; placeholders the
 * desk fills), read by agents, refused precisely when wrong, through the real server.
 */
let h: Harness;
let agent: string;
let operator: string;

interface QuickReply {
  id: string;
  title: string;
  text: { zh?: string; en?: string };
  updatedBy: string;
}

const list = async (token?: string) =>
  (await (await h.request('GET', '/api/quick-replies', undefined, token)).json()) as {
    quickReplies: QuickReply[];
    placeholders: string[];
  };

beforeAll(async () => {
  h = await startHarness();
  agent = await userToken(h, 'qr-agent', 'agent');
  operator = await userToken(h, 'qr-operator', 'operator');
});
afterAll(async () => {
  await h?.close();
});

describe('quick replies', () => {
  it('should let an operator create, edit and delete one, and an agent read it', async () => {
    const created = await h.request(
      'POST',
      '/api/quick-replies',
      {
        title: '发货时间',
        text: {
          zh: '{{customer.name}}您好，订单 {{order.id}} 会在 48 小时内发货。',
          en: 'Hi {{ customer.name }}, order {{order.id}} ships within 48 hours.',
        },
      },
      operator,
    );
    expect(created.status).toBe(201);
    const reply = (await created.json()) as QuickReply;
    expect(reply).toMatchObject({ title: '发货时间', updatedBy: 'qr-operator' });

    const seen = await list(agent);
    expect(seen.quickReplies.map((r) => r.id)).toEqual([reply.id]);
    expect(seen.placeholders).toEqual(['customer.name', 'customer.id', 'order.id', 'agent.name']);

    const edited = await h.request(
      'PUT',
      `/api/quick-replies/${reply.id}`,
      { title: '发货时间', text: { zh: '{{agent.name}}为您查询：订单 {{order.id}} 已发货。' } },
      operator,
    );
    expect(edited.status).toBe(200);
    expect((await list(agent)).quickReplies[0]?.text).toEqual({
      zh: '{{agent.name}}为您查询：订单 {{order.id}} 已发货。',
    });

    expect(
      (await h.request('DELETE', `/api/quick-replies/${reply.id}`, undefined, operator)).status,
    ).toBe(200);
    expect((await list(agent)).quickReplies).toEqual([]);
    expect(
      (await h.request('DELETE', `/api/quick-replies/${reply.id}`, undefined, operator)).status,
    ).toBe(404);
  });

  it('should refuse an agent writing one, and change nothing', async () => {
    const response = await h.request(
      'POST',
      '/api/quick-replies',
      { title: 'x', text: { zh: '你好' } },
      agent,
    );
    expect(response.status).toBe(403);
    expect((await list()).quickReplies).toEqual([]);
  });

  it('should refuse an unknown placeholder, empty text or an unknown field with a precise 400', async () => {
    const unknown = await h.request('POST', '/api/quick-replies', {
      title: '退款',
      text: { zh: '您好，退款金额 {{refund.amount}} 已退回。' },
    });
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as {
      error: { code: string; message: { zh: string; en: string } };
    };
    expect(body.error.code).toBe('unknown-placeholder');
    expect(body.error.message.en).toContain('{{refund.amount}}');
    expect(body.error.message.zh).toContain('customer.name');

    const blank = await h.request('POST', '/api/quick-replies', {
      title: '空',
      text: { zh: '   ' },
    });
    expect(blank.status).toBe(400);
    const noText = await h.request('POST', '/api/quick-replies', { title: '空', text: {} });
    expect(noText.status).toBe(400);
    const extra = await h.request('POST', '/api/quick-replies', {
      title: '多',
      text: { zh: '好', fr: 'bon' },
    });
    expect(extra.status).toBe(400);
    expect((await list()).quickReplies).toEqual([]);
  });

  it('should answer 404 when editing one that does not exist, and create nothing', async () => {
    const response = await h.request('PUT', '/api/quick-replies/qr-missing', {
      title: 'x',
      text: { en: 'Hello' },
    });
    expect(response.status).toBe(404);
    expect((await list()).quickReplies).toEqual([]);
  });
});
