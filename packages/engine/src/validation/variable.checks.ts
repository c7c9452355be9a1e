import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { isStorableKey } from '../expressions/data-keys.ts';
import { pointer, problem, type Problem } from './problem.ts';
import type { CheckedNodes } from './node.checks.ts';
import { successors } from './graph.checks.ts';

/**
 * The variables known when each node runs: the trigger's declared data plus everything a node
 * on some path before it assigns (a forward data-flow fixpoint over the graph).
 */
export function knownVariables(
  doc: WorkflowDocument,
  checked: CheckedNodes,
): Map<string, Set<string>> {
  const writes = new Map<string, string[]>();
  for (const [id, { index, type }] of checked)
    writes.set(id, type.writes(doc.nodes[index]?.config ?? {}));
  const known = new Map<string, Set<string>>(doc.nodes.map((n) => [n.id, new Set<string>()]));
  const next = successors(doc);
  const queue = doc.nodes.map((n) => n.id);
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    queued.delete(id);
    const out = new Set([...(known.get(id) ?? []), ...(writes.get(id) ?? [])]);
    for (const target of next.get(id) ?? []) {
      const into = known.get(target);
      if (!into) continue;
      const before = into.size;
      for (const v of out) into.add(v);
      if (into.size !== before && !queued.has(target)) {
        queue.push(target);
        queued.add(target);
      }
    }
  }
  return known;
}

/** Unknown variables in templates and conditions; data keys the store cannot keep. */
export function checkVariables(doc: WorkflowDocument, checked: CheckedNodes): Problem[] {
  const problems: Problem[] = [];
  const known = knownVariables(doc, checked);
  for (const [nodeId, { index, type }] of checked) {
    const config = doc.nodes[index]?.config ?? {};
    for (const name of type.writes(config)) {
      if (!isStorableKey(name)) {
        problems.push(
          problem('variable.unstorable', pointer('nodes', index, 'config'), { name }, { nodeId }),
        );
      }
    }
    const available = known.get(nodeId) ?? new Set<string>();
    // The trigger's filter reads the event's own data.
    const visible = type.type === 'trigger' ? new Set(type.writes(config)) : available;
    for (const read of type.reads(config)) {
      const root = read.path.split('.')[0] as string;
      if (!visible.has(root)) {
        problems.push(
          problem(
            'variable.unknown',
            pointer('nodes', index, 'config') + read.pointer,
            { nodeId, variable: read.path, known: [...visible].sort() },
            { nodeId },
          ),
        );
      }
    }
  }
  return problems;
}
