import { describe, expect, it } from 'vitest';
import type { AgentReport } from './analytics-api.ts';
import { agentTotals } from './agent-totals.ts';

const agent = (
  id: string,
  finished: number,
  resolved: number,
  handling: [number | null, number],
): AgentReport => ({
  agentId: id,
  displayName: id,
  conversations: finished,
  resolved,
  resolvedBySupervisor: 0,
  resolutionRate: finished ? resolved / finished : null,
  firstResponse: { averageMs: null, count: 0 },
  handling: { averageMs: handling[0], count: handling[1] },
  satisfaction: { average: 4, count: finished },
  quality: { average: null, count: 0 },
});

describe("the agents table's totals", () => {
  it('should add up handoffs and weight averages by what each counts', () => {
    const totals = agentTotals([agent('li', 3, 3, [60_000, 3]), agent('wang', 1, 0, [20_000, 1])]);
    expect(totals.finished).toBe(4);
    expect(totals.resolved).toBe(3);
    expect(totals.resolutionRate).toBe(0.75);
    // (3 × 60 s + 1 × 20 s) / 4, not the mean of the two averages (40 s).
    expect(totals.handling).toEqual({ average: 50_000, count: 4 });
    expect(totals.satisfaction).toEqual({ average: 4, count: 4 });
  });

  it('should have no averages and no rate without agents', () => {
    const totals = agentTotals([]);
    expect(totals.finished).toBe(0);
    expect(totals.resolutionRate).toBeNull();
    expect(totals.handling).toEqual({ average: null, count: 0 });
  });
});
