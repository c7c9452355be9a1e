import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow, pingWorkflow } from './test-workflows.ts';
import { moveToTimer } from './timer-moves.ts';

let h: Harness;
interface Detail {
  revision: number;
  status: string;
  data: Record<string, unknown>;
  timeline: { revision: number }[];
}
const detail = async (id: string) =>
  (await (await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)).json()) as Detail;

beforeAll(async () => {
  h = await startHarness({
    config: { history: { maxStepsPerInstance: 5, retentionDays: 30 } },
    // The ping's 1 s wait falls due when the clock (and `Date`, for Agenda) is moved.
    movesDate: true,
  });
  await h.publish(counterWorkflow, pingWorkflow('1s'));
});
afterAll(async () => h?.close());

describe('bounded history', () => {
  it('should keep only the newest steps of an instance, and its first', async () => {
    await h.sendEvents(cloudEvent('counter.opened', { counterId: 'H-1', count: 0 }));
    for (let i = 0; i < 12; i++)
      await h.sendEvents(cloudEvent('counter.bump', { counterId: 'H-1' }, `h-bump-${i}`));
    await vi.waitFor(async () => expect((await detail('counter:H-1:1')).data['count']).toBe(12), {
      timeout: 20_000,
    });
    const { revision, timeline } = await detail('counter:H-1:1');
    expect(revision).toBe(13);
    // Step 1 stays: starting an instance claims its `_id`, so it must never come free again.
    expect(timeline.map((s) => s.revision)).toEqual([1, 9, 10, 11, 12, 13]);
    // The steps pushed out go behind the newest one, not in the same write: on a loaded machine
    // the count was once read between the two (7, at a load of 17 on two cores).
    await expect
      .poll(() => h.connection.collection('steps').countDocuments({ instanceId: 'counter:H-1:1' }))
      .toBe(6);
  });

  it('should prune history older than the retention period, leaving the instance', async () => {
    // A journey with a fired timer, whose bookkeeping goes too.
    await h.sendEvents(cloudEvent('ping.started', { orderId: 'H-2', phone: '1' }));
    await moveToTimer(h, 'ping:H-2:1');
    await vi.waitFor(async () => expect((await detail('ping:H-2:1')).status).toBe('done'), {
      timeout: 20_000,
    });
    expect(await h.connection.collection('timerSlots').countDocuments({})).toBe(1);
    // The timer is its slot; that it fired is appended beside it (no record of its own).
    expect(await h.connection.collection('timerFires').countDocuments({})).toBe(1);
    expect(await h.connection.collection('timers').countDocuments({})).toBe(0);
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    expect(await h.xiaoer.history.prune(new Date())).toBe(0);
    const pruned = await h.xiaoer.history.prune(new Date(Date.now() + 31 * 86_400_000));
    expect(pruned).toBeGreaterThan(0);
    // One first step per instance stays (counter H-1, ping H-2), like the instances.
    expect(
      (await h.connection.collection('steps').find({}).toArray()).map((s) => s['_id']).sort(),
    ).toEqual(['counter:H-1:1#1', 'ping:H-2:1#1']);
    expect(await h.connection.collection('events').countDocuments({})).toBe(0);
    expect(await h.connection.collection('eventOutcomes').countDocuments({})).toBe(0);
    for (const timerCollection of ['timers', 'timerFires', 'timerSlots', 'timerLanes'])
      expect(await h.connection.collection(timerCollection).countDocuments({})).toBe(0);
    const { revision, data, timeline } = await detail('counter:H-1:1');
    expect(revision).toBe(13);
    expect(data['count']).toBe(12);
    expect(timeline.map((s) => s.revision)).toEqual([1]);
    // The journey goes on after pruning.
    await h.sendEvents(cloudEvent('counter.bump', { counterId: 'H-1' }, 'h-bump-after'));
    await vi.waitFor(async () => expect((await detail('counter:H-1:1')).data['count']).toBe(13), {
      timeout: 10_000,
    });
  });
});
