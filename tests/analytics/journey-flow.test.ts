import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  AnalyticsRollup,
  FactRecorder,
  JourneyFlow,
  type AnalyticsFact,
} from '@xiaoer/server/internal';
import { systemClock } from '@xiaoer/server';
import { TestClock } from '../../packages/server/src/clock/test-clock.ts';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * The editor's counts of steps per outcome, read from the journey hours the rollup writes and
 * the facts still waiting for it, on the real store: each step counted once while the rollup
 * moves facts from one to the other, by the minute of the window's start.
 */
const store = modelsOnTestStore();

/** A step of `workflowId` at `at` that left `ask` through `yes` and `note` through `next`. */
const step = (workflowId: string, at: Date): AnalyticsFact => ({
  kind: 'step',
  at,
  workflowId,
  started: false,
  entered: ['note', 'wait'],
  left: ['ask', 'note'],
  outcomes: ['yes', 'next'],
});

/**
 * Records `facts` with the product's recorder, flushing after every `perPack` (a pack each, with
 * its summary of outcomes); resolves to the packs' ids in order.
 */
async function recordPacks(facts: AnalyticsFact[], perPack: number): Promise<string[]> {
  const recorder = new FactRecorder(
    store.models,
    (error) => {
      throw error;
    },
    systemClock,
  );
  const packIds = async () =>
    (await store.models.AnalyticsFacts.find({}).select({ _id: 1 }).lean()).map((p) => p._id);
  const ids: string[] = [];
  for (let i = 0; i < facts.length; i += perPack) {
    const before = new Set(await packIds());
    facts.slice(i, i + perPack).forEach((fact) => recorder.record(`step|${randomUUID()}`, fact));
    await recorder.flush();
    ids.push(...(await packIds()).filter((id) => !before.has(id)));
  }
  return ids;
}

