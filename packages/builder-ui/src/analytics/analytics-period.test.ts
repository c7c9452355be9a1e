import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { analyticsApi, exportPath } from './analytics-api.ts';
import { lastDays, rangeOf, tomorrow } from './analytics-period.ts';

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
