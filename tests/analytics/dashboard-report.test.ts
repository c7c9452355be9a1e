import { describe, expect, it } from 'vitest';
import {
  addToConversationDay,
  dashboardReport,
  emptyConversationDay,
  localTime,
  staffingPlan,
  type ConversationDay,
} from '@xiaoer/server/internal';

const period = (from: string, to: string) => ({
  from,
  to,
  timeZone: 'Asia/Shanghai',
  channel: null,
  previous: { from: '2026-10-01', to: '2026-10-31' },
});

function dayWith(date: string, intents: Record<string, number>, opened = 0): ConversationDay {
  const day = emptyConversationDay(`${date}|web`);
  day.intents = Object.entries(intents).map(([intent, count]) => ({ intent, count }));
  day.opened[10] = opened;
  return day;
}

describe('intent spikes', () => {
  it('should flag an intent whose last day is at least three times its 7-day average', () => {
    const days = [
      ...Array.from({ length: 7 }, (_, i) =>
        dayWith(`2026-11-${String(23 + i).padStart(2, '0')}`, { logistics: 2, refund: 4 }),
      ),
      dayWith('2026-11-30', { logistics: 6, refund: 5, invoice: 4 }),
    ];
    const report = dashboardReport({
      period: period('2026-11-01', '2026-11-30'),
      days,
      channels: ['web'],
      rolledUpTo: null,
      agentNames: new Map(),
    });
    const byIntent = new Map(report.intents.map((i) => [i.intent, i]));
    // logistics 6 vs 2 a day: tripled.
    expect(byIntent.get('logistics')).toMatchObject({ lastDay: 6, baseline: 2, spike: true });
    // refund 5 vs 4: no spike.
    expect(byIntent.get('refund')).toMatchObject({ lastDay: 5, baseline: 4, spike: false });
    // invoice 4 from nothing: too few to call a spike.
    expect(byIntent.get('invoice')).toMatchObject({ lastDay: 4, baseline: 0, spike: false });
    expect(report.intents.map((i) => i.intent)).toEqual(['refund', 'logistics', 'invoice']);
  });

  it('should put opened conversations on the local weekday and hour, with no rates from nothing', () => {
    // 2026-11-02 is a Monday, 2026-11-08 a Sunday.
    const report = dashboardReport({
      period: period('2026-11-01', '2026-11-30'),
      days: [dayWith('2026-11-02', {}, 3), dayWith('2026-11-08', {}, 5)],
      channels: ['web'],
      rolledUpTo: null,
      agentNames: new Map(),
    });
    expect(report.volume.heatmap[0]?.[10]).toBe(3);
    expect(report.volume.heatmap[6]?.[10]).toBe(5);
    // November 2026 has five Sundays and five Mondays.
    expect(report.volume.peaks).toEqual([
      { weekday: 6, hour: 10, conversations: 5, perDay: 1 },
      { weekday: 0, hour: 10, conversations: 3, perDay: 0.6 },
    ]);
    expect(report.volume.days).toHaveLength(30);
    expect(report.service).toMatchObject({
      automationRate: null,
      resolutionRate: null,
      handoffRate: null,
      wait: { averageMs: null, count: 0 },
    });
  });
});

describe('volume peaks', () => {
  it('should rank by conversations per day of the weekday, not favour the weekday the period holds more often', () => {
    // 2026-11-02 … 2026-11-09: two Mondays, one of every other weekday. Mondays 10:00 had 4
    // and 4 (8 in all, 4 a Monday), Tuesday 10:00 had 6, Wednesday 10:00 had 4.
    const report = dashboardReport({
      period: period('2026-11-02', '2026-11-09'),
      days: [
        dayWith('2026-11-02', {}, 4),
        dayWith('2026-11-03', {}, 6),
        dayWith('2026-11-04', {}, 4),
        dayWith('2026-11-09', {}, 4),
      ],
      channels: ['web'],
      rolledUpTo: null,
      agentNames: new Map(),
    });
    expect(report.volume.heatmap[0]?.[10]).toBe(8);
    expect(report.volume.peaks).toEqual([
      { weekday: 1, hour: 10, conversations: 6, perDay: 6 },
      { weekday: 0, hour: 10, conversations: 8, perDay: 4 },
      { weekday: 2, hour: 10, conversations: 4, perDay: 4 },
    ]);
  });
});

