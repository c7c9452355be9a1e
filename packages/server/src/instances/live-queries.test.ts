import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../clock/test-clock.ts';
import type { InstanceRecord, StepRecord } from '../model/instance.model.ts';
import type { CommittedListener } from '../runtime/step-log.ts';
import { LiveQueries } from './live-queries.ts';

const SETTLE_MS = 50;
const READ_MS = 100;
/** A read of 100 ms rests at least 2 s: far more than a test's own pauses. */
const REST_FACTOR = 20;
const step = { _id: 'journey:A:1', workflowId: 'journey' } as InstanceRecord;

let live: LiveQueries | undefined;
afterEach(() => live?.close());

/** Live queries on a test clock; `commit` tells them a step was committed. */
function liveQueries() {
  const clock = new TestClock();
  let committed: CommittedListener = () => undefined;
  live = new LiveQueries(
    (listener) => {
      committed = listener;
      return () => undefined;
    },
    { clock, settleMs: SETTLE_MS, sweepEveryMs: 3_600_000, restFactor: REST_FACTOR },
  );
  return { live, clock, commit: () => committed(step, {} as StepRecord) };
}

/** A query whose every read takes `ms` of real time, counting its reads. */
function slowQuery(ms: number) {
  const query = { reads: 0, read: async () => undefined as unknown };
  query.read = async () => {
    const read = ++query.reads;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { read };
  };
  return query;
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
};

describe('a live query that is slow to read', () => {
  it('should rest a multiple of how long its last read took before it is read again', async () => {
    const { live, clock, commit } = liveQueries();
    const query = slowQuery(READ_MS);
    const heard: string[] = [];
    live.follow('flow', query.read, (answer) => heard.push(answer));
    await until(() => heard.length === 1);
    // Steps keep coming: without a rest the query would be read again as soon as it ended.
    commit();
    await clock.advance(SETTLE_MS);
    commit();
    await clock.advance(2 * READ_MS);
    expect(query.reads).toBe(1);
    // Its rest (at least 20 × 100 ms from the end of the read) over: one read for every step.
    await clock.advance(10_000);
    await until(() => heard.length === 2);
    expect(query.reads).toBe(2);
    expect(JSON.parse(heard[1] ?? '')).toEqual({ read: 2 });
  });

  it('should tell a page that joins while it rests the last answer at once', async () => {
    const { live } = liveQueries();
    const query = slowQuery(READ_MS);
    const first: string[] = [];
    live.follow('flow', query.read, (answer) => first.push(answer));
    await until(() => first.length === 1);
    const joined: string[] = [];
    live.follow('flow', query.read, (answer) => joined.push(answer));
    expect(joined).toEqual(first);
    expect(query.reads).toBe(1);
  });

  it('should read a quick query again right after the steps settle, as before', async () => {
    const { live, clock, commit } = liveQueries();
    let reads = 0;
    const heard: string[] = [];
    live.follow(
      'list',
      async () => ({ read: ++reads }),
      (answer) => heard.push(answer),
    );
    await until(() => heard.length === 1);
    commit();
    await clock.advance(SETTLE_MS);
    await until(() => heard.length === 2);
    expect(reads).toBe(2);
  });
});
