import type { JourneyFlowEdge, JourneyFlowNode, JourneyGraph } from './journey-graph.ts';

/** What Ctrl+C takes: the selected nodes and the connections between them. */
export interface SelectionCopy {
  nodes: JourneyFlowNode[];
  /** Edges whose source and target are both copied: a copied chain is pasted as a chain. */
  edges: JourneyFlowEdge[];
}

export const emptyCopy: SelectionCopy = { nodes: [], edges: [] };

/** The selected nodes of `graph` and the edges that run between two of them. */
export function copySelection(graph: JourneyGraph): SelectionCopy {
  const nodes = graph.nodes.filter((n) => n.selected);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
