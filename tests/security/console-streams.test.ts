import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { CONVERSATION_STREAMS_PER_USER } from '@xiaoer/server/internal';
import { userToken } from '../routing/routing-fixture.ts';
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
