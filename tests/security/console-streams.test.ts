import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { CONVERSATION_STREAMS_PER_USER } from '@xiaoer/server/internal';
import { setupGroup, userToken } from '../routing/routing-fixture.ts';
import { openStream, type OpenStream } from '../runtime/event-stream-client.ts';
import { ChatClient } from '../conversations/chat-client.ts';

/**
 * The desk's live conversation streams hold a connection and a subscription each: one login
 * (a viewer's, the least role) opened them without end. Capped per user, like the instance
 * pages: one more is a 429 `too-many-streams`, and a closed one frees its slot.
 */
let h: Harness;
let chat: ChatClient;

beforeAll(async () => {
  h = await startHarness();
  chat = await ChatClient.open(h);
});
afterAll(async () => h?.close());

describe('live conversation streams per user', () => {
  it('should refuse one more than the cap, on either stream, until one closes', async () => {
    const viewer = await userToken(h, 'stream-hoarder', 'viewer');
    const one = `${h.url}/api/conversations/${chat.id}/stream`;
    const many = `${h.url}/api/conversations/stream?follow=${chat.id}:0`;
    const streams: OpenStream<unknown>[] = [];
    for (let i = 0; i < CONVERSATION_STREAMS_PER_USER; i++)
      streams.push(await openStream(i % 2 ? many : one, viewer, 'message'));
    for (const url of [one, many]) {
      const refused = await h.request('GET', url.slice(h.url.length), undefined, viewer);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
      const { error } = (await refused.json()) as {
        error: { code: string; message: { zh: string; en: string } };
      };
      expect(error.code).toBe('too-many-streams');
      expect(error.message.zh && error.message.en).toBeTruthy();
    }
    await streams.pop()?.close();
    await expect
      .poll(async () => {
        const again = await openStream(one, viewer, 'message').catch(() => undefined);
        if (again) streams.push(again);
        return again !== undefined;
      })
      .toBe(true);
    await Promise.all(streams.map((stream) => stream.close()));
  });
});

/*
 * A console login that no longer stands keeps no live page. A disable, a password reset or a
 * role change ends the user's sessions or changes their rights at once for every request — but
 * a live stream (server-sent events) was authenticated once, when it opened: a disabled
 * viewer's open conversation page went on receiving every customer message.
 */
interface Message {
  text: string;
}

const streamOf = (token: string) =>
  openStream<Message>(`${h.url}/api/conversations/${chat.id}/stream`, token, 'message');

describe('live streams of a login that no longer stands', () => {
  it.each([
    ['disabled', { disabled: true }],
    ['given a new password', { password: 'a-new-password-123' }],
    ['made an agent', { role: 'agent' }],
  ])('should end a viewer’s stream once they are %s, and no one else’s', async (what, change) => {
    const id = `watcher-${what.split(' ')[0]}`;
    const watcher = await streamOf(await userToken(h, id, 'viewer'));
    const admin = await streamOf(h.token);
    let ended = false;
    void watcher.ended.then(() => (ended = true));
    try {
      expect((await h.request('PATCH', `/api/users/${id}`, change)).status).toBe(200);
      await expect.poll(() => ended, { timeout: 5_000, interval: 20 }).toBe(true);
      await chat.say(`after ${what}`);
      await admin.waitFor((m) => m.text === `after ${what}`);
      expect(watcher.events.map((m) => m.text)).not.toContain(`after ${what}`);
    } finally {
      await Promise.all([watcher.close(), admin.close()]);
    }
  });

  it("should end an agent's inbox stream once they are made a viewer, and not let it open again", async () => {
    const { 'demoted-agent': agent = '' } = await setupGroup(h, 'demotion', [
      { id: 'demoted-agent', maxConcurrent: 1 },
    ]);
    const url = `${h.url}/api/agents/me/inbox/stream`;
    const inbox = await openStream<unknown>(url, agent, 'inbox');
    let ended = false;
    void inbox.ended.then(() => (ended = true));
    try {
      const demoted = await h.request('PATCH', '/api/users/demoted-agent', { role: 'viewer' });
      expect(demoted.status).toBe(200);
      await expect.poll(() => ended, { timeout: 5_000, interval: 20 }).toBe(true);
      const again = await h.request('GET', url.slice(h.url.length), undefined, agent);
      expect(again.status).toBe(403);
    } finally {
      await inbox.close();
    }
  });
});
