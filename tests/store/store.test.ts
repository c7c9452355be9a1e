import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection, type Model } from 'mongoose';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * What Xiaoer relies on from its MongoDB-compatible store, proved against the real embedded
 * FerretDB (SQLite backend; PostgreSQL backend with XIAOER_STORE=postgres).
 */
interface Order {
  _id: string;
  customer: string;
  status: string;
  rev: number;
}

let store: RunningStore;
let connection: Connection;
let Orders: Model<Order>;

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri).asPromise();
  Orders = connection.model<Order>(
    'Order',
    new mongoose.Schema<Order>({
      _id: String,
      customer: { type: String, required: true },
      status: { type: String, required: true },
      rev: { type: Number, required: true },
    }),
  );
});

afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe(`the store (${process.env['XIAOER_STORE'] ?? 'sqlite'})`, () => {
  it('should create, find and update documents through Mongoose', async () => {
    await Orders.create({ _id: 'o-1', customer: '张三', status: 'created', rev: 0 });
    const found = await Orders.findById('o-1').lean();
    expect(found).toMatchObject({ customer: '张三', status: 'created' });

    await Orders.updateOne({ _id: 'o-1' }, { $set: { status: 'shipped' } });
    expect((await Orders.findById('o-1').lean())?.status).toBe('shipped');
    expect(await Orders.countDocuments({ status: 'shipped' })).toBe(1);
  });

  it('should find by _id through the _id index, alone or with other fields (patched store)', async () => {
    await Orders.create({ _id: 'o-idx', customer: 'Ann', status: 'created', rev: 0 });
    // The plan the backend chose, as FerretDB's explain reports it (SQLite or PostgreSQL).
    const plan = async (filter: Record<string, unknown>) =>
      JSON.stringify(
        (await connection.db?.command({ explain: { find: 'orders', filter } }))?.['queryPlanner'],
      );
    const usesIndex = /USING INDEX orders_\w+__id_|"Index Scan"/;
    expect(await plan({ _id: 'o-idx' })).toMatch(usesIndex);
    expect(await plan({ _id: 'o-idx', rev: 0 })).toMatch(usesIndex);
    expect(await plan({ customer: 'Ann' })).not.toMatch(usesIndex);
    expect(await Orders.findOne({ _id: 'o-idx', rev: 0 }).lean()).toMatchObject({
      customer: 'Ann',
    });
  });

  it('should read a list of _ids through the _id index and still apply the whole filter (patched store)', async () => {
    await Orders.create([
      { _id: 'in-1', customer: 'Bo', status: 'created', rev: 0 },
      { _id: 'in-2', customer: 'Bo', status: 'shipped', rev: 1 },
      { _id: 'in-3', customer: 'Cy', status: 'created', rev: 0 },
    ]);
    const plan = async (filter: Record<string, unknown>) =>
      JSON.stringify(
        (await connection.db?.command({ explain: { find: 'orders', filter } }))?.['queryPlanner'],
      );
    // PostgreSQL reads a short list as a bitmap index scan.
    const usesIndex = /USING INDEX orders_\w+__id_|"(Bitmap )?Index Scan"/;
    expect(await plan({ _id: { $in: ['in-1', 'in-2'] } })).toMatch(usesIndex);
    // A list holding anything but strings and ObjectIDs is not narrowed (answered by a scan).
    expect(await plan({ _id: { $in: ['in-1', 7] } })).not.toMatch(usesIndex);

    const ids = (docs: { _id: string }[]) => docs.map((d) => d._id).sort();
    expect(ids(await Orders.find({ _id: { $in: ['in-1', 'in-3', 'nope'] } }).lean())).toEqual([
      'in-1',
      'in-3',
    ]);
    // The rest of the filter still decides among the listed documents.
    expect(
      ids(await Orders.find({ _id: { $in: ['in-1', 'in-2', 'in-3'] }, customer: 'Bo' }).lean()),
    ).toEqual(['in-1', 'in-2']);
    // (Through the driver: Mongoose would cast the 7 to a string.)
    const mixed = Orders.collection.find({ _id: { $in: ['in-2', 7] } } as never);
    expect(ids((await mixed.toArray()) as unknown as { _id: string }[])).toEqual(['in-2']);
    // Deletes find their documents the same way.
    await Orders.deleteMany({ _id: { $in: ['in-1', 'in-3'] }, status: 'created' });
    expect(ids(await Orders.find({ customer: { $in: ['Bo', 'Cy'] } }).lean())).toEqual(['in-2']);
  });

  it('should delete exactly the listed _ids, count them, and still apply any other filter (patched store)', async () => {
    await Orders.create([
      { _id: 'del-1', customer: 'Di', status: 'created', rev: 0 },
      { _id: 'del-2', customer: 'Di', status: 'created', rev: 0 },
      { _id: 'del-3', customer: 'Di', status: 'shipped', rev: 1 },
      { _id: 'del-4', customer: 'Di', status: 'created', rev: 0 },
    ]);
    const left = async () =>
      (await Orders.find({ customer: 'Di' }).lean()).map((d) => d._id).sort();
    // A bare list goes straight to the delete: a listed id that is not there removes nothing
    // and is not counted, a repeated one is counted once.
    const listed = await Orders.deleteMany({ _id: { $in: ['del-1', 'nope', 'del-1'] } });
    expect(listed.deletedCount).toBe(1);
    expect(await left()).toEqual(['del-2', 'del-3', 'del-4']);
    // One `_id`, through deleteOne.
    expect((await Orders.deleteOne({ _id: 'del-2' })).deletedCount).toBe(1);
    expect((await Orders.deleteOne({ _id: 'del-2' })).deletedCount).toBe(0);
    // A deleteOne of a list removes one of them, not all.
    expect((await Orders.deleteOne({ _id: { $in: ['del-3', 'del-4'] } })).deletedCount).toBe(1);
    expect(await left()).toHaveLength(1);
    await Orders.create([
      { _id: 'del-6', customer: 'Di', status: 'shipped', rev: 1 },
      { _id: 'del-7', customer: 'Di', status: 'created', rev: 0 },
    ]);
    // A list beside another condition still reads first: only what matches goes.
    const filtered = await Orders.deleteMany({
      _id: { $in: ['del-6', 'del-7'] },
      status: 'shipped',
    });
    expect(filtered.deletedCount).toBe(1);
    expect(await left()).toContain('del-7');
    expect(await left()).not.toContain('del-6');
  });

  it('should reject a duplicate key on a unique index', async () => {
    const Claims = connection.model(
      'Claim',
      new mongoose.Schema({ eventId: { type: String, required: true, unique: true } }),
    );
    await Claims.init();
    await Claims.create({ eventId: 'evt-1' });
    await expect(Claims.create({ eventId: 'evt-1' })).rejects.toMatchObject({ code: 11000 });
    expect(await Claims.countDocuments({ eventId: 'evt-1' })).toBe(1);
  });

  it('should let exactly one of many concurrent inserts of one _id win', async () => {
    // FerretDB 1.x does NOT make a conditional update atomic across concurrent writers
    // (bench/store: several findOneAndUpdate({_id, rev}) win the same round); an insert on _id
    // is, so that is what the runtime uses to claim a revision. See docs/store.md.
    const Claims = connection.collection<{ _id: string; writer: number }>('revision_claims');
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, writer) =>
          Claims.insertOne({ _id: `instance-1:${round}`, writer }),
        ),
      );
      const winners = results.filter((r) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 11000 });
      }
    }
    expect(await Claims.countDocuments({})).toBe(5);
  });

  it('should apply an update conditioned on the revision and refuse a stale one', async () => {
    await Orders.create({ _id: 'o-2', customer: 'Li', status: 'created', rev: 0 });
    const first = await Orders.findOneAndUpdate(
      { _id: 'o-2', rev: 0 },
      { $set: { status: 'paid' }, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean();
    expect(first).toMatchObject({ status: 'paid', rev: 1 });

    const stale = await Orders.findOneAndUpdate(
      { _id: 'o-2', rev: 0 },
      { $set: { status: 'cancelled' }, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean();
    expect(stale).toBeNull();
    expect(await Orders.findById('o-2').lean()).toMatchObject({ status: 'paid', rev: 1 });
  });

  it('should fire an Agenda job scheduled one second ahead', async () => {
    const agenda = new Agenda({
      backend: new MongoBackend({ address: store.uri, collection: 'timerJobs' }),
      processEvery: 200,
    });
    const fired = new Promise<{ at: number; data: unknown }>((resolve) => {
      agenda.define('journey-timer', async (job) => {
        resolve({ at: Date.now(), data: job.attrs.data });
      });
    });
    await agenda.start();
    try {
      const scheduledAt = Date.now();
      await agenda.schedule(new Date(scheduledAt + 1000), 'journey-timer', {
        timerId: 'ship#2:timeout',
      });
      const result = await fired;
      expect(result.data).toEqual({ timerId: 'ship#2:timeout' });
      expect(result.at - scheduledAt).toBeGreaterThanOrEqual(1000);
    } finally {
      await agenda.stop();
    }
  });
});
