import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { createModels, StoredSourceRegistry } from '@xiaoer/server/internal';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * Changes to one stored source made at once from two processes (two connections to one real
 * store). The store runs an update as a read and then a write of the whole document, so two
 * changes at once could both be made from the same read, the later write undoing the earlier:
 * a rotation whose secret was handed out and never taken, a scope set and lost.
 */
const store = modelsOnTestStore();
let other: Connection;
let here: StoredSourceRegistry;
let elsewhere: StoredSourceRegistry;

beforeAll(async () => {
  other = await mongoose.createConnection(store.uri).asPromise();
  here = new StoredSourceRegistry([], store.models);
  elsewhere = new StoredSourceRegistry([], createModels(other));
});
afterAll(async () => {
  await other?.close();
});

const now = () => new Date();
const stored = async (id: string) => {
  const record = await store.models.StoredSources.findById(id).lean();
  if (!record) throw new Error(`no source ${id}`);
  return record;
};

describe('a stored source changed from two processes at once', () => {
  it('should hand out only secrets that are taken: each rotation replaces the one before it', async () => {
    await here.create('erp-twice', 'xiaoer', 'ops', now());
    for (let round = 0; round < 12; round++) {
      const results = await Promise.allSettled([
        here.rotate('erp-twice', 'ana', now(), 1),
        elsewhere.rotate('erp-twice', 'ben', now(), 1),
      ]);
      const record = await stored('erp-twice');
      const handedOut = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.secret] : []));
      expect(handedOut.length).toBeGreaterThan(0);
      // Two rotations one after the other: the second's grace keeps the first's secret.
      for (const secret of handedOut)
        expect([record.secret, record.previousSecret]).toContain(secret);
      for (const result of results)
        if (result.status === 'rejected')
          expect(result.reason).toMatchObject({ code: 'source-rotating' });
    }
  });

  it('should keep both a rotation and a change of scope made at once', async () => {
    await here.create('erp-scope', 'xiaoer', 'ops', now());
    for (let round = 0; round < 12; round++) {
      const types = [`order.type${round}`];
      const [rotated, scoped] = await Promise.allSettled([
        here.rotate('erp-scope', 'ana', now()),
        elsewhere.setEventTypes('erp-scope', types),
      ]);
      const record = await stored('erp-scope');
      if (rotated.status === 'fulfilled') expect(record.secret).toBe(rotated.value.secret);
      if (scoped.status === 'fulfilled') expect(record.eventTypes).toEqual(types);
      expect([rotated.status, scoped.status]).toContain('fulfilled');
    }
  });

  it('should hold a revision a process that died claimed for five minutes, then change it again', async () => {
    let clock = Date.now();
    const later = new StoredSourceRegistry([], store.models, () => clock);
    await later.create('erp-left', 'xiaoer', 'ops', now());
    // A process claimed the first change and died before writing it.
    await store.models.SourceChanges.create({
      _id: 'erp-left@1',
      holder: 'died',
      claimedAt: new Date(clock),
    });
    await expect(later.rotate('erp-left', 'ana', now())).rejects.toMatchObject({
      code: 'source-rotating',
    });
    await expect(later.setEventTypes('erp-left', ['order.created'])).rejects.toMatchObject({
      code: 'source-changing',
    });
    expect((await stored('erp-left')).revision).toBeUndefined();
    clock += 5 * 60_000;
    const { secret } = await later.rotate('erp-left', 'ana', now());
    const record = await stored('erp-left');
    expect(record).toMatchObject({ secret, revision: 1 });
    await later.setEventTypes('erp-left', ['order.created']);
    expect(await stored('erp-left')).toMatchObject({
      secret,
      revision: 2,
      eventTypes: ['order.created'],
    });
  });
});