describe("the editor's counts of steps per outcome", () => {
  it('should count each step once at every moment of a rollup of many batches', async () => {
    const flow = new JourneyFlow(store.models);
    const now = new Date();
    // 1,200 steps over the last 90 minutes (three hours' documents), in packs of 40.
    const facts = Array.from({ length: 1200 }, (_, i) =>
      step('moving', new Date(now.getTime() - 90 * 60_000 + i * 4_500)),
    );
    await recordPacks(facts, 40);
    const since = new Date(now.getTime() - 2 * 3_600_000);
    const expected = { 'ask/yes': 1200, 'note/next': 1200 };
    expect(await flow.outcomesSince('moving', since, now)).toEqual(expected);

    // Batches of 100 facts or a little more (whole packs: three, 120 facts): the rollup writes
    // ten batches, each an hour or two, while the counts are read again and again.
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'UTC', batchSize: 100 });
    let done = false;
    const running = rollup.run().finally(() => (done = true));
    const seen: Record<string, number>[] = [];
    while (!done) seen.push(await flow.outcomesSince('moving', since, now));
    const result = await running;
    expect(result).toMatchObject({ ran: true, facts: 1200 });
    expect(result.hours).toBeGreaterThanOrEqual(10);
    expect(seen.length).toBeGreaterThan(2);
    for (const counts of seen) expect(counts).toEqual(expected);
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
    expect(await store.models.WaitingOutcomes.countDocuments()).toBe(0);
    expect(await flow.outcomesSince('moving', since, now)).toEqual(expected);
    // Another journey's steps are not these.
    expect(await flow.outcomesSince('other', since, now)).toEqual({});
  });

  it('should count a batch a dead rollup left half written once, where it is', async () => {
    const flow = new JourneyFlow(store.models);
    const now = new Date();
    const since = new Date(now.getTime() - 3_600_000);
    const earlier = new Date(now.getTime() - 3 * 3_600_000);
    const later = new Date(now.getTime() - 60_000);
    const packs = await recordPacks([step('left', earlier), step('left', later)], 1);
    // The run died after writing the earlier step's hour and before the later step's.
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'UTC' });
    await store.models.RollupControl.create({
      _id: 'batch',
      owner: 'dead-batch',
      expiresAt: new Date(now.getTime() + 60_000),
      factIds: packs,
    });
    // As a run notes each batch before it writes any hour.
    await store.models.RollupControl.collection.updateOne(
      { _id: 'recent' } as never,
      {
        $inc: { begun: 1 },
        $push: { batches: { id: 'dead-batch', factIds: packs } },
      } as never,
      { upsert: true },
    );
    const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
    const minute = later.getUTCMinutes();
    await store.models.JourneyHours.collection.insertOne({
      _id: `left|${hourOf(later).toISOString()}`,
      workflowId: 'left',
      hour: hourOf(later),
      batches: ['dead-batch'],
      outcomes: [
        { outcome: 'ask/yes', minute, count: 1 },
        { outcome: 'note/next', minute, count: 1 },
      ],
    } as never);
    const whole = new Date(now.getTime() - 4 * 3_600_000);
    expect(await flow.outcomesSince('left', whole, now)).toEqual({
      'ask/yes': 2,
      'note/next': 2,
    });
    expect(await flow.outcomesSince('left', since, now)).toEqual({ 'ask/yes': 1, 'note/next': 1 });
    // The next run finishes the batch: the same counts, from the hours alone.
    expect(await rollup.run()).toMatchObject({ ran: true, facts: 2 });
    expect(await store.models.AnalyticsFacts.countDocuments()).toBe(0);
    expect(await flow.outcomesSince('left', whole, now)).toEqual({
      'ask/yes': 2,
      'note/next': 2,
    });
  });

  it("should count the window's steps to the minute, rolled up or not", async () => {
    const flow = new JourneyFlow(store.models);
    // Minutes of the hour before last (the journey hours are kept 32 days).
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    const minute = (m: number, s = 0) => new Date(hour + m * 60_000 + s * 1000);
    await recordPacks(
      [step('edge', minute(9, 30)), step('edge', minute(10, 5)), step('edge', minute(10, 50))],
      1,
    );
    const since = minute(10, 30);
    const until = minute(30);
    // The minute `since` falls in counts whole: both steps of minute 10, not the one of 9.
    const waiting = await flow.outcomesSince('edge', since, until);
    expect(waiting).toEqual({ 'ask/yes': 2, 'note/next': 2 });
    await new AnalyticsRollup(store.models, { timeZone: 'UTC' }).run();
    expect(await flow.outcomesSince('edge', since, until)).toEqual(waiting);
    expect(await flow.outcomesSince('edge', minute(11), until)).toEqual({});
  });

  it('should keep the journey hours 32 days and delete older ones, at most once an hour', async () => {
    const HOUR = 3_600_000;
    const clock = new TestClock();
    // To 50 minutes past an hour: 32 days ago was too, and the next hour began 10 minutes later.
    await clock.advance((((50 * 60_000 - (clock.now() % HOUR)) % HOUR) + HOUR) % HOUR);
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'UTC', clock });
    const keptFrom = clock.now() - 32 * 24 * HOUR;
    const oldest = Math.ceil(keptFrom / HOUR) * HOUR;
    await recordPacks(
      [step('kept', new Date(oldest + 60_000)), step('kept', new Date(oldest - 60_000))],
      1,
    );
    await rollup.run();
    const hours = async () =>
      (await store.models.JourneyHours.find({ workflowId: 'kept' }).lean())
        .map((h) => h.hour.getTime())
        .sort();
    // The hour that began before 32 days ago was written by this run and deleted at its end.
    expect(await hours()).toEqual([oldest]);
    // 11 minutes on, that hour is past keeping too, but the rollup deletes at most hourly.
    await clock.advance(11 * 60_000);
    await recordPacks([step('kept', new Date(clock.now() - HOUR))], 1);
    await rollup.run();
    expect(await hours()).toHaveLength(2);
    await clock.advance(50 * 60_000);
    await rollup.run();
    expect(await hours()).toEqual([Math.floor((clock.now() - 62 * 60_000) / HOUR) * HOUR]);
  });

  it('should count a summary written just after its pack was rolled up once, and forget it', async () => {
    const flow = new JourneyFlow(store.models);
    const now = new Date();
    const since = new Date(now.getTime() - 3_600_000);
    const [pack] = await recordPacks([step('stray', new Date(now.getTime() - 120_000))], 1);
    const summary = await store.models.WaitingOutcomes.findById(pack).lean();
    expect(summary?.outcomes).toHaveLength(2);
    const clock = new TestClock();
    const rollup = new AnalyticsRollup(store.models, { timeZone: 'UTC', clock });
    await rollup.run();
    const strays = () => store.models.WaitingOutcomes.countDocuments({ _id: pack });
    expect(await strays()).toBe(0);
    // A recorder's summary arriving after the rollup deleted its pack's: its batch is a recent
    // one, noted on the hour, so the step counts once.
    await store.models.WaitingOutcomes.collection.insertOne(summary as never);
    expect(await flow.outcomesSince('stray', since, now)).toEqual({ 'ask/yes': 1, 'note/next': 1 });
    await rollup.run();
    expect(await strays()).toBe(1);
    // A minute after it was written, the next run forgets it.
    await clock.advance(61_000);
    await rollup.run();
    expect(await strays()).toBe(0);
    expect(await flow.outcomesSince('stray', since, now)).toEqual({ 'ask/yes': 1, 'note/next': 1 });
  });
});
