import mongoose, { type Connection } from 'mongoose';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serverLogger, withSafeErrors } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * Customer data stays out of the error logs. Found: pino copies every property of an error, so
 * a bulk write's error logged as `err` carried the documents it inserted (`writeErrors[].op`,
 * `result.insertedIds`, `errorResponse`), and a duplicate key's error its `keyValue`.
 */
const PHONE = '13800138000';
const OTHER_PHONE = '13911112222';
const ORDER = 'order-20240501-0001';
const OTHER_ORDER = 'order-20240501-0002';

let store: RunningStore;
let connection: Connection;
beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri).asPromise();
  const orders = connection.collection<{ _id: string; phone: string }>('errorLogOrders');
  await orders.createIndex({ phone: 1 }, { unique: true });
  await orders.insertOne({ _id: ORDER, phone: PHONE });
});
// Each case's bulk write inserts one document anew.
beforeEach(async () => {
  await orders().deleteMany({ _id: { $ne: ORDER } });
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

/** What `write` logs of the error `failing` rejects with, as the log's JSON lines. */
async function logged(
  logger: (lines: string[]) => Logger,
  failing: () => Promise<unknown>,
): Promise<{ text: string; err: Record<string, unknown> }> {
  const lines: string[] = [];
  const error = await failing().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  logger(lines).error({ err: error }, 'writing failed');
  const text = lines.join('\n');
  return { text, err: (JSON.parse(text) as { err: Record<string, unknown> }).err };
}

const orders = () => connection.collection<{ _id: string; phone: string }>('errorLogOrders');
const duplicateKey = () => orders().insertOne({ _id: OTHER_ORDER, phone: PHONE });
const bulkWrite = () =>
  orders().insertMany(
    [
      { _id: OTHER_ORDER, phone: OTHER_PHONE },
      { _id: ORDER, phone: PHONE },
    ],
    { ordered: false },
  );

const loggers: [string, (lines: string[]) => Logger][] = [
  ['the server logger', (lines) => serverLogger({}, { write: (line) => void lines.push(line) })],
  [
    'a logger the server is given',
    (lines) => withSafeErrors(pino({}, { write: (line: string) => void lines.push(line) })),
  ],
];

describe.each(loggers)('errors logged through %s', (_name, logger) => {
  it("should keep a duplicate key's type, code, message and stack, not the key's value", async () => {
    const { text, err } = await logged(logger, duplicateKey);
    expect(err).toMatchObject({ type: 'MongoServerError', code: 11000 });
    expect(err['message']).toContain('E11000');
    expect(err['stack']).toContain('MongoServerError');
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(OTHER_ORDER);
    expect(text).not.toContain('keyValue');
    expect(text).not.toContain('errorResponse');
  });

  it("should keep a bulk write's codes and counts, not the documents it wrote", async () => {
    const { text, err } = await logged(logger, bulkWrite);
    expect(err).toMatchObject({
      type: 'MongoBulkWriteError',
      code: 11000,
      writeErrorCount: 1,
      writeErrors: [{ index: 1, code: 11000 }],
      result: { insertedCount: 1 },
    });
    expect(err['stack']).toContain('MongoBulkWriteError');
    for (const value of [PHONE, OTHER_PHONE, ORDER, OTHER_ORDER]) expect(text).not.toContain(value);
  });
});
