import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayHoldBefore, OLDEST_READ_UP_TO, oldestTime } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * Recovery sweeps look at a claims collection's first document before reading it whole: on
 * the embedded store the first in storage order is the oldest, and one read tells whether any
 * entry is old enough to be abandoned.
 */
let store: RunningStore;
let connection: Connection;
interface Claim {
  _id: string;
  claimedAt: Date;
}
let claims: Model<Claim>;

beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri).asPromise();
  claims = connection.model<Claim>(
    'OldestEntryClaim',
    new Schema<Claim>({ _id: String, claimedAt: Date }, { versionKey: false }),
  );
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe('mayHoldBefore', () => {
  it('should tell from the oldest entry whether any is older than a time', async () => {
    const t = Date.UTC(2026, 0, 1);
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t))).toBe(false);
    await claims.create({ _id: 'a', claimedAt: new Date(t) });
    await claims.create({ _id: 'b', claimedAt: new Date(t + 10_000) });
    await claims.create({ _id: 'c', claimedAt: new Date(t + 20_000) });
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t + 5_000))).toBe(true);
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t))).toBe(false);
    // The oldest went (its work is done): the next one speaks for the rest.
    await claims.deleteOne({ _id: 'a' });
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t + 5_000))).toBe(false);
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t + 15_000))).toBe(true);
    // A new entry goes behind the older ones, even into a collection emptied in the middle.
    await claims.deleteOne({ _id: 'b' });
    await claims.create({ _id: 'd', claimedAt: new Date(t + 30_000) });
    expect(await mayHoldBefore(claims, 'claimedAt', new Date(t + 25_000))).toBe(true);
  });
});

describe('oldestTime', () => {
  it('should read every entry of a small collection, and only the first of a large one', async () => {
    await claims.deleteMany({});
    const t = Date.UTC(2026, 0, 1);
    expect(await oldestTime(claims, 'claimedAt', 0)).toBeUndefined();
    // Taken over since it was written: its claim is newer than the entries written after it.
    await claims.create({ _id: 'retaken', claimedAt: new Date(t + 20_000) });
    await claims.create({ _id: 'older', claimedAt: new Date(t) });
    await claims.create({ _id: 'newer', claimedAt: new Date(t + 10_000) });
    expect(await oldestTime(claims, 'claimedAt', 3)).toEqual(new Date(t));
    // Past the bound, the first in storage order stands for the rest.
    expect(await oldestTime(claims, 'claimedAt', OLDEST_READ_UP_TO + 1)).toEqual(
      new Date(t + 20_000),
    );
    await claims.deleteMany({});
    expect(await oldestTime(claims, 'claimedAt', 1)).toBeUndefined();
  });
});
