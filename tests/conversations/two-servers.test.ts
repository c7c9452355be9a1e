import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient, readStream } from './chat-client.ts';

/**
 * Two server processes' worth of Xiaoer on one store (each its own connection, hub and HTTP
 * server): a customer's stream on one gets what an agent writes through the other.
 */
let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness();
  b = await startHarness({ store: a.store });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('a chat across two servers', () => {
  it('should deliver a message written through one server to a stream held on the other, in order', async () => {
    const chat = await ChatClient.open(a);
    const onB = readStream(
      `${b.url}/api/chat/conversations/${chat.id}/stream?token=${chat.token}`,
      4,
    );
    await expect.poll(() => b.xiaoer.desk.hub.openStreams).toBe(1);
    for (const text of ['第一句 / one', '第二句 / two', '第三句 / three']) {
      const sent = await a.request('POST', `/api/conversations/${chat.id}/messages`, { text });
      expect(sent.status).toBe(201);
    }
    // b learns of a's messages by its sweep (every second): run it now.
    await b.clock.advance(1000);
    const { ids, messages } = await onB;
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(messages.slice(1).map((m) => m.text)).toEqual([
      '第一句 / one',
      '第二句 / two',
      '第三句 / three',
    ]);
  });

  it('should number messages written at once through both servers without gaps or doubles', async () => {
    const chat = await ChatClient.open(a);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).request('POST', `/api/conversations/${chat.id}/messages`, {
          text: `#${i}`,
        }),
      ),
    );
    const all = await chat.messages();
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(
      all
        .slice(1)
        .map((m) => m.text)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `#${i}`).sort());
  });
});
