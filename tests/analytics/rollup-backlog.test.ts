import { describe, expect, it, vi } from 'vitest';
import mongoose from 'mongoose';
import { AnalyticsRollup, createModels } from '@xiaoer/server/internal';
import { deleteByIds } from '../../packages/server/src/model/delete-by-ids.ts';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * A backlog of facts many batches long (a rollup that could not run for a while) is rolled up
 * exactly once and its facts deleted by `_id`, not by `$in` — which FerretDB answers by reading
 * the whole backlog again for every batch.
 */
const store = modelsOnTestStore();

const opened = (i: number) => ({
  _id: `opened|backlog-${i}`,
  kind: 'opened',
  // 2026-03-02 09:00 in Shanghai, one a minute.
  at: new Date(Date.UTC(2026, 2, 2, 1, i)),
  channel: i % 3 === 0 ? 'app' : 'web',
  recordedAt: new Date(),
});

describe('deleteByIds', () => {
  it('should delete exactly the given ids, 500 to a statement', async () => {
    const { AnalyticsFacts } = store.models;
    await AnalyticsFacts.collection.insertMany(
      Array.from({ length: 640 }, (_, i) => opened(1000 + i)) as never[],
    );
    const deletes = vi.spyOn(AnalyticsFacts.collection, 'deleteMany');
    expect(await deleteByIds(AnalyticsFacts, ['opened|backlog-1000', 'opened|backlog-1001'])).toBe(
      2,
    );
    expect(deletes).toHaveBeenCalledTimes(1);
    // 601 ids, one of them missing: two statements.
    const ids = Array.from({ length: 601 }, (_, i) => `opened|backlog-${1001 + i}`);
    expect(await deleteByIds(AnalyticsFacts, ids)).toBe(600);
    expect(deletes).toHaveBeenCalledTimes(3);
    deletes.mockRestore();
    const left = await AnalyticsFacts.find({}, { _id: 1 }).lean();
    expect(left.map((f) => f._id).sort()).toEqual(
      Array.from({ length: 38 }, (_, i) => `opened|backlog-${1602 + i}`).sort(),
    );
    await AnalyticsFacts.deleteMany({});
  });
});

describe('a rollup of a backlog', () => {
  it('should count every fact of a backlog of many batches once and leave none', async () => {
    const facts = Array.from({ length: 150 }, (_, i) => opened(i));
    await store.models.AnalyticsFacts.collection.insertMany(facts as never[]);
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'Asia/Shanghai', batchSize: 10 });
    const deletes = vi.spyOn(store.models.AnalyticsFacts.collection, 'deleteMany');
    const result = await rollup.run();
    expect(result).toMatchObject({ ran: true, facts: 150 });
    // 150 facts in batches of 10: one `$in` delete per batch.
    expect(deletes).toHaveBeenCalledTimes(15);
    deletes.mockRestore();
    expect(await store.models.AnalyticsFacts.find({}).lean()).toEqual([]);
    const days = await store.models.ConversationDays.find({}).lean();
    const total = (channel: string) =>
      days
        .filter((day) => day.channel === channel)
        .flatMap((day) => day.opened)
        .reduce((a, b) => a + b, 0);
    expect(total('app')).toBe(50);
    expect(total('web')).toBe(100);
    expect((await rollup.run()).facts).toBe(0);
  });

  it('should stop after its batch when another process took its lease over', async () => {
    await store.models.ConversationDays.deleteMany({});
    await store.models.AnalyticsFacts.collection.insertMany(
      Array.from({ length: 30 }, (_, i) => opened(1000 + i)) as never[],
    );
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'Asia/Shanghai', batchSize: 10 });
    const control = store.models.RollupControl;
    const renew = control.updateOne.bind(control);
    // Just before the first renewal, the lease passes to another process (it took ours over).
    const spy = vi
      .spyOn(control, 'updateOne')
      .mockImplementationOnce(((...args: Parameters<typeof renew>) =>
        control.collection
          .updateOne({ _id: 'rollup' } as never, { $set: { owner: 'thief' } })
          .then(() => renew(...args))) as unknown as typeof renew);
    const result = await rollup.run();
    spy.mockRestore();
    expect(result).toMatchObject({ ran: true, facts: 10 });
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(20);
    await control.deleteOne({ _id: 'rollup', owner: 'thief' });
    expect((await rollup.run()).facts).toBe(20);
    const days = await store.models.ConversationDays.find({}).lean();
    expect(days.flatMap((day) => day.opened).reduce((a, b) => a + b, 0)).toBe(30);
  });

  it("should read each batch's packs, not the whole backlog again for every batch", async () => {
    await store.models.ConversationDays.deleteMany({});
    // The rollup on a connection of its own whose commands are watched: the fact documents the
    // store sends back to its reads.
    const watched = await mongoose
      .createConnection(store.uri, { monitorCommands: true })
      .asPromise();
    const reads = new Map<number, string>();
    let documentsRead = 0;
    watched.getClient().on('commandStarted', (event) => {
      const command = event.command as Record<string, unknown>;
      const collection = event.commandName === 'getMore' ? command['collection'] : command['find'];
      if (collection === 'analyticsFacts') reads.set(event.requestId, String(collection));
    });
    watched.getClient().on('commandSucceeded', (event) => {
      if (!reads.delete(event.requestId)) return;
      const cursor = (event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } })
        .cursor;
      documentsRead += (cursor?.firstBatch ?? cursor?.nextBatch ?? []).length;
    });
    // A backlog of 100 packs of 10 facts, as the recorders write them; batches of 100 facts.
    const packs = Array.from({ length: 100 }, (_, p) => ({
      _id: `pack-backlog-${p}`,
      facts: Array.from({ length: 10 }, (_, i) => opened(2000 + p * 10 + i)),
      recordedAt: new Date(),
    }));
    await store.models.AnalyticsFacts.collection.insertMany(packs as never[]);
    try {
      const rollup = new AnalyticsRollup(createModels(watched), {
        timeZone: 'Asia/Shanghai',
        batchSize: 100,
      });
      expect(await rollup.run()).toMatchObject({ ran: true, facts: 1000 });
      // Reading up to a batch's size in documents (100 packs: here the whole backlog) for each
      // of the 10 batches reads 100 + 90 + 80 + … = 550 documents; each batch reads its 10
      // packs and what is left of its round trip (16 documents the first time, then 11).
      expect(documentsRead).toBeGreaterThanOrEqual(100);
      expect(documentsRead).toBeLessThanOrEqual(160);
      expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
      const days = await store.models.ConversationDays.find({}).lean();
      expect(days.flatMap((day) => day.opened).reduce((a, b) => a + b, 0)).toBe(1000);
    } finally {
      await watched.close();
    }
  });
});
