import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../clock/test-clock.ts';
import type { InstanceRecord, StepRecord } from '../model/instance.model.ts';
import type { CommittedListener } from '../runtime/step-log.ts';
import { LiveQueries } from './live-queries.ts';

const SETTLE_MS = 50;
/** How long (on the test clock) a slow read takes; it then rests four times as long. */
const READ_MS = 1000;
const step = { _id: 'journey:A:1', workflowId: 'journey' } as InstanceRecord;

let live: LiveQueries | undefined;
afterEach(() => live?.close());

/** Live queries timed by a test clock; `commit` tells them a step was committed. */
function liveQueries() {
  const clock = new TestClock();
  let committed: CommittedListener = () => undefined;
  live = new LiveQueries(
    (listener) => {
      committed = listener;
      return () => undefined;
    },
    {
      clock,
      stopwatch: () => clock.now(),
      settleMs: SETTLE_MS,
      sweepEveryMs: 3_600_000,
      restFactor: 4,
    },
  );
  return { live, clock, commit: () => committed(step, {} as StepRecord) };
}

/** A query whose reads answer when the test says: `answer()` ends the oldest one. */
function heldQuery() {
  const waiting: (() => void)[] = [];
  const query = {
    reads: 0,
    read: () =>
      new Promise<{ read: number }>((resolve) => {
        const read = ++query.reads;
        waiting.push(() => resolve({ read }));
      }),
    answer: () => waiting.shift()?.(),
  };
  return query;
}

/** Follows `query`, its first read taking READ_MS of the clock; what the page heard. */
async function followSlowly(
  live: LiveQueries,
  clock: TestClock,
  query: ReturnType<typeof heldQuery>,
) {
  const heard: string[] = [];
  live.follow('flow', query.read, (answer) => heard.push(answer));
  expect(query.reads).toBe(1);
  await clock.advance(READ_MS);
  query.answer();
  await vi.waitFor(() => expect(heard).toHaveLength(1));
  return heard;
}

describe('a live query that is slow to read', () => {
  it('should rest four times as long as its last read took before it is read again', async () => {
    const { live, clock, commit } = liveQueries();
    const query = heldQuery();
    const heard = await followSlowly(live, clock, query);
    // Steps keep coming: without a rest the query would be read again as soon as they settled.
    commit();
    await clock.advance(SETTLE_MS);
    commit();
    await clock.advance(3 * READ_MS);
    expect(query.reads).toBe(1);
    // Its rest (4 × 1,000 ms from the end of the read) over: one read for the steps.
    await clock.advance(READ_MS);
    expect(query.reads).toBe(2);
    query.answer();
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(JSON.parse(heard[1] ?? '')).toEqual({ read: 2 });
  });

  it('should tell a page that joins while it rests the last answer at once', async () => {
    const { live, clock } = liveQueries();
    const query = heldQuery();
    const first = await followSlowly(live, clock, query);
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
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    commit();
    await clock.advance(SETTLE_MS);
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(reads).toBe(2);
  });
});
