import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { modelsOnTestStore } from './models-on-test-store.ts';

/**
 * Updates of one document at once, from two connections (two processes) to the real embedded
 * store. FerretDB runs an update as a read of the document and then a write of all of it:
 * unpatched, two updates at once were both made from the same read and the later write undid
 * the earlier (an agent's status set while the presence beat wrote `seenAt` was lost). The
 * patched store makes the updates of one document take turns (store/ferretdb-binary.ts).
 */
const store = modelsOnTestStore();
const connections: Connection[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++)
    connections.push(await mongoose.createConnection(store.uri).asPromise());
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
});

interface Counted {
  _id: string;
  count?: number;
}
/** The test collection through connection `i % 2`. */
const through = (i: number) => connections[i % 2]!.collection<Counted>('updatesAtOnce');

describe('updates of one document at once', () => {
  it('should keep the field each of 60 updates at once set', async () => {
    await through(0).insertOne({ _id: 'fields' });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        through(i).updateOne({ _id: 'fields' }, { $set: { [`field${i}`]: i } } as never),
      ),
    );
    const stored = await through(0).findOne({ _id: 'fields' });
    for (let i = 0; i < 60; i++) expect(stored).toHaveProperty(`field${i}`, i);
  });

  it('should count every one of 60 increments and find-and-modifies at once', async () => {
    await through(0).insertOne({ _id: 'counter', count: 0 });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? through(i).findOneAndUpdate({ _id: 'counter' }, { $inc: { count: 1 } })
          : through(i).updateOne({ _id: 'counter' }, { $inc: { count: 1 } }),
      ),
    );
    expect((await through(0).findOne({ _id: 'counter' }))?.count).toBe(60);
  });

  it('should let one of many conditional updates at once win a compare-and-set', async () => {
    await through(0).insertOne({ _id: 'cas', count: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        through(i).updateOne({ _id: 'cas', count: 0 }, { $set: { count: i + 1 } }),
      ),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
  });
});
