import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { analyticsApi, exportPath } from './analytics-api.ts';
import { lastDays, rangeOf, todayIn, tomorrow } from './analytics-period.ts';

describe('the dates the analytics ask for', () => {
  it('should default to the last 30 days including today, and staffing to tomorrow', () => {
    const today = dayjs('2026-11-30');
    expect(lastDays(30, today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastDays(7, dayjs('2026-03-02'))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(tomorrow(today)).toBe('2026-12-01');
    expect(rangeOf(dayjs('2026-01-05'), dayjs('2026-02-01'))).toEqual({
      from: '2026-01-05',
      to: '2026-02-01',
    });
  });

  it("should take today on the shop's clock: 23:30 and 00:30 in Shanghai, daylight saving in New York", () => {
    const day = (zone: string, at: string) => todayIn(zone, new Date(at)).format('YYYY-MM-DD');
    expect(day('Asia/Shanghai', '2026-11-30T15:30:00Z')).toBe('2026-11-30');
    expect(day('Asia/Shanghai', '2026-11-30T16:30:00Z')).toBe('2026-12-01');
    // 23:30 on 7 March (EST, UTC−5) and 23:30 on 8 March (EDT, UTC−4).
    expect(day('America/New_York', '2026-03-08T04:30:00Z')).toBe('2026-03-07');
    expect(day('America/New_York', '2026-03-09T03:30:00Z')).toBe('2026-03-08');
    expect(lastDays(30, todayIn('Asia/Shanghai', new Date('2026-11-30T16:30:00Z')))).toEqual({
      from: '2026-11-02',
      to: '2026-12-01',
    });
  });

  it('should export a table with the filters of the table, leaving out the empty ones', () => {
    expect(exportPath('intents', { from: '2026-11-01', to: '2026-11-30', channel: 'web' })).toBe(
      '/analytics/export/intents.csv?from=2026-11-01&to=2026-11-30&channel=web',
    );
    expect(exportPath('funnel', { from: '2026-11-01', to: '2026-11-30', workflowId: 'a b' })).toBe(
      '/analytics/export/funnel.csv?from=2026-11-01&to=2026-11-30&workflowId=a+b',
    );
    expect(exportPath('agents', { from: '2026-11-01', to: '2026-11-30', channel: '' })).toBe(
      '/analytics/export/agents.csv?from=2026-11-01&to=2026-11-30',
    );
    expect(typeof analyticsApi.exportCsv).toBe('function');
  });
});