describe('staffing from the same weekday of recent weeks', () => {
  it('should average the weeks with data and flag the hours the agents online cannot serve', () => {
    const week = (date: string, perHour: number) => {
      const day = emptyConversationDay(`${date}|web`);
      day.queued[10] = perHour;
      day.totals.handling = { sum: perHour * 180_000, count: perHour };
      return day;
    };
    // Mondays 2026-11-23 and 2026-11-16 had 180 and 220 handoffs at 10:00; 11-09 had none.
    const plan = staffingPlan(
      {
        date: '2026-11-30',
        timeZone: 'Asia/Shanghai',
        group: null,
        targetLevel: 0.8,
        targetSeconds: 20,
        weeks: 3,
      },
      [week('2026-11-23', 180), week('2026-11-16', 220)],
      12,
    );
    expect(plan).toMatchObject({ weeksUsed: 2, averageHandlingSeconds: 180, agentsOnline: 12 });
    // 200 an hour × 180 s = 10 erlangs: Erlang C says 14 agents for 80/20 (88.8%).
    expect(plan.hours[10]).toMatchObject({ forecast: 200, agentsNeeded: 14, missesTarget: true });
    expect(plan.hours[10]?.serviceLevelOnline).toBeLessThan(0.8);
    expect(plan.hours[9]).toMatchObject({
      forecast: 0,
      agentsNeeded: 0,
      serviceLevelOnline: null,
      missesTarget: false,
    });
  });
});

describe('handoff rate and service times', () => {
  const report = (days: ConversationDay[], from = '2026-11-01', to = '2026-11-30') =>
    dashboardReport({
      period: period(from, to),
      days,
      channels: ['web'],
      rolledUpTo: null,
      agentNames: new Map(),
    });

  it('should give the share of conversations handed to a person at least once, never over 100 %', () => {
    // One conversation, handed to a person twice, then closed.
    const day = emptyConversationDay('2026-11-02|web');
    day.opened[10] = 1;
    day.queued[10] = 2;
    day.totals.closed = 1;
    expect(report([day]).service).toMatchObject({
      conversations: 1,
      handedOff: 1,
      handoffs: 2,
      handoffRate: 1,
      automationRate: 0,
    });
  });

  it('should give percentiles of the period from its days, on the days of the shop', () => {
    const zone = 'Asia/Shanghai';
    const days = new Map<string, ConversationDay>();
    const ended = (at: string, waitMs: number) => {
      const local = localTime(new Date(at), zone);
      const day = days.get(local.date) ?? emptyConversationDay(`${local.date}|web`);
      days.set(local.date, day);
      addToConversationDay(
        day,
        {
          kind: 'handoffEnded',
          at: new Date(at),
          channel: 'web',
          group: 'g',
          outcome: 'resolved',
          waitMs,
          handlingMs: 2 * waitMs,
        },
        local,
      );
    };
    // 10 s … 100 s over two days; 23:30 UTC on 11-02 is 07:30 on 11-03 in Shanghai.
    for (let i = 1; i <= 10; i++)
      ended(i <= 5 ? '2026-11-02T02:00:00Z' : '2026-11-02T23:30:00Z', i * 10_000);
    // One that evening in Shanghai, 16:30 UTC on 11-30: the day after the period.
    ended('2026-11-30T16:30:00Z', 3_600_000);
    expect([...days.keys()]).toEqual(['2026-11-02', '2026-11-03', '2026-12-01']);
    const { wait, handling } = report([...days.values()]).service;
    expect(wait).toMatchObject({ count: 10, averageMs: 55_000, percentileCount: 10 });
    const near = (value: number | null, expected: number) =>
      expect(Math.abs((value ?? 0) - expected) / expected).toBeLessThanOrEqual(0.025);
    // Nearest rank: the 5th and the 9th of ten.
    near(wait.p50Ms, 50_000);
    near(wait.p90Ms, 90_000);
    near(handling.p90Ms, 180_000);
    // One day of the period alone: the five waits of 11-02.
    const first = report([...days.values()], '2026-11-02', '2026-11-02').service.wait;
    expect(first).toMatchObject({ count: 5, percentileCount: 5 });
    near(first.p50Ms, 30_000);
    near(first.p90Ms, 50_000);
  });

  it('should give no percentiles from nothing, and say how few a day rolled up before them covers', () => {
    expect(report([]).service.wait).toEqual({
      averageMs: null,
      count: 0,
      p50Ms: null,
      p90Ms: null,
      percentileCount: 0,
    });
    expect(report([]).service).toMatchObject({
      handoffRate: null,
      abandonedInQueue: { count: 0, rate: null },
    });
    // A day rolled up by an older version: sums, no histograms.
    const old = emptyConversationDay('2026-11-02|web');
    delete old.totals.times;
    delete old.totals.abandonedInQueue;
    old.totals.wait = { sum: 60_000, count: 2 };
    expect(report([old]).service.wait).toEqual({
      averageMs: 30_000,
      count: 2,
      p50Ms: null,
      p90Ms: null,
      percentileCount: 0,
    });
  });
});
