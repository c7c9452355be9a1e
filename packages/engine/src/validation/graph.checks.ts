import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { pointer, problem, type Problem } from './problem.ts';
import type { CheckedNodes } from './node.checks.ts';

/** Adjacency of the journey graph: node id -> node ids its edges lead to. */
export function successors(doc: WorkflowDocument): Map<string, string[]> {
  const next = new Map<string, string[]>(doc.nodes.map((n) => [n.id, []]));
  for (const edge of doc.edges) {
    if (next.has(edge.target)) next.get(edge.source)?.push(edge.target);
  }
  return next;
}

/** Edges, outcome handles, the single trigger, reachability, loops without a wait. */
export function checkGraph(doc: WorkflowDocument, checked: CheckedNodes): Problem[] {
  return [
    ...checkEdges(doc, checked),
    ...checkOutcomes(doc, checked),
    ...checkTrigger(doc),
    ...checkReachability(doc),
    ...checkLoops(doc, checked),
  ];
}

function checkEdges(doc: WorkflowDocument, checked: CheckedNodes): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  doc.edges.forEach((edge, index) => {
    const edgeId = edge.id;
    if (seen.has(edgeId)) {
      problems.push(
        problem('edge.duplicateId', pointer('edges', index, 'id'), { edgeId }, { edgeId }),
      );
    }
    seen.add(edgeId);
    if (!nodes.has(edge.source)) {
      problems.push(
        problem(
          'edge.danglingSource',
          pointer('edges', index, 'source'),
          { edgeId, nodeId: edge.source },
          { edgeId },
        ),
      );
    }
    const target = nodes.get(edge.target);
    if (!target) {
      problems.push(
        problem(
          'edge.danglingTarget',
          pointer('edges', index, 'target'),
          { edgeId, nodeId: edge.target },
          { edgeId },
        ),
      );
    } else if (target.type === 'trigger') {
      problems.push(
        problem('edge.intoTrigger', pointer('edges', index, 'target'), { edgeId }, { edgeId }),
      );
    }
    const source = checked.get(edge.source);
    const sourceNode = nodes.get(edge.source);
    if (source && sourceNode) {
      const outcomes = source.type.outcomes(sourceNode.config).map((o) => o.id);
      if (!outcomes.includes(edge.sourceHandle)) {
        problems.push(
          problem(
            'edge.unknownOutcome',
            pointer('edges', index, 'sourceHandle'),
            { edgeId, nodeId: edge.source, handle: edge.sourceHandle, outcomes },
            { edgeId, nodeId: edge.source },
          ),
        );
      }
    }
  });
  return problems;
}

function checkOutcomes(doc: WorkflowDocument, checked: CheckedNodes): Problem[] {
  const problems: Problem[] = [];
  const edgesFrom = new Map<string, number>();
  for (const e of doc.edges) {
    const key = `${e.source}\u0000${e.sourceHandle}`;
    edgesFrom.set(key, (edgesFrom.get(key) ?? 0) + 1);
  }
  for (const [nodeId, { index, type }] of checked) {
    const node = doc.nodes[index];
    if (!node) continue;
    for (const outcome of type.outcomes(node.config)) {
      const count = edgesFrom.get(`${nodeId}\u0000${outcome.id}`) ?? 0;
      if (count === 0) {
        problems.push(
          problem(
            'outcome.unconnected',
            pointer('nodes', index),
            { nodeId, outcome: outcome.id },
            { nodeId },
          ),
        );
      } else if (count > 1) {
        problems.push(
          problem(
            'outcome.multipleEdges',
            pointer('nodes', index),
            { nodeId, outcome: outcome.id },
            { nodeId },
          ),
        );
      }
    }
  }
  return problems;
}

function checkTrigger(doc: WorkflowDocument): Problem[] {
  const triggers = doc.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.type === 'trigger');
  if (triggers.length === 0) return [problem('trigger.missing', '/nodes', undefined)];
  if (triggers.length === 1) return [];
  return triggers
    .slice(1)
    .map(({ n, i }) =>
      problem(
        'trigger.multiple',
        pointer('nodes', i),
        { count: triggers.length },
        { nodeId: n.id },
      ),
    );
}

function checkReachability(doc: WorkflowDocument): Problem[] {
  const trigger = doc.nodes.find((n) => n.type === 'trigger');
  if (!trigger) return [];
  const next = successors(doc);
  const reached = new Set([trigger.id]);
  const queue = [trigger.id];
  while (queue.length > 0) {
    for (const target of next.get(queue.pop() as string) ?? []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return doc.nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => !reached.has(n.id) && n.type !== 'trigger')
    .map(({ n, i }) =>
      problem('node.unreachable', pointer('nodes', i), { nodeId: n.id }, { nodeId: n.id }),
    );
}

/**
 * A loop must pass a node that waits for time or the outside world, or it would spin forever.
 * Remove the waiting nodes; any cycle left (a strongly connected component with more than one
 * node, or a node with an edge to itself) is a loop without a wait.
 */
function checkLoops(doc: WorkflowDocument, checked: CheckedNodes): Problem[] {
  const waiting = new Set([...checked].filter(([, c]) => c.type.waits).map(([id]) => id));
  const next = successors(doc);
  const restricted = new Map(
    [...next]
      .filter(([id]) => !waiting.has(id))
      .map(([id, targets]) => [id, targets.filter((t) => !waiting.has(t))]),
  );
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  return stronglyConnected(restricted)
    .filter(
      (scc) =>
        scc.length > 1 || (restricted.get(scc[0] as string) ?? []).includes(scc[0] as string),
    )
    .map((scc) => {
      const ordered = [...scc].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
      const first = ordered[0] as string;
      return problem(
        'loop.noWait',
        pointer('nodes', index.get(first) ?? 0),
        { nodeIds: ordered },
        { nodeId: first },
      );
    });
}

/** Tarjan's algorithm, iterative so a 5,000-node journey cannot overflow the stack. */
export function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  for (const root of graph.keys()) {
    if (indexOf.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indexOf.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!graph.has(target)) continue;
        if (!indexOf.has(target)) {
          indexOf.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(
            frame.node,
            Math.min(low.get(frame.node) as number, indexOf.get(target) as number),
          );
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(
          parent.node,
          Math.min(low.get(parent.node) as number, low.get(frame.node) as number),
        );
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}
