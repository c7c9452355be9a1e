import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_PASSWORD } from '@xiaoer/server/internal';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient, readStream } from '../conversations/chat-client.ts';
import { goOnline, startDemoDesk, userToken } from '../routing/routing-fixture.ts';

/**
 * Issue 21: the customer sees the agent's display name, never the login id ("agent-li"); an
 * agent sets the name themselves, an admin can too, and the console still knows who answered.
 */
let h: Harness;
let li: string;

beforeAll(async () => {
  ({ h, li } = await startDemoDesk());
});
afterAll(async () => {
  await h?.close();
});

async function agentName(id: string): Promise<string | undefined> {
  const { agents } = (await (await h.request('GET', '/api/agents')).json()) as {
    agents: { _id: string; displayName: string }[];
  };
  return agents.find((a) => a._id === id)?.displayName;
}

describe('agent display names', () => {
  it('should let an agent set the name customers see, and refuse a blank or a skills change', async () => {
    const set = await h.request('PATCH', '/api/agents/me', { displayName: ' 小李 ' }, li);
    expect(set.status).toBe(200);
    expect(await agentName('agent-li')).toBe('小李');

    const blank = await h.request('PATCH', '/api/agents/me', { displayName: '   ' }, li);
    expect(blank.status).toBe(400);
    const skills = await h.request(
      'PATCH',
      '/api/agents/me',
      { displayName: 'x', skills: ['complaints'] },
      li,
    );
    expect(skills.status).toBe(400);
    expect(await agentName('agent-li')).toBe('小李');
    const { agents } = (await (await h.request('GET', '/api/agents')).json()) as {
      agents: { _id: string; skills: string[] }[];
    };
    expect(agents.find((a) => a._id === 'agent-li')?.skills).not.toContain('complaints');
  });

  it('should answer 404 to a console user who is no agent', async () => {
    const operator = await userToken(h, 'ops-names', 'operator');
    const response = await h.request('PATCH', '/api/agents/me', { displayName: '运营' }, operator);
    expect(response.status).toBe(404);
    expect(await agentName('ops-names')).toBeUndefined();
  });

  it('should show the customer the display name when the agent joins and answers, never the login id', async () => {
    await goOnline(h, li);
    const chat = await ChatClient.open(h, { id: 'names-1', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    const joined = await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    expect(joined.text).toBe('客服 小李 已接入，请讲。');

    const reply = await h.request(
      'POST',
      `/api/conversations/${chat.id}/messages`,
      { text: '您好，请问有什么可以帮您？' },
      li,
    );
    expect(reply.status).toBe(201);
    await chat.waitFor((m) => m.from === 'agent');
    const seen = await (await chat.call('GET', '/messages?after=0')).text();
    expect(seen).not.toContain('agent-li');
    const said = (JSON.parse(seen) as { messages: Record<string, unknown>[] }).messages;
    expect(said.find((m) => m['from'] === 'agent')).toMatchObject({
      agentName: '小李',
      text: '您好，请问有什么可以帮您？',
    });
    const streamed = await readStream(
      `${h.url}/api/chat/conversations/${chat.id}/stream?token=${chat.token}`,
      said.length,
    );
    expect(JSON.stringify(streamed.messages)).not.toContain('agent-li');

    // The console keeps who answered, for supervision.
    const detail = (await (await h.request('GET', `/api/conversations/${chat.id}`)).json()) as {
      messages: { from: string; agent?: string; agentName?: string }[];
    };
    expect(detail.messages.find((m) => m.from === 'agent')).toMatchObject({
      agent: 'agent-li',
      agentName: '小李',
    });

    // An admin without an agent record who steps in is "客服" to the customer, not "admin".
    expect(
      (await h.request('POST', `/api/conversations/${chat.id}/messages`, { text: '补充一下' }))
        .status,
    ).toBe(201);
    const admin = await chat.waitFor((m) => m.text === '补充一下');
    expect(admin).toMatchObject({ agentName: '客服' });
    expect(JSON.stringify(await chat.messages())).not.toMatch(/"admin"/);
  });

  it('should show the name an admin set, in the customer language', async () => {
    const wang = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
    const renamed = await h.request('PUT', '/api/agents/agent-wang', { displayName: 'Wang' });
    expect(renamed.status).toBe(200);
    await goOnline(h, li, 'away');
    await goOnline(h, wang);
    const chat = await ChatClient.open(h, { id: 'names-2', tier: 'normal', language: 'en' });
    await chat.say('转人工');
    const joined = await chat.waitFor((m) => m.from === 'system' && m.text.includes('joined'));
    expect(joined.text).toBe('Agent Wang has joined the chat.');
  });
});
