import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { ChatClient } from './chat-client.ts';

/**
 * Issue 17: a chat message that no published journey could take (none correlates on anything
 * in it) is answered without being recorded as journey events: no inbox entry, no event record.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow); // correlates on counterId, which chat events never carry
});
afterAll(async () => h?.close());

describe('a chat with no journey listening', () => {
  it('should answer the customer and record no journey events', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('qwzx plorf');
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
    const { Events, Inbox } = h.xiaoer.models;
    expect(await Events.countDocuments({ source: 'chat' })).toBe(0);
    expect(await Inbox.countDocuments()).toBe(0);
  });
});
