import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_PASSWORD, localTime, seedDemoRouting } from '@xiaoer/server/internal';
import type { DashboardReport } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import type { ChatClient } from '../conversations/chat-client.ts';
import { openChat } from './analytics-fixture.ts';

/**
 * The handoff figures a shop reads against what happened through the real server and store:
 * a conversation handed to a person twice (on `app`, alone there), a bot-only one, and two
 * customers who gave up in the queue — one closed the chat, one was ended as abandoned while
 * no agent was online.
 */
let h: Harness;
let wang = '';
const ZONE = 'Asia/Shanghai';
const day = () => localTime(new Date(h.clock.now()), ZONE).date;
/** Queued → an agent took it, for the two answered handoffs; queued → gone for the two others. */
const answered: number[] = [];
const gaveUp: number[] = [];

async function dashboard(query = ''): Promise<DashboardReport> {
  const response = await h.request(
    'GET',
    `/api/analytics/dashboard?from=${day()}&to=${day()}${query}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as DashboardReport;
}

const status = async (chat: ChatClient) => (await h.xiaoer.desk.store.get(chat.id))?.status;

async function handedOver(chat: ChatClient): Promise<string> {
  await chat.say('转人工');
  await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
  await h.request('POST', `/api/conversations/${chat.id}/messages`, { text: '您好' }, wang);
  const resolved = await h.request('POST', `/api/conversations/${chat.id}/resolve`, {}, wang);
  expect(resolved.status).toBe(200);
  const { handoffId } = (await resolved.json()) as { handoffId: string };
  const record = await h.xiaoer.routing.handoff(handoffId);
  answered.push((record.assignedAt?.getTime() ?? 0) - record.enqueuedAt.getTime());
  return handoffId;
}

/** Asks for a person with nobody online: the handoff waits in the queue. */
async function queued(chat: ChatClient): Promise<string> {
  await chat.say('转人工');
  await vi.waitFor(async () => expect(await status(chat)).toBe('queued'), { timeout: 10_000 });
  return (await h.xiaoer.desk.store.get(chat.id))?.handoffId ?? '';
}

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await seedDemoRouting(h.xiaoer, {});
  wang = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
  await h.request('POST', '/api/agents/me/status', { status: 'online' }, wang);

  // Handed to a person, resolved; the customer asks for a person again, resolved; closed.
  const twice = await openChat(h, 'app');
  const first = await handedOver(twice);
  const second = await handedOver(twice);
  expect(second).not.toBe(first);
  expect((await twice.call('POST', '/close')).status).toBe(200);

  // The bot alone; closed.
  const bot = await openChat(h);
  await bot.say('zzqx kkvp wq');
  await bot.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
  expect((await bot.call('POST', '/close')).status).toBe(200);

  // Nobody online: two customers wait in the queue and give up.
  await h.request('POST', '/api/agents/me/status', { status: 'away' }, wang);
  const closedChat = await openChat(h);
  const closedHandoff = await queued(closedChat);
  const ended = await openChat(h);
  const endedHandoff = await queued(ended);
  await h.clock.advance(90_000);
  // One closes the chat while still queued.
  expect((await closedChat.call('POST', '/close')).status).toBe(200);
  // The other's handoff is ended as abandoned while waiting; then the chat is closed.
  await h.clock.advance(30_000);
  expect((await h.request('POST', `/api/handoffs/${endedHandoff}/abandon`)).status).toBe(200);
  expect((await ended.call('POST', '/close')).status).toBe(200);
  for (const id of [closedHandoff, endedHandoff]) {
    const record = await vi.waitFor(
      async () => {
        const found = await h.xiaoer.routing.handoff(id);
        expect(found.status).toBe('abandoned');
        return found;
      },
      { timeout: 10_000 },
    );
    gaveUp.push((record.resolvedAt?.getTime() ?? 0) - record.enqueuedAt.getTime());
  }
  await vi.waitFor(
    async () => {
      await h.xiaoer.analytics.rollup();
      expect((await dashboard()).service.closed).toBe(4);
    },
    { timeout: 10_000 },
  );
}, 120_000);
afterAll(async () => h?.close());

describe('the handoff rate', () => {
  it('should count a conversation handed to a person twice once, its handoffs twice', async () => {
    const app = await dashboard('&channel=app');
    // One conversation, handed over twice: 100 %, not 200 %.
    expect(app.service).toMatchObject({
      conversations: 1,
      closed: 1,
      automated: 0,
      handedOff: 1,
      handoffs: 2,
      handoffRate: 1,
    });
    const all = await dashboard();
    // Of four closed conversations, three were handed to a person; four handoffs were queued.
    expect(all.service).toMatchObject({
      closed: 4,
      automated: 1,
      handedOff: 3,
      handoffs: 4,
      automationRate: 0.25,
      handoffRate: 0.75,
    });
  });
});

describe('waits given up in the queue', () => {
  it('should close the handoff of a chat closed while queued, and count both give-ups beside the answered waits', async () => {
    const { service } = await dashboard();
    // The answered waits are the two handoffs an agent took.
    expect(service.wait).toMatchObject({ count: 2 });
    expect(service.wait.averageMs).toBe(Math.round((answered[0]! + answered[1]!) / 2));
    // Two customers gave up, after waiting at least the 90 s and 120 s the clock moved.
    expect(gaveUp[0]).toBeGreaterThanOrEqual(90_000);
    expect(gaveUp[1]).toBeGreaterThanOrEqual(120_000);
    expect(service.abandonedInQueue).toMatchObject({ count: 2, rate: 0.5 });
    expect(service.abandonedInQueue.wait).toMatchObject({
      count: 2,
      averageMs: Math.round((gaveUp[0]! + gaveUp[1]!) / 2),
      percentileCount: 2,
    });
    // Nearest rank of two: the median is the shorter wait, the 90th the longer (within 2.5 %).
    const near = (value: number | null, expected: number) =>
      expect(Math.abs((value ?? 0) - expected) / expected).toBeLessThanOrEqual(0.025);
    near(service.abandonedInQueue.wait.p50Ms, Math.min(...gaveUp));
    near(service.abandonedInQueue.wait.p90Ms, Math.max(...gaveUp));
  });
});
