import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { unwrittenInstanceRetryMs } from '@xiaoer/server/internal';
import { runTimerJob } from './timer-moves.ts';

/**
 * A timer whose instance's document is not in the store yet, though its first step is (a
 * crashed process's instance that recovery has not rolled forward yet), is tried again later,
 * not fired into nothing: on a starved machine a restarted server took over a minute to roll
 * them forward, and with the old one-minute grace those journeys waited at their timer for good.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const endOf = (key: string) => h.connection.collection('timerFires').findOne({ _id: key as never });
const jobsOf = (key: string) =>
  h.connection
    .collection('jobs')
    .find({ 'data.timer': key } as never)
    .toArray();

describe('a timer whose instance is not written yet', () => {
  it('should try a timer five minutes late again half a minute on while its first step is recorded, and fire nothing', async () => {
    const instanceId = 'unwritten-test:U-1:1';
    await h.connection
      .collection('steps')
      .insertOne({ _id: `${instanceId}#1` as never, instanceId, revision: 1 });
    const key = `${instanceId}|pause#2:wait`;
    const dueAt = new Date(Date.now() - 5 * 60_000);
    const before = Date.now();
    await runTimerJob(h, key, dueAt);
    expect(await endOf(key)).toBeNull();
    const later = (await jobsOf(key)).filter((job) => job['nextRunAt'] && !job['lastRunAt']);
    expect(later).toHaveLength(1);
    const waitMs = (later[0]?.['nextRunAt'] as Date).getTime() - before;
    expect(waitMs).toBeGreaterThan(25_000);
    expect(waitMs).toBeLessThan(40_000);
    expect(later[0]?.['data']).toEqual({ timer: key, dueAt: dueAt.toISOString() });
  });

  it('should fire a timer of an instance that never had a step into nothing, marked fired', async () => {
    const key = 'unwritten-test:NONE:1|pause#2:wait';
    await runTimerJob(h, key, new Date(Date.now() - 1000));
    expect((await endOf(key))?.['firedAt']).toBeInstanceOf(Date);
  });

  it('should wait a second at first and longer the later the timer, at most half a minute', () => {
    expect(unwrittenInstanceRetryMs(0)).toBe(1000);
    expect(unwrittenInstanceRetryMs(2_000)).toBe(1000);
    expect(unwrittenInstanceRetryMs(20_000)).toBe(5000);
    expect(unwrittenInstanceRetryMs(10 * 60_000)).toBe(30_000);
  });
});
