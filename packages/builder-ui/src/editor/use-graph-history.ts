import { useCallback, useRef, useState } from 'react';
import type { JourneyGraph } from '../graph/journey-graph.ts';

const LIMIT = 100;

/**
 * The canvas graph with undo and redo. `change` replaces the graph without a history entry
 * (a node being dragged); `commit` records the graph before the change as an undo step.
 */
export function useGraphHistory(initial: JourneyGraph) {
  const [graph, setGraph] = useState(initial);
  const past = useRef<JourneyGraph[]>([]);
  const future = useRef<JourneyGraph[]>([]);
  const current = useRef(graph);
  current.current = graph;

  const change = useCallback((next: (g: JourneyGraph) => JourneyGraph) => {
    setGraph((g) => next(g));
  }, []);
  const checkpoint = useCallback(() => {
    past.current = [...past.current.slice(-LIMIT + 1), current.current];
    future.current = [];
  }, []);
  const commit = useCallback(
    (next: (g: JourneyGraph) => JourneyGraph) => {
      checkpoint();
      setGraph((g) => next(g));
    },
    [checkpoint],
  );
  const undo = useCallback(() => {
    const previous = past.current.at(-1);
    if (!previous) return;
    past.current = past.current.slice(0, -1);
    future.current = [current.current, ...future.current];
    setGraph(previous);
  }, []);
  const redo = useCallback(() => {
    const [next, ...rest] = future.current;
    if (!next) return;
    future.current = rest;
    past.current = [...past.current, current.current];
    setGraph(next);
  }, []);
  const reset = useCallback((next: JourneyGraph) => {
    past.current = [];
    future.current = [];
    setGraph(next);
  }, []);
  return { graph, change, checkpoint, commit, undo, redo, reset };
}
