import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore, createModels } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * A stream replays the messages after the last one its client saw. Up to the conversation's
 * `lastSeq` hint every number exists; past it the store probes a few numbers, then twice as
 * many, until a gap: the hint lags only by appends under way. The hint's numbers and the first
 * probe are one `find` of an id list, so a stream opening on a quiet conversation costs one read.
 */
let store: RunningStore;
let connection: Connection;
/** Models compile once per connection: the tests share the store. */
let conversations: ConversationStore;
let models: ReturnType<typeof createModels>;

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri, { monitorCommands: true }).asPromise();
  models = createModels(connection);
  conversations = new ConversationStore(models);
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe('replaying a conversation', () => {
  it('should find every message past a lagging hint, reading few numbers past it', async () => {
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

    // Reads: up to the hint and four past it in one find; a run past that, twice as many next.
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
    expect(reads).toHaveLength(1); // numbers 5 to 9: 6 is missing, so that is all
    // Only the run without a gap counts: a message whose append is under way is not skipped.
    await connection
      .collection('conversationMessages')
      .deleteOne({ _id: `${conversation._id}:3` as never });
    expect(await texts(0)).toEqual(['一', '二']);
  });
  it("should number a message after the caller's hint without reading the conversation, a stale hint costing only a retry", async () => {
    const { conversation } = await conversations.open({
      id: 'replay-2',
      tier: 'normal',
      language: 'en',
    });
    const first = await conversations.append(conversation._id, { from: 'customer', text: 'a' }, 0);
    expect(first.seq).toBe(1);
    // The hint lags by one (another message was appended meanwhile): the next number is taken.
    const second = await conversations.append(conversation._id, { from: 'bot', text: 'b' }, 0);
    expect(second.seq).toBe(2);
    expect((await conversations.get(conversation._id))?.lastSeq).toBe(2);
    expect(
      (await conversations.messagesAfter(conversation._id, 0)).map((m) => [m.seq, m.text]),
    ).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('should store a plain message exactly as its schema would, without a document on the way', async () => {
    // Plain messages skip mongoose's document (casts, defaults, validation) for speed: what
    // lands must still be what the schema makes of them, if the schema changes too.
    const { conversation } = await conversations.open({
      id: 'plain-1',
      tier: 'normal',
      language: 'zh',
    });
    const said = await conversations.append(conversation._id, {
      from: 'agent',
      text: '您好，我看一下',
      author: 'agent-1',
      authorName: '小王',
      clientId: 'c-1',
    });
    const stored = await connection
      .collection('conversationMessages')
      .findOne({ _id: said._id as never });
    expect(stored).toEqual(new models.Messages(said).toObject());
  });
});
