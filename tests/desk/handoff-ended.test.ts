import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../conversations/chat-client.ts';
import { goOnline, startDemoDesk } from '../routing/routing-fixture.ts';

/**
 * A handoff ended through `/api/handoffs/:id/resolve` (a supervisor, a script) gives the
 * conversation back to the bot as the desk's resolve does; it was left "with an agent" on a
 * closed handoff, and the customer's next line went unanswered.
 */
let desk: Awaited<ReturnType<typeof startDemoDesk>>;
beforeAll(async () => void (desk = await startDemoDesk()));
afterAll(() => desk?.h.close());

const statusOf = async (id: string) =>
  (
    (await (await desk.h.request('GET', `/api/conversations/${id}`)).json()) as {
      conversation: { status: string };
    }
  ).conversation.status;

describe('a handoff ended outside the desk', () => {
  it('should give the conversation back to the bot, which answers the next line', async () => {
    await goOnline(desk.h, desk.li);
    const chat = await ChatClient.open(desk.h, { id: 'ended-1', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
    const { conversation } = (await (
      await desk.h.request('GET', `/api/conversations/${chat.id}`)
    ).json()) as {
      conversation: { handoffId: string; status: string };
    };
    expect(conversation.status).toBe('withAgent');
    const resolved = await desk.h.request(
      'POST',
      `/api/handoffs/${conversation.handoffId}/resolve`,
    );
    expect(resolved.status).toBe(200);
    expect(await statusOf(chat.id)).toBe('open');
    await chat.say('qwzx plorf');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
    // The desk's own resolve now finds nothing to end, and says so.
    const again = await desk.h.request('POST', `/api/conversations/${chat.id}/resolve`, {});
    expect(again.status).toBe(409);
  });
});
