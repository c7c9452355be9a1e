import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { runTimerJob } from './timer-moves.ts';

/**
 * A step's effects are dispatched behind the step, so the next step can cancel a timer whose
 * record is still on its way: a timer days ahead waits a few milliseconds to share its insert
 * with others'. The cancel must still take (seen once as an order cancelled right after it was
 * confirmed keeping its 48-hour timer scheduled). A cancel is appended beside the timer's record
 * (`timerFires`, `cancelledAt`), never an update of it.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

type Dispatched = Parameters<Harness['xiaoer']['dispatcher']['dispatch']>;

describe('cancelling a timer', () => {
  it('should cancel a timer whose record the step before is still inserting', async () => {
    const instance = { _id: 'cancel-test:A-1:1' } as unknown as Dispatched[0];
    const dueAt = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const step = (revision: number, effects: unknown[]) =>
      ({ revision, effects }) as unknown as Dispatched[1];
    const scheduled = h.xiaoer.dispatcher.dispatch(
      instance,
      step(1, [
        {
          kind: 'schedule',
          id: 'wait#1:timeout',
          nodeId: 'wait',
          timerId: 'wait#1:timeout',
          dueAt,
          purpose: 'timeout',
        },
      ]),
    );
    // The next step, dispatched before the first one's dispatch is done.
    await h.xiaoer.dispatcher.dispatch(
      instance,
      step(2, [{ kind: 'cancel', id: 'wait#1:cancel', nodeId: 'wait', timerId: 'wait#1:timeout' }]),
    );
    await scheduled;
    const timers = await h.connection
      .collection('timers')
      .find({ instanceId: instance._id } as never)
      .toArray();
    expect(timers.map((timer) => timer['status'])).toEqual(['scheduled']);
    const key = `${instance._id}|wait#1:timeout`;
    const ended = await h.connection.collection('timerFires').findOne({ _id: key as never });
    expect(ended?.['cancelledAt']).toBeInstanceOf(Date);
    expect(ended?.['firedAt']).toBeUndefined();
    // Due now, its job finds it ended and fires nothing: the mark stays a cancel.
    await runTimerJob(h, key);
    expect(await h.connection.collection('timerFires').findOne({ _id: key as never })).toEqual(
      ended,
    );
  });
});
