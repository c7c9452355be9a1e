import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { startDemoDesk } from '../routing/routing-fixture.ts';
import { openStream } from '../runtime/event-stream-client.ts';

/**
 * Issue 22: the desk follows the conversations it does not show on one server-sent event
 * stream (their unread marks) instead of asking for each one every few seconds.
 */
let h: Harness;
let li: string;

interface Line {
  conversationId: string;
  seq: number;
  from: string;
  text: string;
}

const follow = (pairs: string) =>
  openStream<Line>(`${h.url}/api/conversations/stream?follow=${pairs}`, li, 'message');

beforeAll(async () => {
  ({ h, li } = await startDemoDesk());
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/conversations/stream', () => {
  it('should send the lines after each number given, then new ones of every conversation followed', async () => {
    const first = await ChatClient.open(h, { id: 'follow-1', tier: 'normal', language: 'zh' });
    const second = await ChatClient.open(h, { id: 'follow-2', tier: 'normal', language: 'en' });
    const other = await ChatClient.open(h, { id: 'follow-3', tier: 'normal', language: 'en' });
    await first.say('你好');
    const said = (await (
      await h.request('GET', `/api/conversations/${first.id}`, undefined, li)
    ).json()) as { messages: { seq: number }[] };
    const seen = Math.max(...said.messages.map((m) => m.seq));
    const stream = await follow(`${first.id}:${seen},${second.id}:0`);
    try {
      // The second's lines so far replayed; nothing of the first up to the number given.
      await stream.waitFor((line) => line.conversationId === second.id);
      expect(stream.events.filter((line) => line.conversationId === first.id)).toEqual([]);
      await first.say('我的订单到哪了');
      await second.say('where is my parcel');
      await other.say('not followed');
      const newer = await stream.waitFor(
        (line) => line.conversationId === first.id && line.text === '我的订单到哪了',
      );
      expect(newer).toMatchObject({ from: 'customer' });
      expect(newer.seq).toBeGreaterThan(seen);
      await stream.waitFor(
        (line) => line.conversationId === second.id && line.text === 'where is my parcel',
      );
      expect(stream.events.some((line) => line.conversationId === other.id)).toBe(false);
      // Each conversation's lines in order, once each.
      for (const id of [first.id, second.id]) {
        const seqs = stream.events.filter((l) => l.conversationId === id).map((l) => l.seq);
        expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      }
    } finally {
      await stream.close();
    }
  });

  it('should refuse a malformed or too long list (400), an unknown conversation (404), no login (401)', async () => {
    const chat = await ChatClient.open(h, { id: 'follow-4', tier: 'normal', language: 'zh' });
    const get = (query: string, token: string | undefined = li) =>
      fetch(`${h.url}/api/conversations/stream${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    for (const query of [
      '',
      '?follow=',
      `?follow=${chat.id}`,
      `?follow=${chat.id}:x`,
      '?follow=a b:1',
    ]) {
      const response = await get(query);
      expect([query, response.status]).toEqual([query, 400]);
      const body = (await response.json()) as { error: { code: string; message: { zh: string } } };
      expect(body.error.code).toBe('invalid-query');
      expect(body.error.message.zh).toBeTruthy();
    }
    const tooMany = Array.from({ length: 51 }, () => `${chat.id}:0`).join(',');
    const refused = await get(`?follow=${tooMany}`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'invalid-query',
    );
    expect((await get(`?follow=${chat.id}:0,c-no-such-conversation:0`)).status).toBe(404);
    expect((await get(`?follow=${chat.id}:0`, '')).status).toBe(401);
  });
});
