import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { customer, goOnline, setupGroup } from '../routing/routing-fixture.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
});
afterAll(async () => h?.close());

const status = async (chat: ChatClient) =>
  (
    (await (await h.request('GET', `/api/conversations/${chat.id}`)).json()) as {
      conversation: { status: string };
    }
  ).conversation.status;

describe('closing conversations the customer left', () => {
  it('should close idle conversations with the bot in their language, never one an agent has', async () => {
    const tokens = await setupGroup(h, 'idle-group', [{ id: 'idle-agent', maxConcurrent: 2 }]);
    await goOnline(h, tokens['idle-agent'] ?? '');
    const zh = await ChatClient.open(h, { id: 'idle-zh', language: 'zh' });
    await zh.say('zzqx kkvp wq');
    await zh.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
    const en = await ChatClient.open(h, { id: 'idle-en', language: 'en' });
    await en.say('qqzx vvkp');
    await en.waitFor((m) => m.from === 'bot' && m.text.includes('did not quite'));
    const withAgent = await ChatClient.open(h, { id: 'idle-agent-customer', language: 'zh' });
    await h.xiaoer.routing.enqueue({
      conversationId: withAgent.id,
      customer: customer('idle-agent-customer'),
      group: 'idle-group',
    });
    await h.xiaoer.desk.assigned(withAgent.id, 'h-idle', 'idle-agent');

    // Not idle yet: nothing closes.
    expect(await h.xiaoer.desk.closeIdle(60_000)).toBe(0);
    // A minute later, the two bot conversations are idle; the agent's is kept.
    expect(await h.xiaoer.desk.closeIdle(60_000, Date.now() + 61_000)).toBe(2);
    expect(await status(zh)).toBe('closed');
    expect(await status(en)).toBe('closed');
    expect(await status(withAgent)).toBe('withAgent');
    expect((await zh.messages()).at(-1)?.text).toContain('会话已结束');
    expect((await en.messages()).at(-1)?.text).toContain('closed after a while');
    // Closed ones leave the open list: a second sweep finds nothing.
    expect(await h.xiaoer.desk.closeIdle(60_000, Date.now() + 61_000)).toBe(0);

    await h.xiaoer.analytics.rollup();
    const report = (await (await h.request('GET', '/api/analytics/dashboard')).json()) as {
      service: { closed: number; automated: number; resolved: number };
    };
    // Both were the bot's alone, and its last word was "not understood".
    expect(report.service).toMatchObject({ closed: 2, automated: 2, resolved: 0 });
  });

  it("should close a conversation left for half an hour by the server's own sweep, when the clock gets there", async () => {
    const left = await ChatClient.open(h, { id: 'idle-left', language: 'zh' });
    await left.say('zzqx kkvp wq');
    await left.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
    expect(await status(left)).toBe('open');
    await h.clock.advance(31 * 60_000);
    await expect.poll(() => status(left)).toBe('closed');
    expect((await left.messages()).at(-1)?.text).toContain('会话已结束');
  });
});
