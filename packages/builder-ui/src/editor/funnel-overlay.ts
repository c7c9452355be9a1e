import type { FunnelBadge } from '../analytics/funnel-badges.ts';
import type { JourneyGraph } from '../graph/journey-graph.ts';

/**
 * The graph as drawn with the funnel overlay: each counted node carries its badge. A copy for
 * the canvas only; the graph, its history and the saved document never hold a badge.
 */
export function withFunnelBadges(
  graph: JourneyGraph,
  badges: Map<string, FunnelBadge> | null,
): JourneyGraph {
  if (!badges) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const funnel = badges.get(node.id);
      return funnel ? { ...node, data: { ...node.data, funnel } } : node;
    }),
  };
}
