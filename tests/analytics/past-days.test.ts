import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AnalyticsRollup,
  dashboardReport,
  localTime,
  type AnalyticsFact,
  type ConversationDay,
  type DashboardReport,
  type Models,
} from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/**
 * Days that have passed are kept in memory by the dashboard: served from there, forgotten
 * when a late fact is rolled up into one of them (by any process), and the report equals the
 * one built from every day document read from the store.
 */
let h: Harness;
let models: Models;
const ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
/** A local date `days` before the server's today, and 10:30 on it. */
const dateBefore = (days: number) => localTime(new Date(h.clock.now() - days * DAY_MS), ZONE).date;
const atOn = (date: string) => new Date(`${date}T02:30:00Z`);

let serial = 0;
async function record(fact: AnalyticsFact): Promise<void> {
  serial += 1;
  await models.AnalyticsFacts.collection.insertOne({
    ...fact,
    _id: `past-days-${serial}`,
    recordedAt: new Date(),
  } as never);
}
const opened = (date: string, channel: string): AnalyticsFact => ({
  kind: 'opened',
  at: atOn(date),
  channel,
});

const dashboard = (from: string, to: string) => h.xiaoer.analytics.dashboard({ from, to });

/** The same report from every day document read from the store (nothing kept). */
async function uncached(report: DashboardReport): Promise<DashboardReport> {
  const progress = await models.RollupProgress.findById('progress').lean();
  const days = await models.ConversationDays.find({}).lean<ConversationDay[]>();
  return dashboardReport({
    period: report.period,
    days,
    channels: progress?.channels ?? [],
    rolledUpTo: progress?.rolledUpTo ?? null,
    agentNames: new Map(),
  });
}

/** Changes a day document behind the rollup's back (what no process does). */
async function overwriteOpened(id: string, count: number): Promise<void> {
  await models.ConversationDays.collection.updateOne({ _id: id } as never, {
    $set: { 'opened.10': count },
  });
}

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { timeZone: ZONE, rollupEveryMs: 3_600_000 } } });
  models = h.xiaoer.models;
});
afterAll(async () => {
  await h?.close();
});

describe('past days kept in memory by the dashboard', () => {
  it('should serve a past day from memory and see a late fact rolled up by another process', async () => {
    const past = dateBefore(5);
    await record(opened(past, 'web'));
    await record(opened(past, 'web'));
    await record(opened(past, 'app'));
    await h.xiaoer.analytics.rollup();
    const first = await dashboard(past, past);
    expect(first.volume.conversations).toBe(3);
    expect(first).toEqual(await uncached(first));

    // Kept: a change the rollup did not make is not read again.
    await overwriteOpened(`${past}|web`, 40);
    expect((await dashboard(past, past)).volume.conversations).toBe(3);

    // A late fact about that day, rolled up by another process: the past was revised.
    await overwriteOpened(`${past}|web`, 2);
    await record(opened(past, 'web'));
    const rival = new AnalyticsRollup(models, { timeZone: ZONE, clock: h.clock });
    expect(await rival.run()).toMatchObject({ ran: true, facts: 1 });
    const revised = await dashboard(past, past);
    expect(revised.volume.conversations).toBe(4);
    expect(revised.volume.days).toEqual([{ date: past, conversations: 4 }]);
    expect(revised).toEqual(await uncached(revised));
  });

  it('should read yesterday and today from the store every time', async () => {
    const yesterday = dateBefore(1);
    const today = dateBefore(0);
    await record(opened(yesterday, 'web'));
    await record(opened(today, 'web'));
    await h.xiaoer.analytics.rollup();
    const before = await dashboard(yesterday, today);
    expect(before.volume.days).toEqual([
      { date: yesterday, conversations: 1 },
      { date: today, conversations: 1 },
    ]);
    await overwriteOpened(`${yesterday}|web`, 7);
    await overwriteOpened(`${today}|web`, 9);
    const after = await dashboard(yesterday, today);
    expect(after.volume.days).toEqual([
      { date: yesterday, conversations: 7 },
      { date: today, conversations: 9 },
    ]);
    expect(after).toEqual(await uncached(after));
  });

  it('should keep a whole period equal to the uncached report across late facts', async () => {
    const from = dateBefore(40);
    const to = dateBefore(0);
    for (const days of [40, 33, 20, 9, 2, 0]) await record(opened(dateBefore(days), 'app'));
    await h.xiaoer.analytics.rollup();
    const first = await dashboard(from, to);
    expect(first).toEqual(await uncached(first));
    await record(opened(dateBefore(33), 'web'));
    await record({ kind: 'intent', at: atOn(dateBefore(20)), channel: 'app', intent: 'refund' });
    await h.xiaoer.analytics.rollup();
    const second = await dashboard(from, to);
    expect(second.volume.conversations).toBe(first.volume.conversations + 1);
    expect(second.intents.find((i) => i.intent === 'refund')?.count).toBe(1);
    expect(second).toEqual(await uncached(second));
  });
});
