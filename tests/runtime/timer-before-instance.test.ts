import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { TIMER_JOB } from '@xiaoer/server/internal';
import { stepInStalledProcess } from './stalled-process.ts';
import { pingWorkflow } from './test-workflows.ts';
import { runTimerJob } from './timer-moves.ts';

/**
 * A timer can fall due in one process while the instance it belongs to is still only step
 * records: the process that stepped it writes its document behind the steps (up to a few
 * seconds under load). The timer must wait for the document, not fire into nothing — once
 * marked fired, nothing would ever move the journey on.
 */
let h: Harness;
const ID = 'ping:TB-1:1';

beforeAll(async () => {
  // Recovery and Agenda's second look fall due when the test moves the clock (and `Date`).
  h = await startHarness({ movesDate: true });
  await h.publish(pingWorkflow('1h'));
});
afterAll(async () => h?.close());

describe('a timer due before its instance is written', () => {
  it('should fire once the instance is in the store, not be lost', async () => {
    // The other process: it commits the trigger's step and is still dispatching it (the
    // document is written behind, up to a few seconds later).
    await stepInStalledProcess(h, {
      id: 'tb-1',
      type: 'ping.started',
      data: { orderId: 'TB-1', phone: '13800000001' },
    });
    const steps = h.connection.collection('steps');
    const instances = h.connection.collection('instances');
    const first = await steps.findOne({ _id: `${ID}#1` as never });
    // Stored as JSON text (model/json-fields.ts).
    const raw: unknown = first?.['effects'];
    const effects = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      kind: string;
      timerId: string;
    }[];
    const schedule = effects.find((effect) => effect.kind === 'schedule');
    expect(schedule).toBeDefined();
    expect(await instances.findOne({ _id: ID as never })).toBeNull();

    // Its timer, due now, fires here before the document exists (from a job of its own, as a
    // timer whose bucket had fired already).
    const key = `${ID}|${schedule?.timerId}`;
    const asked = Date.now();
    const looked = runTimerJob(h, key, new Date());
    // It found no document but the instance's first step: not fired into nothing, it looks
    // again a second later.
    await looked;
    expect(await h.connection.collection('timerFires').findOne({ _id: key as never })).toBeNull();
    expect(
      await h.connection.collection('jobs').findOne({
        name: TIMER_JOB,
        'data.timer': key,
        'data.dueAt': { $exists: true },
        nextRunAt: { $gte: new Date(asked + 900) },
      }),
    ).not.toBeNull();

    // The document arrives (recovery rolls the other process's step forward once it is stale,
    // 3 s in tests); the timer then fires.
    await h.clock.advance(3_000);
    await vi.waitFor(
      async () => expect((await instances.findOne({ _id: ID as never }))?.['node']).toBe('done'),
      { timeout: 20_000, interval: 250 },
    );
    await h.xiaoer.runtime.idle();
    const timeline = await steps.find({ instanceId: ID }).sort({ revision: 1 }).toArray();
    const types = timeline.map((step) => {
      const event: unknown = step['event'];
      return ((typeof event === 'string' ? JSON.parse(event) : event) as { type: string }).type;
    });
    expect(types.filter((type) => type === 'timer.fired')).toHaveLength(1);
    expect(h.shop.messages.filter((m) => m.text === '订单 TB-1 提醒')).toHaveLength(1);
  });
});
