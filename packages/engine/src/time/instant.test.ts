import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isInstant, plusMs } from './instant.ts';

const viaLuxon = (at: string, ms: number) =>
  DateTime.fromISO(at, { setZone: true }).plus({ milliseconds: ms }).toISO();

describe('instants', () => {
  it('adds milliseconds exactly as luxon does, in the instant’s own offset', () => {
    const cases: [string, number][] = [
      ['2026-12-04T22:08:07.679Z', 7_200_000],
      ['2026-12-04T22:00:00Z', 5],
      ['2026-12-31T23:59:59.999Z', 1],
      ['2028-02-28T12:00:00.000Z', 86_400_000],
      ['2026-03-01T10:00:00+08:00', 3_600_000],
      ['2026-03-01T10:00:00.5-05:00', 250],
      ['2026-12-04T22:00:00.1234Z', 5],
    ];
    for (const [at, ms] of cases) expect(plusMs(at, ms), at).toBe(viaLuxon(at, ms));
    expect(plusMs('2026-03-01T10:00:00+08:00', 3_600_000)).toBe('2026-03-01T11:00:00.000+08:00');
  });

  it('tells real times from strings that only look like them', () => {
    for (const at of ['2026-12-04T22:08:07.679Z', '2026-03-01T10:00:00+08:00', '2026-03-01'])
      expect(isInstant(at), at).toBe(true);
    for (const at of ['2026-02-30T10:00:00Z', '2026-13-01T00:00:00.000Z', 'soon', ''])
      expect(isInstant(at), at).toBe(false);
  });
});
