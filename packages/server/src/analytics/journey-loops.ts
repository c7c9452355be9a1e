import type { WorkflowDocument } from '@xiaoer/engine';

/**
 * The nodes of a workflow that lie on a loop (a path of edges from the node back to itself):
 * the only nodes an instance can enter more than once. Every other node is entered at most once
 * per instance, so its entries are its instances; the rollup remembers an instance's entries
 * only at these (analytics-rollup.ts).
 */
export function loopNodes(workflow: Pick<WorkflowDocument, 'nodes' | 'edges'>): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of workflow.edges)
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const loops = new Set<string>();
  for (const node of workflow.nodes) {
    const seen = new Set<string>();
    const todo = [...(next.get(node.id) ?? [])];
    while (todo.length > 0) {
      const at = todo.pop()!;
      if (at === node.id) {
        loops.add(node.id);
        break;
      }
      if (seen.has(at)) continue;
      seen.add(at);
      todo.push(...(next.get(at) ?? []));
    }
  }
  return loops;
}
