import { describe, expect, it } from 'vitest';
import { funnel } from './fixtures/analytics-fixtures.ts';
import { funnelBadges } from './funnel-badges.ts';
import { biggestDropOffs } from './funnel-series.ts';

describe('the journey funnel', () => {
  it('should find the three nodes most instances dropped off at, most first', () => {
    expect([...biggestDropOffs(funnel.nodes)]).toEqual(['waitPayment', 'waitDelivery', 'notify']);
    expect(biggestDropOffs(funnel.nodes.map((n) => ({ ...n, dropped: 0 }))).size).toBe(0);
  });

  it('should give each counted node its badge: reached, entered, dropped, average time', () => {
    const badges = funnelBadges(funnel);
    expect(badges.size).toBe(funnel.nodes.length);
    expect(badges.get('waitPayment')).toEqual({
      reached: 200,
      entered: 200,
      dropped: 50,
      averageMs: 1_800_000,
      biggestDropOff: true,
    });
    expect(badges.get('survey')).toEqual({
      reached: 120,
      entered: 120,
      dropped: 5,
      averageMs: 1200,
      biggestDropOff: false,
    });
    expect(badges.get('done')?.averageMs).toBeNull();
  });

  it('should count on a looping node the instances reached, as the funnel does', () => {
    // Two instances entered `survey` five times between them (a question asked again).
    const looping = {
      ...funnel,
      nodes: funnel.nodes.map((n) =>
        n.nodeId === 'survey' ? { ...n, entered: 5, reached: 2, left: 5, dropped: 0 } : n,
      ),
    };
    expect(funnelBadges(looping).get('survey')).toMatchObject({ reached: 2, entered: 5 });
  });
});
