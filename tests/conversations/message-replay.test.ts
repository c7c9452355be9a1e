import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore, createModels } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * A stream replays the messages after the last one its client saw. Up to the conversation's
 * `lastSeq` hint every number exists; past it the store probes one number, then twice as many,
 * until a gap: the hint lags only by appends under way, and a conversation of one message costs
 * two reads instead of twenty.
 */
let store: RunningStore;
let connection: Connection;

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri, { monitorCommands: true }).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe('replaying a conversation', () => {
  it('should find every message past a lagging hint, reading few numbers past it', async () => {
    const conversations = new ConversationStore(createModels(connection));
    const { conversation } = await conversations.open({
      id: 'replay-1',
      tier: 'normal',
      language: 'zh',
    });
    for (const text of ['一', '二', '三', '四', '五'])
      await conversations.append(conversation._id, { from: 'customer', text });
    const texts = async (after: number) =>
      (await conversations.messagesAfter(conversation._id, after)).map((m) => m.text);
    expect(await texts(0)).toEqual(['一', '二', '三', '四', '五']);
    expect(await texts(3)).toEqual(['四', '五']);
    expect(await texts(5)).toEqual([]);

    // Appends under way have not moved the hint yet: the probe still finds them.
    await connection
      .collection('conversations')
      .updateOne({ _id: conversation._id as never }, { $set: { lastSeq: 1 } });
    expect(await texts(0)).toEqual(['一', '二', '三', '四', '五']);
    expect(await texts(2)).toEqual(['三', '四', '五']);

    // Reads: up to the hint, then one number, two, four... not twenty at once.
    await connection
      .collection('conversations')
      .updateOne({ _id: conversation._id as never }, { $set: { lastSeq: 5 } });
    const reads: string[] = [];
    const client = connection.getClient();
    const listen = (event: { commandName: string; command: Record<string, unknown> }) => {
      if (event.commandName === 'find' && event.command['find'] === 'conversationMessages')
        reads.push(JSON.stringify(event.command['filter']));
    };
    client.on('commandStarted', listen);
    try {
      expect(await texts(4)).toEqual(['五']);
    } finally {
      client.off('commandStarted', listen);
    }
    expect(reads).toHaveLength(2); // number 5, then the probe of number 6
  });
});
