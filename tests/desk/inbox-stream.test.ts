import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { goOnline, startDemoDesk, userToken } from '../routing/routing-fixture.ts';
import { openStream } from '../runtime/event-stream-client.ts';

/**
 * Issue 22: the desk follows its inbox as server-sent events instead of asking every 2 s. The
 * stream says the agent's own handoffs (as `GET /api/agents/me/inbox` does) and the queues, at
 * once and after each change; another agent's handoffs never show in it.
 */
let h: Harness;
let li: string;
let wang: string;

interface InboxEvent {
  agent: { _id: string; status: string };
  handoffs: { conversationId: string; agentId?: string }[];
  queues: { group: string; waiting: number }[];
}

/** An open inbox stream: the events so far, and a wait for one that matches. */
const openInbox = (token: string) =>
  openStream<InboxEvent>(`${h.url}/api/agents/me/inbox/stream`, token, 'inbox');

beforeAll(async () => {
  ({ h, li, wang } = await startDemoDesk());
});
afterAll(async () => {
  await h?.close();
});

describe('the desk inbox stream', () => {
  it('should send the inbox at once, then each handoff assigned and resolved, as the list says', async () => {
    await goOnline(h, li, 'away');
    await goOnline(h, wang, 'away');
    const stream = await openInbox(li);
    const first = await stream.waitFor(() => true);
    expect(first.agent._id).toBe('agent-li');
    expect(first.handoffs).toEqual([]);
    expect(first.queues.length).toBeGreaterThan(0);

    await goOnline(h, li);
    await stream.waitFor((e) => e.agent.status === 'online');
    const chat = await ChatClient.open(h, { id: 'inbox-stream-1', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    const assigned = await stream.waitFor((e) =>
      e.handoffs.some((handoff) => handoff.conversationId === chat.id),
    );
    // The same handoffs the list route answers.
    const listed = (await (
      await h.request('GET', '/api/agents/me/inbox', undefined, li)
    ).json()) as {
      handoffs: unknown[];
    };
    expect(assigned.handoffs).toEqual(listed.handoffs);

    const resolved = await h.request('POST', `/api/conversations/${chat.id}/resolve`, {}, li);
    expect(resolved.status).toBe(200);
    await stream.waitFor((e) => e === stream.events.at(-1) && e.handoffs.length === 0);
    await stream.close();
    await expect.poll(() => h.xiaoer.inboxFeed.openStreams).toBe(0);
  });

  it("should never show another agent's handoffs", async () => {
    await goOnline(h, li, 'away');
    await goOnline(h, wang);
    const liStream = await openInbox(li);
    const wangStream = await openInbox(wang);
    const chat = await ChatClient.open(h, { id: 'inbox-stream-2', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    await wangStream.waitFor((e) => e.handoffs.some((x) => x.conversationId === chat.id));
    // Li's stream heard the queue change (or nothing) but never Wang's handoff.
    await liStream.waitFor(() => true);
    expect(liStream.events.flatMap((e) => e.handoffs)).toEqual([]);
    await liStream.close();
    await wangStream.close();
  });

  it('should refuse a console user who is no agent (404) and anyone not logged in (401)', async () => {
    const operator = await userToken(h, 'ops-stream', 'operator');
    const notAgent = await h.request('GET', '/api/agents/me/inbox/stream', undefined, operator);
    expect(notAgent.status).toBe(404);
    expect(notAgent.headers.get('content-type')).toContain('application/json');
    const anonymous = await h.request('GET', '/api/agents/me/inbox/stream', undefined, '');
    expect(anonymous.status).toBe(401);
  });
});
