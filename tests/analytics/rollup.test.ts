import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import {
  AnalyticsRollup,
  FactRecorder,
  createModels,
  type AnalyticsFact,
} from '@xiaoer/server/internal';
import { systemClock } from '@xiaoer/server';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/** The rollup on the real store: exactly once, with a dead run's batch and a rival process. */
const store = modelsOnTestStore();
const ZONE = 'Asia/Shanghai';
// 2026-11-02 10:30 in Shanghai (a Monday).
const at = new Date('2026-11-02T02:30:00Z');

async function record(id: string, fact: AnalyticsFact): Promise<void> {
  await store.models.AnalyticsFacts.collection.insertOne({
    ...fact,
    _id: id,
    recordedAt: new Date(),
  } as never);
}
const opened = (channel = 'web'): AnalyticsFact => ({ kind: 'opened', at, channel });
const day = async (id: string) =>
  store.models.ConversationDays.findById(id).lean<{ opened: number[]; batches: string[] }>();

describe('the hourly rollup', () => {
  it('should count facts in the shop-local day and hour, and drain them', async () => {
    const rollup = new AnalyticsRollup(store.models, { timeZone: ZONE });
    await record('o1', opened());
    await record('o2', opened());
    await record('o3', opened('app'));
    expect(await rollup.run()).toMatchObject({ ran: true, facts: 3, days: 2 });
    expect((await day('2026-11-02|web'))?.opened[10]).toBe(2);
    expect((await day('2026-11-02|app'))?.opened[10]).toBe(1);
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
    expect((await store.models.RollupProgress.findById('progress').lean())?.channels).toEqual([
      'app',
      'web',
    ]);
    expect(await rollup.run()).toMatchObject({ ran: true, facts: 0 });
    expect((await day('2026-11-02|web'))?.opened[10]).toBe(2);
  });

  it('should roll up facts recorded as packs, one document per flush, each fact id once', async () => {
    const rollup = new AnalyticsRollup(store.models, { timeZone: ZONE });
    const recorder = new FactRecorder(
      store.models,
      (error) => {
        throw error;
      },
      systemClock,
    );
    // A day of its own (2026-11-05 in Shanghai), apart from the other tests' days.
    const packed = (channel: string): AnalyticsFact => ({
      kind: 'opened',
      at: new Date('2026-11-05T02:30:00Z'),
      channel,
    });
    for (let n = 0; n < 30; n++) recorder.record(`pack-o${n}`, packed(n < 10 ? 'app' : 'shop'));
    recorder.record('pack-o3', packed('app')); // the same fact again: counted once
    await recorder.flush();
    const stored = await store.models.AnalyticsFacts.find({}).lean<{ facts?: unknown[] }[]>();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.facts).toHaveLength(31);
    await record('single-1', packed('shop')); // a single fact beside the pack
    expect(await rollup.run()).toMatchObject({ ran: true, facts: 31 });
    expect((await day('2026-11-05|app'))?.opened[10]).toBe(10);
    expect((await day('2026-11-05|shop'))?.opened[10]).toBe(21);
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
  });

  it('should redo a batch a dead run left, skipping the days it had already written', async () => {
    const rollup = new AnalyticsRollup(store.models, { timeZone: ZONE });
    // A run wrote ahead batch "dead" for two facts, added them to the web day, then died
    // before the app day and before deleting the facts.
    await record('d1', opened('web'));
    await record('d2', opened('app'));
    await store.models.RollupControl.create({
      _id: 'batch',
      owner: 'dead',
      expiresAt: new Date(Date.now() - 1000),
      factIds: ['d1', 'd2'],
    });
    const web = await day('2026-11-02|web');
    await store.models.ConversationDays.collection.updateOne({ _id: '2026-11-02|web' } as never, {
      $set: { 'opened.10': (web?.opened[10] ?? 0) + 1, batches: [...(web?.batches ?? []), 'dead'] },
    });
    await rollup.run();
    expect((await day('2026-11-02|web'))?.opened[10]).toBe(3);
    expect((await day('2026-11-02|app'))?.opened[10]).toBe(2);
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
    expect(await store.models.RollupControl.findById('batch').lean()).toBeNull();
  });

  it('should let one process roll up at a time, and take over a lease past its time', async () => {
    const first = new AnalyticsRollup(store.models, { timeZone: ZONE });
    await store.models.RollupControl.create({
      _id: 'rollup',
      owner: 'other-process',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await record('l1', opened());
    expect(await first.run()).toMatchObject({ ran: false });
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(1);
    await store.models.RollupControl.updateOne(
      { _id: 'rollup' },
      { $set: { expiresAt: new Date(Date.now() - 1) } },
    );
    expect(await first.run()).toMatchObject({ ran: true, facts: 1 });
    expect((await day('2026-11-02|web'))?.opened[10]).toBe(4);
  });

  it('should give the same totals when two processes roll up the same facts at once', async () => {
    const other = createModels(await mongoose.createConnection(store.uri).asPromise());
    for (let i = 0; i < 200; i++) await record(`p${i}`, opened('race'));
    const results = await Promise.all([
      new AnalyticsRollup(store.models, { timeZone: ZONE }).run(),
      new AnalyticsRollup(other, { timeZone: ZONE }).run(),
    ]);
    // Whoever lost the lease did nothing; a loser that ran after the winner found nothing.
    expect(results.reduce((sum, r) => sum + r.facts, 0)).toBe(200);
    expect((await day('2026-11-02|race'))?.opened[10]).toBe(200);
  });
});
