import { describe, expect, it } from 'vitest';
import { getNodeType, type WorkflowDocument } from '@xiaoer/engine';
import { funnelBadges } from '../analytics/funnel-badges.ts';
import { funnel } from '../analytics/fixtures/analytics-fixtures.ts';
import { toDocument, toGraph } from '../graph/journey-graph.ts';
import type { FunnelBadge } from '../analytics/funnel-badges.ts';
import type { JourneyGraph } from '../graph/journey-graph.ts';
import { graphDecorator } from './editor-derived.ts';

/** The graph as the canvas draws it with only the funnel overlay on. */
const withFunnelBadges = (graph: JourneyGraph, badges: Map<string, FunnelBadge> | null) =>
  graphDecorator()(graph, { problems: [], trace: null, counts: null, badges });

const journey: WorkflowDocument = {
  id: 'order-lifecycle',
  name: '订单全流程',
  version: 1,
  nodes: [
    {
      id: 'start',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: getNodeType('trigger')!.defaultConfig,
    },
    { id: 'added', type: 'end', position: { x: 200, y: 0 }, config: { status: 'completed' } },
    { id: 'done', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
};

describe('the funnel overlay on the canvas', () => {
  it('should put its badge on each node the funnel counted, and none on a node it did not', () => {
    const graph = toGraph(journey);
    const shown = withFunnelBadges(graph, funnelBadges(funnel));
    expect(shown.nodes.find((n) => n.id === 'start')?.data.funnel).toEqual({
      reached: 200,
      entered: 200,
      dropped: 0,
      averageMs: 0,
      biggestDropOff: false,
    });
    expect(shown.nodes.find((n) => n.id === 'added')?.data.funnel).toBeUndefined();
    expect(shown.edges.map((e) => e.data)).toEqual(graph.edges.map((e) => e.data));
  });

  it('should leave the graph and the document it saves as they are', () => {
    const graph = toGraph(journey);
    const before = structuredClone(graph);
    const shown = withFunnelBadges(graph, funnelBadges(funnel));
    expect(graph).toEqual(before);
    expect(toDocument(journey, shown)).toEqual(toDocument(journey, graph));
    expect(JSON.stringify(toDocument(journey, shown))).not.toContain('entered');
    expect(JSON.stringify(withFunnelBadges(graph, null))).not.toContain('entered');
  });
});
