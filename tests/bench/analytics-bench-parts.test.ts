import { describe, expect, it } from 'vitest';
import { AnalyticsRollup } from '@xiaoer/server/internal';
import {
  GeneratedTraffic,
  writeFacts,
  writeHistory,
  type HourOfTraffic,
} from '../../bench/analytics/generated-traffic.ts';
import { SPIKING_INTENT } from '../../bench/analytics/conversation-traffic.ts';
import {
  BENCH_TIME_ZONE,
  hourlyCounts,
  trafficHours,
} from '../../bench/analytics/traffic-pattern.ts';
import { modelsOnTestStore } from '../store/models-on-test-store.ts';

/**
 * The analytics benchmark's generation and rollup on a few hundred records: what the rollup
 * counts is what the generator says it produced.
 */
const store = modelsOnTestStore();

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('analytics benchmark parts', () => {
  it('should spread the traffic over the hours with evening peaks and the exact total', () => {
    const hours = trafficHours(14);
    const counts = hourlyCounts(10_000, hours, () => 0.5);
    expect(sum(counts)).toBe(10_000);
    const at = (hour: number) => sum(counts.filter((_, i) => hours[i]!.hour === hour));
    expect(at(21)).toBeGreaterThan(at(15));
    expect(at(10)).toBeGreaterThan(5 * at(4));
  });

  it('should generate the same traffic from the same seed', () => {
    const plan = { days: 3, conversations: 60, steps: 200 };
    const a = new GeneratedTraffic(plan).hour(30);
    const b = new GeneratedTraffic(plan).hour(30);
    expect(b.facts).toEqual(a.facts);
    expect(b.steps).toEqual(a.steps);
  });

  it('should roll up the generated facts into exactly the totals generated', async () => {
    const traffic = new GeneratedTraffic({ days: 7, conversations: 200, steps: 400 });
    const hours: HourOfTraffic[] = traffic.hours.map((_, i) => traffic.hour(i));
    await writeHistory(store.models, hours);
    const written = await writeFacts(store.models, hours);
    const conversations = traffic.conversationTally;
    const journeys = traffic.journeyTally;
    expect(conversations.conversations).toBe(200);
    expect(journeys.steps).toBeGreaterThanOrEqual(400);
    expect(await store.models.Steps.countDocuments({})).toBe(journeys.steps);
    expect(written).toBe(conversations.facts + journeys.facts);

    const rollup = new AnalyticsRollup(store.models, { timeZone: BENCH_TIME_ZONE, batchSize: 500 });
    expect(await rollup.run()).toMatchObject({ ran: true, facts: written });
    expect(await store.models.AnalyticsFacts.countDocuments({})).toBe(0);

    const days = await store.models.ConversationDays.find({}).lean();
    const byChannel = (channel: string) =>
      sum(days.filter((d) => d.channel === channel).map((d) => sum(d.opened)));
    for (const [channel, count] of Object.entries(conversations.byChannel))
      expect(byChannel(channel)).toBe(count);
    const intents = days.flatMap((d) => d.intents);
    for (const [intent, count] of Object.entries(conversations.intents))
      expect(sum(intents.filter((i) => i.intent === intent).map((i) => i.count))).toBe(count);
    expect(sum(days.map((d) => d.totals.closed))).toBe(conversations.closed);
    expect(sum(days.map((d) => d.totals.automated))).toBe(conversations.automated);
    expect(sum(days.map((d) => d.totals.resolved))).toBe(conversations.resolved);
    expect(sum(days.map((d) => sum(d.queued)))).toBe(conversations.queued);
    expect(sum(days.map((d) => d.totals.satisfaction.count))).toBe(conversations.surveys);
    expect(sum(days.map((d) => d.totals.satisfaction.sum))).toBe(conversations.scoreSum);

    const journeyDays = await store.models.JourneyDays.find({}).lean();
    for (const [workflowId, started] of Object.entries(journeys.started)) {
      const of = journeyDays.filter((d) => d.workflowId === workflowId);
      expect(sum(of.map((d) => d.started))).toBe(started);
      expect(sum(of.map((d) => d.completed))).toBe(journeys.completed[workflowId] ?? 0);
      expect(sum(of.map((d) => d.cancelled))).toBe(journeys.cancelled[workflowId] ?? 0);
    }
    // The last day's spike is there to be found.
    const lastDay = days.filter((d) => d.date === traffic.lastDay).flatMap((d) => d.intents);
    expect(lastDay.some((i) => i.intent === SPIKING_INTENT)).toBe(true);
  });
});
