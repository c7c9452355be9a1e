import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import {
  AdminsChangingError,
  AuthService,
  createModels,
  LastAdminError,
} from '@xiaoer/server/internal';
import { TEST_PASSWORD_COST, TestClock } from '@xiaoer/server/testing';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * The last enabled admin stays, whatever changes of admins are made at once from two processes
 * (two connections to one real store): two admins demoting each other at once each found the
 * other still an admin, and both went.
 */
const store = modelsOnTestStore();
let other: Connection;
let here: AuthService;
let elsewhere: AuthService;
const clock = new TestClock();

beforeAll(async () => {
  other = await mongoose.createConnection(store.uri).asPromise();
  here = new AuthService(store.models, 12, clock, TEST_PASSWORD_COST);
  elsewhere = new AuthService(createModels(other), 12, clock, TEST_PASSWORD_COST);
});
afterAll(async () => {
  await other?.close();
});

const enabledAdmins = async () =>
  (await here.listUsers()).filter((user) => user.role === 'admin' && !user.disabled);

describe('the last enabled admin', () => {
  it('should stay when two admins demote or disable each other at once, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = [`ada${round}`, `bo${round}`];
      await here.createUser(a, 'a-long-password-1', 'admin');
      await here.createUser(b, 'a-long-password-2', 'admin');
      // The round's two are the only enabled admins.
      for (const { id } of await enabledAdmins())
        if (id !== a && id !== b) await here.updateUser(id, { role: 'operator' });
      const results = await Promise.allSettled([
        here.updateUser(b, round % 2 === 0 ? { role: 'agent' } : { disabled: true }),
        elsewhere.updateUser(a, { role: 'viewer' }),
      ]);
      expect((await enabledAdmins()).map((user) => user.id)).toHaveLength(1);
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused).toHaveLength(1);
      for (const result of refused) expect(result.reason).toBeInstanceOf(LastAdminError);
    }
  });

  it("should refuse a change while another holds the admins' turn (409), and take over a turn left five minutes", async () => {
    await here.createUser('cleo', 'a-long-password-3', 'admin');
    await here.createUser('dan', 'a-long-password-4', 'admin');
    // A process took the turn and died.
    await store.models.AdminChanges.create({
      _id: 'admins',
      holder: 'died',
      claimedAt: new Date(clock.now()),
    });
    await expect(here.updateUser('dan', { role: 'agent' })).rejects.toBeInstanceOf(
      AdminsChangingError,
    );
    // Changes that take no admin away do not wait for the turn.
    expect(await here.updateUser('dan', { password: 'a-new-long-password' })).toMatchObject({
      role: 'admin',
    });
    await clock.advance(5 * 60_000);
    expect(await here.updateUser('dan', { role: 'agent' })).toMatchObject({ role: 'agent' });
    expect(await store.models.AdminChanges.countDocuments({ _id: 'admins' })).toBe(0);
  });
});
