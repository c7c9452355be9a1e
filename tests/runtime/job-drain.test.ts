import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler, drainJobs } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * Stopping waits for the jobs running, not for Agenda's drain timeout: Agenda's drain looks at
 * its running jobs just after a job's `complete`, and a job leaves that list later; a stop that
 * began as a job ended waited the whole timeout (10 s for `xiaoer.stop()`).
 */
let store: RunningStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store?.stop();
});

describe('drainJobs', () => {
  it('should end once the job that was ending has left, well before its timeout', async () => {
    const agenda = createScheduler(store.uri, { pollMs: 100 });
    let ran = 0;
    let go: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => (go = resolve));
    agenda.define('drain-probe', async () => {
      await saved;
      ran += 1;
    });
    // The stop begins as the job ends: after its `success`, before it leaves the running list.
    const drained = new Promise<{ running: number; timedOut: boolean }>((resolve, reject) =>
      agenda.once('success', () => drainJobs(agenda, 600_000).then(resolve, reject)),
    );
    await agenda.start();
    await agenda.now('drain-probe', {});
    go();
    // Agenda's drain alone waits out its timeout here (the test's own timeout would end it).
    expect(await drained).toEqual({ running: 0, timedOut: false });
    expect(ran).toBe(1);
  }, 30_000);

  it('should say how many jobs still ran when the timeout ended the wait', async () => {
    const agenda = createScheduler(store.uri, { pollMs: 100 });
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) =>
      agenda.define('drain-stuck', async () => {
        resolve();
        await new Promise<void>((go) => (release = go));
      }),
    );
    await agenda.start();
    await agenda.now('drain-stuck', {});
    await started;
    expect(await drainJobs(agenda, 50)).toEqual({ running: 1, timedOut: true });
    release();
  }, 30_000);
});
