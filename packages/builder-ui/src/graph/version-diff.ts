import type { WorkflowDocument } from '@xiaoer/engine';
import {
  stableJson,
  toGraph,
  type DiffStatus,
  type JourneyFlowEdge,
  type JourneyGraph,
} from './journey-graph.ts';
import { nodeFieldChanges } from './node-changes.ts';

export interface DocumentDiff {
  added: string[];
  removed: string[];
  /** Nodes whose type, config or label differ (a move alone is not a change). */
  changed: string[];
  /**
   * Nodes kept at another place (rounded to whole pixels: a fraction of a pixel is no move),
   * whether changed or not: a node both changed and moved is in both lists.
   */
  moved: string[];
  addedEdges: string[];
  removedEdges: string[];
}

const edgeKey = (e: { source: string; sourceHandle: string; target: string }) =>
  `${e.source}/${e.sourceHandle}→${e.target}`;
type Point = { x: number; y: number };
/** Whether a node moved: its places differ once rounded to whole pixels. */
const movedBetween = (was: Point, is: Point) =>
  Math.round(was.x) !== Math.round(is.x) || Math.round(was.y) !== Math.round(is.y);

/** What changed from `before` to `after`, node by node and edge by edge. */
export function diffDocuments(before: WorkflowDocument, after: WorkflowDocument): DocumentDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const diff: DocumentDiff = {
    added: [],
    removed: [],
    changed: [],
    moved: [],
    addedEdges: [...newEdges].filter((k) => !oldEdges.has(k)),
    removedEdges: [...oldEdges].filter((k) => !newEdges.has(k)),
  };
  for (const [id, node] of now) {
    const was = old.get(id);
    if (!was) {
      diff.added.push(id);
      continue;
    }
    if (
      stableJson([was.type, was.config, was.label]) !==
      stableJson([node.type, node.config, node.label])
    )
      diff.changed.push(id);
    if (movedBetween(was.position, node.position)) diff.moved.push(id);
  }
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push(id);
  return diff;
}

/**
 * `after` drawn with the differences marked: each node and edge the newer version added or
 * changed has its status in its data (`diff`, which the node says in words) and its class
 * (`diff-added`, `diff-changed`); a changed node lists the fields that differ
 * (`changedFields`); a node kept at another place is `moved` (and `diff-moved`), whether changed
 * or not. Nodes and edges of `before` that `after` no longer has are drawn where they
 * were, `diff: 'removed'` and `diff-removed`.
 */
export function diffGraph(before: WorkflowDocument, after: WorkflowDocument): JourneyGraph {
  const diff = diffDocuments(before, after);
  const graph = toGraph(after);
  const gone = toGraph(before);
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const statusOf = (id: string): DiffStatus | undefined =>
    diff.added.includes(id) ? 'added' : diff.changed.includes(id) ? 'changed' : undefined;
  const fieldsOf = (id: string) => {
    const [was, is] = [old.get(id), now.get(id)];
    return was && is ? nodeFieldChanges(was, is).map((change) => change.field) : [];
  };
  const keyOf = (e: JourneyFlowEdge) => edgeKey({ ...e, sourceHandle: e.sourceHandle ?? '' });
  return {
    nodes: [
      ...graph.nodes.map((n) => {
        const status = statusOf(n.id);
        const moved = diff.moved.includes(n.id);
        if (!status && !moved) return { ...n, className: '' };
        return {
          ...n,
          className: [status && `diff-${status}`, moved && 'diff-moved'].filter(Boolean).join(' '),
          data: {
            ...n.data,
            ...(status ? { diff: status } : {}),
            ...(status === 'changed' ? { changedFields: fieldsOf(n.id) } : {}),
            ...(moved ? { moved: true } : {}),
          },
        };
      }),
      ...gone.nodes
        .filter((n) => diff.removed.includes(n.id))
        .map((n) => ({
          ...n,
          id: `removed:${n.id}`,
          className: 'diff-removed',
          // Named as before: its label, else its own id (not the canvas id made unique here).
          data: { ...n.data, label: n.data.label ?? n.id, diff: 'removed' as const },
        })),
    ],
    edges: [
      ...graph.edges.map((e) =>
        diff.addedEdges.includes(keyOf(e))
          ? {
              ...e,
              className: 'diff-added',
              data: { problems: e.data?.problems ?? [], diff: 'added' as const },
            }
          : { ...e, className: '' },
      ),
      ...gone.edges
        .filter((e) => diff.removedEdges.includes(keyOf(e)))
        .map((e) => ({
          ...e,
          id: `removed:${e.id}`,
          source: diff.removed.includes(e.source) ? `removed:${e.source}` : e.source,
          target: diff.removed.includes(e.target) ? `removed:${e.target}` : e.target,
          className: 'diff-removed',
          data: { problems: e.data?.problems ?? [], diff: 'removed' as const },
        })),
    ],
  };
}
