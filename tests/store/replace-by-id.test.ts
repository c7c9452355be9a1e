import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModels, replaceById } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * A PUT by id writes the whole document, creating it when there is none. Found in a CI run:
 * of twelve PUTs of a new skill group at once, one answered 500 — two upserts of one new `_id`
 * raced, and FerretDB (unlike MongoDB's server) does not retry the loser.
 */
let store: RunningStore;
let connection: Connection;
beforeAll(async () => {
  store = await startTestStore();
  connection = await mongoose.createConnection(store.uri).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

describe('replacing a document by id', () => {
  it('should create a new id written by many at once, every write answered, one document', async () => {
    const { SkillGroups } = createModels(connection);
    const ids = Array.from({ length: 24 }, (_, round) => `race-${round}`);
    for (const id of ids) {
      const writes = await Promise.allSettled(
        Array.from({ length: 24 }, (_, n) =>
          replaceById(SkillGroups, id, {
            _id: id,
            title: { zh: `组 ${n}`, en: `Group ${n}` },
            intents: [],
            updatedAt: new Date(),
          }),
        ),
      );
      expect(writes.filter((write) => write.status === 'rejected')).toEqual([]);
    }
    expect(await SkillGroups.countDocuments({ _id: { $in: ids } })).toBe(ids.length);
    await SkillGroups.deleteMany({ _id: { $in: ids } });
  });
});
