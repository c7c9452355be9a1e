import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { openStream } from '../runtime/event-stream-client.ts';
import { goOnline, handoffById, handoffOf as fixtureHandoffOf } from './routing-fixture.ts';

/**
 * Presence: an agent who closed the desk (or lost the network) stayed online for good, and the
 * queues kept assigning customers to nobody. Now the desk's inbox stream keeps its agent
 * present; 2 minutes without one (here on either of two servers on one store, sharing one
 * clock) set them away for it, and 10 minutes return the handoffs they still hold to their
 * queues, the customers told and keeping their wait.
 */
let a: Harness;
let b: Harness;
let li: string;
let wang: string;
const config = { routing: { awayAfterSeconds: 120, returnAfterSeconds: 600 } };

beforeAll(async () => {
  a = await startHarness({ config });
  b = await startHarness({ store: a.store, clock: a.clock, config });
  await seedDemoRouting(a.xiaoer, {});
  const token = async (id: string) =>
    (await a.xiaoer.auth.login(id, DEMO_AGENT_PASSWORD))?.token ?? '';
  [li, wang] = [await token('agent-li'), await token('agent-wang')];
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

interface Agent {
  status: string;
  awayReason?: string | null;
}
const agent = async (id: string): Promise<Agent> => {
  const response = await a.request('GET', '/api/agents');
  const { agents } = (await response.json()) as { agents: (Agent & { _id: string })[] };
  return agents.find((x) => x._id === id)!;
};
const handoff = (id: string) => handoffById(a, id);
const handoffOf = (conversationId: string) => fixtureHandoffOf(a, conversationId);
const openDesk = async (h: Harness, token: string) => {
  const stream = await openStream<unknown>(`${h.url}/api/agents/me/inbox/stream`, token, 'inbox');
  await stream.waitFor(() => true);
  return stream;
};
/** Moves the shared clock in steps of a presence sweep (a quarter of the 2-minute grace). */
const wait = async (seconds: number) => {
  for (let s = 0; s < seconds; s += 30) await a.clock.advance(30_000);
};

describe('agents presence', () => {
  it('should set an agent away 2 minutes after their desk closed, and assign them no one then', async () => {
    await goOnline(a, wang, 'away');
    await goOnline(a, li);
    const desk = await openDesk(a, li);
    await wait(300); // the desk open: present however long
    expect((await agent('agent-li')).status).toBe('online');
    await desk.close();
    await expect.poll(() => a.xiaoer.inboxFeed.openStreams).toBe(0);
    await wait(60);
    expect((await agent('agent-li')).status).toBe('online');
    await wait(120);
    expect(await agent('agent-li')).toMatchObject({ status: 'away', awayReason: 'no-desk' });

    const chat = await ChatClient.open(a, { id: 'presence-1', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('预计等待'));
    expect((await handoffOf(chat.id)).status).toBe('waiting');
    // Back at the desk, the agent says so themselves; the reason goes.
    await goOnline(a, li);
    expect(await agent('agent-li')).toMatchObject({ status: 'online', awayReason: null });
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    await a.request('POST', `/api/conversations/${chat.id}/close`, {}, li);
  });

  it('should keep an agent whose desk is open on one server present for the other', async () => {
    await goOnline(a, li, 'away');
    await goOnline(b, wang);
    const onA = await openDesk(a, wang);
    await wait(400); // both servers sweep: only a sees the desk
    expect((await agent('agent-wang')).status).toBe('online');
    await onA.close();
    await wait(180);
    expect(await agent('agent-wang')).toMatchObject({ status: 'away', awayReason: 'no-desk' });
  });

  it("should keep an absent agent's customers 10 minutes, then return them to the queue, told and keeping their wait", async () => {
    await goOnline(a, wang, 'away');
    await goOnline(a, li);
    const desk = await openDesk(a, li);
    const chat = await ChatClient.open(a, { id: 'presence-3', tier: 'normal', language: 'en' });
    await chat.say('agent');
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('has joined'));
    const first = await handoffOf(chat.id);
    expect(first).toMatchObject({ status: 'assigned', agentId: 'agent-li' });
    await desk.close();
    await expect.poll(() => a.xiaoer.inboxFeed.openStreams).toBe(0);

    await wait(300); // away, and still holding the customer (a reload or a short outage)
    expect((await agent('agent-li')).status).toBe('away');
    expect((await handoff(first._id)).status).toBe('assigned');
    await wait(330);
    const ended = await handoff(first._id);
    expect(ended).toMatchObject({ status: 'transferred', endReason: 'agent-away' });
    const next = await handoffOf(chat.id);
    expect(next).toMatchObject({ _id: ended.transferredTo, status: 'waiting' });
    expect(next.enqueuedAt).toBe(first.enqueuedAt);
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('back in the queue'));
    // Li can no longer answer it; whoever comes online takes the customer.
    const reply = await a.request(
      'POST',
      `/api/conversations/${chat.id}/messages`,
      { text: 'hi' },
      li,
    );
    expect(reply.status).toBe(403);
    await goOnline(a, wang);
    await expect.poll(async () => (await handoffOf(chat.id)).agentId).toBe('agent-wang');
  });
});

describe('a desk connection', () => {
  it('should end after half the grace, so one a lost network left half open stops counting', async () => {
    const c = await startHarness({ config: { routing: { awayAfterSeconds: 1 } } });
    try {
      await seedDemoRouting(c.xiaoer, {});
      const token = (await c.xiaoer.auth.login('agent-li', DEMO_AGENT_PASSWORD))?.token ?? '';
      const response = await fetch(`${c.url}/api/agents/me/inbox/stream`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      // The server ends it (0.5 s here); the browser's EventSource then opens it anew.
      const text = await response.text();
      expect(text).toContain('event: inbox');
    } finally {
      await c.close();
    }
  });
});
