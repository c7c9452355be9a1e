import { describe, expect, it, vi } from 'vitest';
import { abandoned, ProcessLiveness } from '@xiaoer/server/internal';
import { TestClock } from '@xiaoer/server/testing';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * Which claims recovery takes over, judged against real heartbeats in the store. Found in a CI
 * run of the two-process suite: a step's outbox note held by a live process longer than the
 * stale time (3 s there, on a loaded machine) was taken over by the other process, which sent
 * the step's message a second time.
 */
const STALE_MS = 3000;
const store = modelsOnTestStore();

interface Claim {
  name: string;
  process?: string;
  at: Date;
}

describe('abandoned claims', () => {
  it('should leave a beating process its claims however old, and take over the rest', async () => {
    const holder = new ProcessLiveness(store.models.Heartbeats, {}, new TestClock());
    const judge = new ProcessLiveness(store.models.Heartbeats);
    await holder.start(() => undefined);
    const now = Date.now();
    const old = new Date(now - 60_000);
    const claims: Claim[] = [
      { name: 'live holder, old', process: holder.id, at: old },
      { name: 'live holder, fresh', process: holder.id, at: new Date(now) },
      { name: 'unknown holder, old', at: old },
      { name: 'unknown holder, fresh', at: new Date(now) },
      { name: 'own, old', process: judge.id, at: old },
      { name: 'own, fresh', process: judge.id, at: new Date(now) },
    ];
    const names = async (at: number) =>
      (await abandoned(claims, (claim) => claim.at, STALE_MS, judge, at)).map((c) => c.name);
    expect(await names(now)).toEqual(['unknown holder, old', 'own, old']);

    // A process that stopped beating: its claims are taken over, fresh or not.
    await store.models.Heartbeats.create({ _id: 'silent:1:abc', beatAt: new Date(now - 10_000) });
    const silent: Claim[] = [{ name: 'silent, fresh', process: 'silent:1:abc', at: new Date(now) }];
    expect(await abandoned(silent, (claim) => claim.at, STALE_MS, judge, now)).toEqual(silent);

    // The holder says goodbye: once its heartbeat is read again, its claims are the others'.
    await holder.stop();
    expect(await names(now + 2000)).toEqual([
      'live holder, old',
      'live holder, fresh',
      'unknown holder, old',
      'own, old',
    ]);
    await store.models.Heartbeats.deleteOne({ _id: 'silent:1:abc' });
  });

  it("should date a beat by the store's clock, not by the process's", async () => {
    const beating = new ProcessLiveness(store.models.Heartbeats, {}, new TestClock());
    // This process's clock an hour behind: a beat dated by it would make the process look gone
    // to every other (as a beat that waited seconds behind a busy store's commands looked old).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3_600_000 });
    try {
      await beating.start(() => undefined);
    } finally {
      vi.useRealTimers();
    }
    const beat = await store.models.Heartbeats.findById(beating.id).lean();
    expect(Math.abs(Date.now() - new Date(beat?.beatAt ?? 0).getTime())).toBeLessThan(60_000);
    expect(await new ProcessLiveness(store.models.Heartbeats).alive(beating.id)).toBe(true);
    await beating.stop();
  });

  it('should take over old claims by age alone without liveness', async () => {
    const claims: Claim[] = [
      { name: 'old', process: 'somebody:1:abc', at: new Date(Date.now() - 60_000) },
      { name: 'fresh', process: 'somebody:1:abc', at: new Date() },
    ];
    const found = await abandoned(claims, (claim) => claim.at, STALE_MS, undefined);
    expect(found.map((c) => c.name)).toEqual(['old']);
  });
});
