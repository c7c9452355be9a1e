import dagre from '@dagrejs/dagre';
import type { JourneyGraph } from './journey-graph.ts';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 110;

/** Lays the graph out left to right (dagre), keeping nodes and edges, moving positions only. */
export function autoLayout(graph: JourneyGraph): JourneyGraph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  return {
    nodes: graph.nodes.map((node) => {
      const at = g.node(node.id);
      return {
        ...node,
        position: { x: Math.round(at.x - NODE_WIDTH / 2), y: Math.round(at.y - NODE_HEIGHT / 2) },
      };
    }),
    edges: graph.edges,
  };
}
