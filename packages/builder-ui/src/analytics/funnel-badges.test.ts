import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { BarSeriesOption } from 'echarts/charts';
import { translations } from '../testing/translations.ts';
import { funnel } from './fixtures/analytics-fixtures.ts';
import { funnelBadges } from './funnel-badges.ts';
import { biggestDropOffs, funnelOption, nodeName } from './funnel-series.ts';

let en: TFunction;
beforeAll(async () => {
  ({ en } = await translations());
});

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

  it('should stack who moved on and who dropped off per node, in the workflow order', () => {
    const option = funnelOption(funnel.nodes, en);
    expect((option.yAxis as { data: string[] }).data).toEqual(funnel.nodes.map(nodeName));
    expect(nodeName(funnel.nodes[2]!)).toBe('notify'); // no label: the id
    const [left, dropped] = option.series as BarSeriesOption[];
    expect(left).toMatchObject({ name: 'Left', data: [200, 150, 140, 120, 115, 120] });
    expect((dropped!.data as { value: number }[]).map((d) => d.value)).toEqual([
      0, 50, 10, 20, 5, 0,
    ]);
  });
});
