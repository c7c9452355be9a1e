import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { modelsOnTestStore } from './models-on-test-store.ts';

/**
 * Finds by top-level string equalities on the real embedded store, which narrows them in SQLite
 * (store/ferretdb-binary.ts, patch level 11): what comes back is exactly what MongoDB's rules
 * match — an array holding the string included, other types, missing fields and nulls not —
 * for finds, counts, updates and deletes.
 */
const store = modelsOnTestStore();
let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(store.uri).asPromise();
});
afterAll(async () => {
  await connection?.close();
});

interface Shaped {
  _id: string;
  [field: string]: unknown;
}
const shapes = () => connection.collection<Shaped>('stringEqualities');

const DOCUMENTS: Shaped[] = [
  { _id: 'active', status: 'active', workflowId: 'w1' },
  { _id: 'done', status: 'done', workflowId: 'w1' },
  { _id: 'array', status: ['paused', 'active'], workflowId: 'w2' },
  { _id: 'missing', workflowId: 'w1' },
  { _id: 'number', status: 5, workflowId: 'w1' },
  { _id: 'number-text', status: '5', workflowId: 'w2' },
  { _id: 'null', status: null, workflowId: 'w1' },
  { _id: 'object', status: { active: 'active' }, workflowId: 'w1' },
  { _id: 'json-text', status: '{"active":"active"}', workflowId: 'w1' },
  { _id: 'quotes', status: 'ä "quoted" \\ \'x\' 中文', workflowId: 'w2' },
  { _id: 'dashed', 'order-id': 'A-1', status: 'active', workflowId: 'w2' },
  { _id: 'nested', status: 'active', workflowId: 'w1', data: { status: 'done' } },
];

const ids = async (filter: Record<string, unknown>) =>
  (
    await shapes()
      .find(filter as never)
      .toArray()
  )
    .map((d) => d._id)
    .sort();

describe('finds by top-level string equalities', () => {
  beforeAll(async () => {
    await shapes().insertMany(DOCUMENTS);
  });

  it('should find what MongoDB matches: the string, or an array holding it', async () => {
    expect(await ids({ status: 'active' })).toEqual(['active', 'array', 'dashed', 'nested']);
    expect(await ids({ status: '5' })).toEqual(['number-text']);
    expect(await ids({ status: 5 })).toEqual(['number']);
    expect(await ids({ status: '{"active":"active"}' })).toEqual(['json-text']);
    expect(await ids({ status: 'ä "quoted" \\ \'x\' 中文' })).toEqual(['quotes']);
    expect(await ids({ status: 'nothing' })).toEqual([]);
  });

  it('should match every equality of a filter, and leave the rest of it to the store', async () => {
    expect(await ids({ workflowId: 'w1', status: 'active' })).toEqual(['active', 'nested']);
    expect(await ids({ workflowId: 'w2', status: { $ne: 'active' } })).toEqual([
      'number-text',
      'quotes',
    ]);
    expect(await ids({ 'order-id': 'A-1' })).toEqual(['dashed']);
    expect(await ids({ 'data.status': 'done' })).toEqual(['nested']);
    expect(await ids({ $or: [{ status: 'done' }, { status: 'paused' }] })).toEqual([
      'array',
      'done',
    ]);
    expect(await shapes().countDocuments({ workflowId: 'w1', status: 'active' })).toBe(2);
    expect(
      await shapes().findOne({ workflowId: 'w2', status: 'active' }, { sort: { _id: 1 } }),
    ).toMatchObject({ _id: 'array' });
  });

  it('should update and delete exactly the documents such a filter matches', async () => {
    const updated = await shapes().updateMany({ status: 'active' }, { $set: { seen: true } });
    expect(updated.modifiedCount).toBe(4);
    expect(await ids({ seen: true })).toEqual(['active', 'array', 'dashed', 'nested']);
    const deleted = await shapes().deleteMany({ workflowId: 'w1', status: 'done' });
    expect(deleted.deletedCount).toBe(1);
    expect(await shapes().countDocuments()).toBe(DOCUMENTS.length - 1);
  });
});
