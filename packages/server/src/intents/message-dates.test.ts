import { describe, expect, it } from 'vitest';
import { findDates } from './message-dates.ts';

const NOW = new Date('2026-12-02T10:00:00Z');

describe('findDates', () => {
  it('should read full, month-day and relative dates against the reading day', () => {
    expect(findDates('11月3号下的单 明天能到吗 2024-11-23 到的', NOW)).toEqual([
      { text: '11月3号', date: '2026-11-03' },
      { text: '明天', date: '2026-12-03' },
      { text: '2024-11-23', date: '2024-11-23' },
    ]);
    expect(findDates('ordered yesterday, 2025年1月5日', NOW)).toEqual([
      { text: 'yesterday', date: '2026-12-01' },
      { text: '2025年1月5日', date: '2025-01-05' },
    ]);
  });

  it('should leave out impossible dates and bare numbers', () => {
    expect(findDates('2月30日 和 170斤 和 满300减50', NOW)).toEqual([]);
  });

  it('should read 大后天 as three days on, not as 后天', () => {
    expect(findDates('大后天能到吗', NOW)).toEqual([{ text: '大后天', date: '2026-12-05' }]);
  });
});
