import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { stepInStalledProcess } from './stalled-process.ts';
import { quickRefundWorkflow } from './test-workflows.ts';

/**
 * Recovery of the steps a dead process left: its claims name the revisions it was stepping,
 * and recovery finishes them — even when the dead process had already claimed the step that an
 * earlier step's effect was to report into.
 */
let h: Harness;
const ID = 'quick-refund:SR-1:1';

beforeAll(async () => {
  // No sweep of its own meanwhile: this test's one call to recovery must finish the journey
  // (a server sweeps one sweep at a time, so a sweep stuck on one claim would stay stuck).
  h = await startHarness({ config: { recovery: { sweepEveryMs: 3_600_000, staleAfterMs: 3000 } } });
  await h.publish(quickRefundWorkflow);
});
afterAll(async () => h?.close());

describe('step recovery', () => {
  it("should finish a dead process's journey whose next step it had claimed but not recorded", async () => {
    await h.shop.createOrder({ orderId: 'SR-1' });
    // The process that dies: it commits the trigger's step, and its dispatch of the refund
    // call never gets anywhere.
    await stepInStalledProcess(h, {
      id: 'sr-1',
      type: 'quickRefund.requested',
      data: { orderId: 'SR-1', amount: 12 },
    });
    const instances = h.connection.collection('instances');
    await vi.waitFor(
      async () => expect((await instances.findOne({ _id: ID as never }))?.['revision']).toBe(1),
      { timeout: 10_000 },
    );
    // It then noted revision 2 (the call's result) and died before recording that step.
    const outbox = h.connection.collection('outbox');
    const claimedAt = new Date(Date.now() - 1000); // a second before it died
    await outbox.insertOne({
      _id: 'dead-process:7' as never,
      steps: [`${ID}#2`],
      claimedAt,
    });
    // A note naming revision 1 too, whose record names another note: not this note's step.
    await outbox.insertOne({
      _id: 'dead-process:8' as never,
      steps: [`${ID}#1`],
      claimedAt,
    });
    // And an older version's claim of revision 2, one entry per step.
    await outbox.insertOne({
      _id: `${ID}#2` as never,
      instanceId: ID,
      revision: 2,
      claimedAt,
    });

    // Recovery drops the unrecorded claims; the call's result then steps the journey on (taken
    // in revision order, that report met the claim on revision 2 and never got in). Step 1 is
    // finished once, from the stalled process's own note.
    await h.xiaoer.runtime.steps.recover(0);
    await h.xiaoer.runtime.idle();
    const instance = await instances.findOne({ _id: ID as never });
    expect(instance?.['node']).toBe('refunded');
    expect(instance?.['revision']).toBe(2);
    expect(h.shop.executions('refund')).toBe(1);
    expect(await outbox.find({}).toArray()).toEqual([]);
  });
});
