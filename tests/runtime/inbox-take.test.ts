import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import {
  EventInbox,
  eventJson,
  GroupCommit,
  INBOX_RELEASE_DELAY_MS,
  type EventRecord,
  type Models,
} from '@xiaoer/server/internal';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * Taking delivered events (runtime/event-inbox.ts) on the real embedded store: the inbox entries
 * are inserted and the records read at the same time (one round trip before the answer), which
 * is safe because an entry is deleted no sooner than a delay after its record was written; a
 * take slower than half that delay reads the records again.
 */
const store = modelsOnTestStore();

let serial = 0;
function order(): EventRecord {
  serial++;
  return {
    _id: `take:evt-${serial}`,
    source: 'take',
    eventId: `evt-${serial}`,
    type: 'order.created',
    time: new Date().toISOString(),
    data: { orderId: `T-${serial}` },
    receivedAt: new Date(),
  };
}

/**
 * The store.models with the inbox's `insertMany` held at the store's door until `release()`, and the
 * records' `find`s counted.
 */
function heldInbox() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let finds = 0;
  const proxy = <T>(model: Model<T>, method: 'insertMany' | 'find', around: () => unknown) => {
    const collection = new Proxy(model.collection, {
      get: (inner, key) => {
        const value = Reflect.get(inner, key) as unknown;
        if (key !== method || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const waited = around();
          const call = () => (value as (...a: unknown[]) => unknown).apply(inner, args);
          return waited instanceof Promise ? waited.then(call) : call();
        };
      },
    });
    return new Proxy(model, {
      get: (inner, key) => (key === 'collection' ? collection : Reflect.get(inner, key)),
    });
  };
  return {
    models: {
      Inbox: proxy(store.models.Inbox, 'insertMany', () => gate),
      Events: proxy(store.models.Events, 'find', () => void finds++),
    } as Pick<Models, 'Inbox' | 'Events'>,
    release: () => release(),
    finds: () => finds,
  };
}

/** Lets the event loop turn until `done()` or a thousand turns passed. */
async function turnsUntil(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !done(); turn++)
    await new Promise((resolve) => setImmediate(resolve));
}

describe('taking events', () => {
  it('should read the records while the inbox entries are being inserted', async () => {
    const held = heldInbox();
    // Entries held a minute: this read stands however slowly the store answers here (the
    // collection's first insert creates its table).
    const inbox = new EventInbox(held.models, new GroupCommit(), { releaseDelayMs: 60_000 });
    const record = order();
    const taking = inbox.take([record]);
    await turnsUntil(() => held.finds() > 0);
    // The insert has not come back, and the record was asked for already.
    expect(held.finds()).toBe(1);
    held.release();
    const taken = await taking;
    expect(taken.recorded.size).toBe(0);
    expect(taken.inProgress.size).toBe(0);
    expect(held.finds()).toBe(1);
    expect(await store.models.Inbox.exists({ _id: record._id as never })).toBeTruthy();
  });

  it('should find a record written before, and an entry in progress, as before', async () => {
    const inbox = new EventInbox(store.models, new GroupCommit());
    const recorded = order();
    const inProgress = order();
    await store.models.Events.collection.insertOne(eventJson.encode(recorded) as never);
    await inbox.take([inProgress]);
    const taken = await inbox.take([recorded, inProgress, order()]);
    expect([...taken.recorded]).toEqual([0]);
    expect([...taken.inProgress]).toEqual([1]);
    expect(taken.earlier.get(0)?.data).toEqual(recorded.data);
    // The event the entry carries: a redelivery with other data is a conflict.
    expect(taken.earlier.get(1)?.data).toEqual(inProgress.data);
  });

  it('should read the records again when taking them was slower than half the release delay', async () => {
    const held = heldInbox();
    // No delay: entries may go as soon as their record is written, so no read beside an insert
    // is trusted (with the second of production, a take slower than half a second).
    const inbox = new EventInbox(held.models, new GroupCommit(), { releaseDelayMs: 0 });
    const record = order();
    const taking = inbox.take([record]);
    await turnsUntil(() => held.finds() > 0);
    // Read (nothing there), then its record is written — as another process would once it
    // processed an earlier delivery — while this insert is still on its way.
    await store.models.Events.collection.insertOne(eventJson.encode(record) as never);
    held.release();
    const taken = await taking;
    expect(held.finds()).toBe(2);
    expect([...taken.recorded]).toEqual([0]);
  });
});

describe('releasing inbox entries', () => {
  it('should delete an entry no sooner than the release delay, and at once when settled', async () => {
    expect(INBOX_RELEASE_DELAY_MS).toBeGreaterThanOrEqual(500);
    const [held, quick] = [order(), order()];
    // Held for a minute: still there after a round trip, until settled.
    const patient = new EventInbox(store.models, new GroupCommit(), { releaseDelayMs: 60_000 });
    await patient.take([held]);
    patient.release(held._id);
    expect(patient.releasing(held._id)).toBe(true);
    expect(await store.models.Inbox.exists({ _id: held._id as never })).toBeTruthy();
    await patient.idle();
    expect(await store.models.Inbox.exists({ _id: held._id as never })).toBeNull();
    expect(patient.releasing(held._id)).toBe(false);
    // Held for 50 ms: deleted on its own, not before.
    const inbox = new EventInbox(store.models, new GroupCommit(), { releaseDelayMs: 50 });
    await inbox.take([quick]);
    const released = performance.now();
    inbox.release(quick._id);
    await expect
      .poll(() => store.models.Inbox.exists({ _id: quick._id as never }), { timeout: 5_000 })
      .toBeNull();
    expect(performance.now() - released).toBeGreaterThanOrEqual(50);
    await expect.poll(() => inbox.releasing(quick._id)).toBe(false);
  });

  it('should tell a delete that failed and stop holding the entry (recovery deletes it later)', async () => {
    const failures: string[] = [];
    const broken = new Proxy(store.models.Inbox, {
      get: (inner, key) =>
        key === 'collection'
          ? new Proxy(inner.collection, {
              get: (collection, name) =>
                name === 'deleteMany'
                  ? () => Promise.reject(new Error('store away'))
                  : (Reflect.get(collection, name) as unknown),
            })
          : (Reflect.get(inner, key) as unknown),
    });
    const inbox = new EventInbox(
      { Inbox: broken, Events: store.models.Events },
      new GroupCommit(),
      {
        releaseDelayMs: 1,
        onReleaseFailed: (error, key) => failures.push(`${key}: ${(error as Error).message}`),
      },
    );
    const record = order();
    await inbox.take([record]);
    inbox.release(record._id);
    await inbox.idle();
    expect(failures).toEqual([`${record._id}: store away`]);
    expect(inbox.releasing(record._id)).toBe(false);
    expect(await store.models.Inbox.exists({ _id: record._id as never })).toBeTruthy();
  });
});
