import { describe, expect, it } from 'vitest';
import {
  dashboardReport,
  emptyConversationDay,
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
      handoffRate: 0,
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
