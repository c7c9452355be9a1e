import { describe, expect, it } from 'vitest';
import { agentsNeeded, averageWait, erlangC, serviceLevel } from '@xiaoer/server/internal';

describe('Erlang C', () => {
  it('should give the published probabilities of waiting for 10 erlangs', () => {
    // The standard Erlang C table, A = 10 erlangs, N = 11…15 agents.
    const table = { 11: 0.6821, 12: 0.4494, 13: 0.2853, 14: 0.1741, 15: 0.102 };
    for (const [agents, probability] of Object.entries(table))
      expect(erlangC(10, Number(agents))).toBeCloseTo(probability, 4);
  });

  it('should give the textbook 4/9 for 2 erlangs on 3 agents, and the edges', () => {
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 10);
    expect(erlangC(0, 3)).toBe(0);
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangC(5, 4)).toBe(1);
    expect(() => erlangC(-1, 3)).toThrow(RangeError);
    expect(() => erlangC(2, 2.5)).toThrow(RangeError);
  });

  it('should stay finite for a large contact centre (A^N/N! would overflow)', () => {
    const probability = erlangC(500, 520);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(1);
  });

  it('should staff the classic example: 200 calls an hour, 3 minutes each, 80% in 20 s', () => {
    // 200/h × 180 s = 10 erlangs: 13 agents answer 79.6% within 20 s, 14 answer 88.8%
    // (ASA 7.8 s), so 14 are needed for 80/20.
    const load = { perHour: 200, handlingSeconds: 180, targetSeconds: 20 };
    expect(serviceLevel(load, 13)).toBeCloseTo(0.7956, 3);
    expect(serviceLevel(load, 14)).toBeCloseTo(0.8884, 3);
    expect(averageWait(load, 14)).toBeCloseTo(7.84, 2);
    expect(agentsNeeded(load, 0.8)).toBe(14);
    expect(agentsNeeded({ ...load, perHour: 0 }, 0.8)).toBe(0);
    expect(agentsNeeded(load, 0.95)).toBeGreaterThan(14);
  });
});
