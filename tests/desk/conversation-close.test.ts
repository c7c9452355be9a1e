import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatClient } from '../conversations/chat-client.ts';
import { goOnline, startDemoDesk } from '../routing/routing-fixture.ts';

/**
 * Closing a conversation ends its open handoff: closed by an agent, by a supervisor or by the
 * customer, waiting or assigned, the handoff ends as `abandoned` (not resolved) with who closed
 * it, when and why. Before, it stayed `assigned` (or `waiting`): the agent's slot stayed taken,
 * the queue counted a customer who had gone, and the desk listed a closed conversation.
 */
let desk: Awaited<ReturnType<typeof startDemoDesk>>;
beforeAll(async () => void (desk = await startDemoDesk()));
afterAll(() => desk?.h.close());

interface Handoff {
  _id: string;
  status: string;
  agentId?: string | null;
  resolvedAt?: string | null;
  endedBy?: string | null;
  endedByRole?: string | null;
  endReason?: string | null;
}

const conversationOf = async (id: string) =>
  (
    (await (await desk.h.request('GET', `/api/conversations/${id}`)).json()) as {
      conversation: { status: string; handoffId?: string };
    }
  ).conversation;
const handoffOf = async (id: string) =>
  ((await (await desk.h.request('GET', `/api/handoffs/${id}`)).json()) as { handoff: Handoff })
    .handoff;
const inboxOf = async (token: string) =>
  (
    (await (await desk.h.request('GET', '/api/agents/me/inbox', undefined, token)).json()) as {
      handoffs: Handoff[];
    }
  ).handoffs;
const afterSales = async () =>
  (
    (await (await desk.h.request('GET', '/api/queues')).json()) as {
      queues: { group: string; waiting: number }[];
    }
  ).queues.find((q) => q.group === 'after-sales');

/** A customer who asked for a person and waits until the desk says where they stand. */
async function handedOver(id: string): Promise<{ chat: ChatClient; handoffId: string }> {
  const chat = await ChatClient.open(desk.h, { id, tier: 'normal', language: 'zh' });
  await chat.say('转人工');
  const handoffId = await vi.waitFor(
    async () => {
      const conversation = await conversationOf(chat.id);
      if (!conversation.handoffId || conversation.status === 'open') throw new Error('not yet');
      return conversation.handoffId;
    },
    { timeout: 15_000, interval: 100 },
  );
  return { chat, handoffId };
}

describe('closing a conversation with an open handoff', () => {
  it("should end the agent's handoff, free their slot for the next customer and tell who closed it", async () => {
    // One slot: the second customer waits until the first one's handoff ends.
    const saved = await desk.h.request('PUT', '/api/agents/agent-li', {
      skills: ['after-sales'],
      maxConcurrent: 1,
    });
    expect(saved.status).toBe(200);
    await goOnline(desk.h, desk.li);
    const first = await handedOver('close-1');
    expect((await handoffOf(first.handoffId)).status).toBe('assigned');
    const second = await handedOver('close-2');
    expect((await handoffOf(second.handoffId)).status).toBe('waiting');

    const closed = await desk.h.request(
      'POST',
      `/api/conversations/${first.chat.id}/close`,
      undefined,
      desk.li,
    );
    expect(closed.status).toBe(200);

    const ended = await handoffOf(first.handoffId);
    expect(ended).toMatchObject({
      status: 'abandoned',
      agentId: 'agent-li',
      endedBy: 'user:agent-li',
      endedByRole: 'agent',
      endReason: 'conversation-closed',
    });
    expect(ended.resolvedAt).toEqual(expect.any(String));
    expect((await conversationOf(first.chat.id)).status).toBe('closed');
    // The slot went to the customer who waited.
    expect((await handoffOf(second.handoffId)).status).toBe('assigned');
    expect((await inboxOf(desk.li)).map((h) => h._id)).toEqual([second.handoffId]);
    expect((await afterSales())?.waiting).toBe(0);
    // Closed is for good: the desk cannot resolve it now, and says why.
    const resolve = await desk.h.request(
      'POST',
      `/api/conversations/${first.chat.id}/resolve`,
      {},
      desk.li,
    );
    expect(resolve.status).toBe(409);
    await goOnline(desk.h, desk.li, 'away');
  });

  it('should end a waiting handoff when the customer closes the chat, leaving the queue', async () => {
    const before = (await afterSales())?.waiting ?? 0;
    const { chat, handoffId } = await handedOver('close-3');
    expect((await handoffOf(handoffId)).status).toBe('waiting');
    expect((await afterSales())?.waiting).toBe(before + 1);

    expect((await chat.call('POST', '/close')).status).toBe(200);

    expect(await handoffOf(handoffId)).toMatchObject({
      status: 'abandoned',
      endedBy: 'customer',
      endReason: 'conversation-closed',
    });
    expect((await afterSales())?.waiting).toBe(before);
  });
});

