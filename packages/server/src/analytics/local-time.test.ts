import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { localTime } from './local-time.ts';

/** The shop's clock read afresh by another library (Luxon), as a reference. */
function readAfresh(at: Date, timeZone: string) {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: local.toFormat('yyyy-MM-dd'), hour: local.hour, weekday: local.weekday - 1 };
}

describe('localTime', () => {
  // Zones whose offsets are whole hours, half hours (Lord Howe's daylight saving moves by 30
  // minutes) and quarter hours (Kathmandu, Chatham), around their clock changes and a new year.
  const cases: [string, string][] = [
    ['Asia/Shanghai', '2026-12-31T15:00:00Z'],
    ['America/New_York', '2026-03-08T05:00:00Z'],
    ['America/New_York', '2026-11-01T04:00:00Z'],
    ['Europe/Berlin', '2026-03-29T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T15:00:00Z'],
    ['Asia/Kathmandu', '2026-06-30T18:00:00Z'],
    ['Pacific/Chatham', '2026-04-04T13:00:00Z'],
  ];

  it.each(cases)(
    'should give the date, hour and weekday of every moment in %s around %s, remembered or not',
    (timeZone, around) => {
      const start = Date.parse(around) - 6 * 3_600_000;
      // Every 7 minutes and 13 seconds for twelve hours, twice: the second pass is remembered.
      for (let pass = 0; pass < 2; pass++)
        for (let at = start; at < start + 12 * 3_600_000; at += 433_000)
          expect(localTime(new Date(at), timeZone), new Date(at).toISOString()).toEqual(
            readAfresh(new Date(at), timeZone),
          );
    },
  );

  it('should give each caller its own answer', () => {
    const at = new Date('2026-12-06T09:00:00Z');
    const first = localTime(at, 'Asia/Shanghai');
    first.hour = 99;
    expect(localTime(at, 'Asia/Shanghai')).toEqual({ date: '2026-12-06', hour: 17, weekday: 6 });
  });

  it('should refuse an invalid moment as before', () => {
    expect(() => localTime(new Date(Number.NaN), 'Asia/Shanghai')).toThrow(RangeError);
  });
});
