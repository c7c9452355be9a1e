import type { JsonValue, WorkflowDocument } from '@xiaoer/engine';
import { nodeFieldChanges } from './node-changes.ts';
import { diffDocuments } from './version-diff.ts';

/** One line of the publish dialog's change list. */
export type FieldChange =
  | { kind: 'node-added' | 'node-removed'; nodeId: string; nodeType: string }
  | {
      kind: 'field';
      nodeId: string;
      /** The field's path inside the node, e.g. `config.message.zh` or `label`. */
      field: string;
      before: JsonValue | undefined;
      after: JsonValue | undefined;
    }
  | {
      kind: 'edge-added' | 'edge-removed';
      edge: string;
      /** The edge's ends: it leaves `source` through its outcome `handle` for `target`. */
      source: string;
      handle: string;
      target: string;
    }
  | { kind: 'name'; before: string; after: string };

/**
 * What publishing `after` changes for people running `before` (the published version, or
 * nothing yet): nodes added and removed, every field that differs inside a changed node,
 * connections added and removed, and the name. Moving a node is not a change.
 */
export function fieldChanges(
  before: WorkflowDocument | undefined,
  after: WorkflowDocument,
): FieldChange[] {
  const base: WorkflowDocument = before ?? { ...after, nodes: [], edges: [] };
  const diff = diffDocuments(base, after);
  const old = new Map(base.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const changes: FieldChange[] = [];
  if (before && before.name !== after.name)
    changes.push({ kind: 'name', before: before.name, after: after.name });
  for (const id of diff.added)
    changes.push({ kind: 'node-added', nodeId: id, nodeType: now.get(id)?.type ?? '' });
  for (const id of diff.removed)
    changes.push({ kind: 'node-removed', nodeId: id, nodeType: old.get(id)?.type ?? '' });
  for (const id of diff.changed) {
    const was = old.get(id);
    const is = now.get(id);
    if (!was || !is) continue;
    for (const change of nodeFieldChanges(was, is))
      changes.push({ kind: 'field', nodeId: id, ...change });
  }
  for (const edge of diff.addedEdges) changes.push({ kind: 'edge-added', edge, ...endsOf(edge) });
  for (const edge of diff.removedEdges)
    changes.push({ kind: 'edge-removed', edge, ...endsOf(edge) });
  return changes;
}

/** The ends of an edge's key (`source/handle→target`; ids hold no `/` or `→`). */
function endsOf(edge: string): { source: string; handle: string; target: string } {
  const [from = '', target = ''] = edge.split('→');
  const slash = from.indexOf('/');
  return { source: from.slice(0, slash), handle: from.slice(slash + 1), target };
}

/** A value as one short line for the change list. */
export function shortValue(value: JsonValue | undefined, max = 60): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