describe('a conversation transferred to another skill group', () => {
  it('should follow the new handoff: queued there, out of the first agent’s hands, ended when the customer leaves', async () => {
    await goOnline(desk.h, desk.wang);
    const { chat, handoffId } = await handedOver('transfer-1');
    expect(await handoffOf(handoffId)).toMatchObject({ status: 'assigned', agentId: 'agent-wang' });
    // Nobody serves pre-sales now (agent-li works after-sales only since the first test).
    const moved = await desk.h.request(
      'POST',
      `/api/handoffs/${handoffId}/transfer`,
      { group: 'pre-sales' },
      desk.wang,
    );
    expect(moved.status).toBe(200);
    const next = ((await moved.json()) as Handoff)._id;
    expect(await handoffOf(next)).toMatchObject({ status: 'waiting' });
    expect(await conversationOf(chat.id)).toMatchObject({ status: 'queued', handoffId: next });
    await chat.waitFor((m) => m.text.includes('转接其他客服'));
    // The first agent no longer has it.
    const reply = await desk.h.request(
      'POST',
      `/api/conversations/${chat.id}/messages`,
      { text: '还在吗' },
      desk.wang,
    );
    expect(reply.status).toBe(403);

    expect((await chat.call('POST', '/close')).status).toBe(200);
    expect(await handoffOf(next)).toMatchObject({ status: 'abandoned', endedBy: 'customer' });
    const queues = (await (await desk.h.request('GET', '/api/queues')).json()) as {
      queues: { group: string; waiting: number }[];
    };
    expect(queues.queues.find((q) => q.group === 'pre-sales')?.waiting).toBe(0);
    await goOnline(desk.h, desk.wang, 'away');
  });
});

describe('a conversation after its handoff was resolved', () => {
  it('should be out of the agent’s hands until the customer asks for a person again', async () => {
    await goOnline(desk.h, desk.wang);
    const { chat, handoffId } = await handedOver('reopen-1');
    expect(await handoffOf(handoffId)).toMatchObject({ agentId: 'agent-wang' });
    const path = `/api/conversations/${chat.id}`;
    const resolved = await desk.h.request('POST', `${path}/resolve`, {}, desk.wang);
    expect(resolved.status).toBe(200);
    expect((await conversationOf(chat.id)).status).toBe('open');
    // The bot has it again: the agent neither answers in it nor closes it (409 not-with-agent).
    const late = { text: '还有别的问题吗' };
    expect((await desk.h.request('POST', `${path}/messages`, late, desk.wang)).status).toBe(409);
    expect((await desk.h.request('POST', `${path}/close`, undefined, desk.wang)).status).toBe(409);
    expect((await conversationOf(chat.id)).status).toBe('open');

    // Handed over again, it is theirs again.
    await chat.say('转人工');
    await vi.waitFor(
      async () => {
        const again = await conversationOf(chat.id);
        if (again.status !== 'withAgent' || again.handoffId === handoffId)
          throw new Error('not yet');
      },
      { timeout: 15_000, interval: 100 },
    );
    expect((await desk.h.request('POST', `${path}/messages`, late, desk.wang)).status).toBe(201);
    await goOnline(desk.h, desk.wang, 'away');
  });
});
