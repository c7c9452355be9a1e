import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { runTimerJob } from './timer-moves.ts';

/**
 * A timer is its slot in its bucket; that it fired or was cancelled is appended beside it
 * (`timerFires`, `firedAt` or `cancelledAt`), never an update. A step's effects are dispatched
 * behind the step, so the next step can cancel a timer whose slot is still on its way (a timer
 * days ahead waits a few milliseconds to share its write): the cancel must still take (seen
 * once as an order cancelled right after it was confirmed keeping its 48-hour timer).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

type Dispatched = Parameters<Harness['xiaoer']['dispatcher']['dispatch']>;

const endOf = (key: string) => h.connection.collection('timerFires').findOne({ _id: key as never });

describe('cancelling a timer', () => {
  it('should cancel a timer whose slot the step before is still writing, so that it never fires', async () => {
    const instance = { _id: 'cancel-test:A-1:1' } as unknown as Dispatched[0];
    const dueAt = new Date(Date.now() + 2 * 24 * 3600_000);
    const step = (revision: number, effects: unknown[]) =>
      ({ revision, effects, at: new Date() }) as unknown as Dispatched[1];
    const scheduled = h.xiaoer.dispatcher.dispatch(
      instance,
      step(1, [
        {
          kind: 'schedule',
          id: 'wait#1:timeout',
          nodeId: 'wait',
          timerId: 'wait#1:timeout',
          dueAt: dueAt.toISOString(),
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
    const key = `${instance._id}|wait#1:timeout`;
    // Its slot holds it; no record of its own; its end says cancelled.
    expect(
      await h.connection.collection('timerSlots').countDocuments({ timer: key } as never),
    ).toBe(1);
    expect(await h.connection.collection('timers').countDocuments({})).toBe(0);
    const ended = await endOf(key);
    expect(ended?.['cancelledAt']).toBeInstanceOf(Date);
    expect(ended?.['firedAt']).toBeUndefined();
    // Its job finds it ended and fires nothing: the end stays a cancel.
    await runTimerJob(h, key, dueAt);
    expect(await endOf(key)).toEqual(ended);
  });

  it('should not fire a timer an older version cancelled on its record, and fire one it left scheduled', async () => {
    // Older versions stored a record per timer and cancelled by setting its status; their
    // timers' own jobs carry no due time.
    const record = (key: string, status: string) => ({
      _id: key as never,
      instanceId: 'cancel-test:OLD:1',
      timerId: key.split('|')[1],
      dueAt: new Date(),
      status,
    });
    const cancelled = 'cancel-test:OLD:1|wait#1:timeout';
    const scheduled = 'cancel-test:OLD:1|wait#3:timeout';
    await h.connection
      .collection('timers')
      .insertMany([record(cancelled, 'cancelled'), record(scheduled, 'scheduled')]);
    await runTimerJob(h, cancelled);
    await runTimerJob(h, scheduled);
    expect(await endOf(cancelled)).toBeNull();
    // Its instance is unknown and was never started here: it fires into nothing, marked fired.
    expect((await endOf(scheduled))?.['firedAt']).toBeInstanceOf(Date);
  });
});
