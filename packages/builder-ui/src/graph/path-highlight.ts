import type { JourneyGraph } from './journey-graph.ts';

/** Where a journey is and where it has been (a simulation or a running instance). */
export interface JourneyTrace {
  current: string;
  visited: Set<string>;
  /** Outcomes taken, as `node/outcome`. */
  taken: Set<string>;
}

/**
 * The graph with the trace drawn on it: the current node glows, visited nodes and the edges
 * of taken outcomes are highlighted (CSS classes `journey-current`, `journey-visited`,
 * `journey-path`).
 */
export function highlightPath(graph: JourneyGraph, trace: JourneyTrace | null): JourneyGraph {
  if (!trace) return graph;
  return {
    nodes: graph.nodes.map((node) => ({
      ...node,
      className:
        trace.current === node.id
          ? 'journey-current'
          : trace.visited.has(node.id)
            ? 'journey-visited'
            : '',
    })),
    edges: graph.edges.map((edge) =>
      trace.taken.has(`${edge.source}/${edge.sourceHandle}`)
        ? { ...edge, className: 'journey-path', animated: true }
        : edge,
    ),
  };
}

/** The trace of a recorded timeline: each step's node before and after, and its path. */
export function traceOf(
  current: string,
  steps: { from: string | null; to: string; path: { nodeId: string; outcome: string }[] }[],
): JourneyTrace {
  const visited = new Set<string>([current]);
  const taken = new Set<string>();
  for (const step of steps) {
    if (step.from) visited.add(step.from);
    visited.add(step.to);
    for (const { nodeId, outcome } of step.path) {
      visited.add(nodeId);
      taken.add(`${nodeId}/${outcome}`);
    }
  }
  return { current, visited, taken };
}
