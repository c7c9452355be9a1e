import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_PASSWORD, returnedHandoffId } from '@xiaoer/server/internal';
import { ChatClient } from '../conversations/chat-client.ts';
import {
  goOnline,
  handoffById,
  handoffOf as fixtureHandoffOf,
  startDemoDesk,
} from './routing-fixture.ts';

/**
 * An agent an admin disables or demotes (Router.offDuty) was set away, but the customers
 * already assigned to them stayed theirs until an admin moved them: waiting for someone who
 * can no longer answer. Now those handoffs go back to their queues at once, each customer told
 * (in their language) and keeping the time they waited; the next agent takes them.
 */
let desk: Awaited<ReturnType<typeof startDemoDesk>>;
beforeAll(async () => {
  desk = await startDemoDesk();
});
afterAll(async () => {
  await desk?.h.close();
});

const handoff = (id: string) => handoffById(desk.h, id);
const handoffOf = (conversationId: string) => fixtureHandoffOf(desk.h, conversationId);

describe("an agent taken off duty: their customers' handoffs", () => {
  it.each([
    { change: { disabled: true }, language: 'en' as const, told: 'back in the queue' },
    { change: { role: 'viewer' }, language: 'zh' as const, told: '已为您重新排队' },
  ])(
    'should go back to the queue when the agent is changed by $change, the customer told and keeping the wait',
    async ({ change, language, told }) => {
      // Disabling ends the agent's sessions: each case logs in afresh.
      const li = (await desk.h.xiaoer.auth.login('agent-li', DEMO_AGENT_PASSWORD))?.token ?? '';
      await goOnline(desk.h, desk.wang, 'away');
      await goOnline(desk.h, li);
      const chat = await ChatClient.open(desk.h, {
        id: `off-duty-${language}`,
        tier: 'normal',
        language,
      });
      await chat.say(language === 'en' ? 'agent' : '转人工');
      await expect.poll(async () => (await handoffOf(chat.id)).agentId).toBe('agent-li');
      const first = await handoffOf(chat.id);

      const changed = await desk.h.request('PATCH', '/api/users/agent-li', change);
      expect(changed.status).toBe(200);
      expect(await handoff(first._id)).toMatchObject({
        status: 'transferred',
        endReason: 'agent-off-duty',
      });
      await expect.poll(async () => (await handoffOf(chat.id))._id).not.toBe(first._id);
      const next = await handoffOf(chat.id);
      expect(next).toMatchObject({ status: 'waiting', enqueuedAt: first.enqueuedAt });
      await chat.waitFor((m) => m.from === 'bot' && m.text.includes(told));
      const agents = (await (await desk.h.request('GET', '/api/agents')).json()) as {
        agents: { _id: string; status: string; awayReason?: string | null }[];
      };
      expect(agents.agents.find((a) => a._id === 'agent-li')).toMatchObject({
        status: 'away',
        awayReason: 'off-duty',
      });

      await goOnline(desk.h, desk.wang);
      await expect.poll(async () => (await handoffOf(chat.id)).agentId).toBe('agent-wang');
      await desk.h.request('POST', `/api/conversations/${chat.id}/close`, {}, desk.wang);
      // Back on duty for the next case.
      const restored = await desk.h.request('PATCH', '/api/users/agent-li', {
        disabled: false,
        role: 'agent',
      });
      expect(restored.status).toBe(200);
    },
  );

  it('should end the old handoff when a return stopped after making the new one (a crash), not leave it assigned', async () => {
    const li = (await desk.h.xiaoer.auth.login('agent-li', DEMO_AGENT_PASSWORD))?.token ?? '';
    await goOnline(desk.h, desk.wang, 'away');
    await goOnline(desk.h, li);
    const chat = await ChatClient.open(desk.h, { id: 'off-duty-crash', tier: 'normal' });
    await chat.say('转人工');
    await expect.poll(async () => (await handoffOf(chat.id)).agentId).toBe('agent-li');
    const first = await handoffOf(chat.id);
    // What a return that crashed right after its first write left: the new handoff, waiting.
    const stored = await desk.h.xiaoer.models.Handoffs.findById(first._id).lean();
    await desk.h.xiaoer.models.Handoffs.create({
      ...stored,
      _id: returnedHandoffId(first._id),
      status: 'waiting',
      agentId: null,
      assignedAt: null,
      transferredFrom: first._id,
    });

    expect((await desk.h.request('PATCH', '/api/users/agent-li', { disabled: true })).status).toBe(
      200,
    );
    expect(await handoff(first._id)).toMatchObject({
      status: 'transferred',
      endReason: 'agent-off-duty',
      transferredTo: returnedHandoffId(first._id),
    });
    await expect
      .poll(async () => (await handoffOf(chat.id))._id)
      .toBe(returnedHandoffId(first._id));
    await desk.h.request('POST', `/api/conversations/${chat.id}/close`, {});
    expect((await desk.h.request('PATCH', '/api/users/agent-li', { disabled: false })).status).toBe(
      200,
    );
  });
});
