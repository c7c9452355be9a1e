import type { Problem, WorkflowDocument } from '@xiaoer/engine';
import type { FlowCounts } from '../api/api-client.ts';
import type { FunnelBadge } from '../analytics/funnel-badges.ts';
import type { JourneyTrace } from '../graph/path-highlight.ts';
import {
  stableJson,
  toDocument,
  type JourneyFlowEdge,
  type JourneyFlowNode,
  type JourneyGraph,
} from '../graph/journey-graph.ts';

/**
 * What the editor derives from its graph, reusing the previous answer wherever the part it
 * depends on did not change: measuring, selecting and panning the canvas never rebuild the
 * document, never validate it again and never hand React Flow new node objects for nodes that
 * look the same. With 1,000 nodes that is the difference between one frame and several.
 */

/** No problems: one shared array, so a node without problems keeps its data object. */
const NONE: Problem[] = [];

/**
 * The document of a graph, or `previous` itself when the graph differs from it only in what a
 * document does not hold (selection, measured size, a node's drawn class).
 */
export function documentOf(
  base: WorkflowDocument,
  graph: JourneyGraph,
  previous: WorkflowDocument | undefined,
): WorkflowDocument {
  if (previous && sameDocument(base, graph, previous)) return previous;
  return toDocument(base, graph);
}

function sameDocument(
  base: WorkflowDocument,
  graph: JourneyGraph,
  previous: WorkflowDocument,
): boolean {
  const { nodes: _n, edges: _e, ...head } = previous;
  const { nodes: _bn, edges: _be, ...baseHead } = base;
  if (!shallowEqual(head, baseHead)) return false;
  if (graph.nodes.length !== previous.nodes.length) return false;
  if (graph.edges.length !== previous.edges.length) return false;
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    const was = previous.nodes[i]!;
    if (
      node.id !== was.id ||
      node.data.nodeType !== was.type ||
      node.data.config !== was.config ||
      node.data.label !== was.label ||
      Math.round(node.position.x) !== was.position.x ||
      Math.round(node.position.y) !== was.position.y
    )
      return false;
  }
  for (let i = 0; i < graph.edges.length; i++) {
    const edge = graph.edges[i]!;
    const was = previous.edges[i]!;
    if (
      edge.id !== was.id ||
      edge.source !== was.source ||
      edge.target !== was.target ||
      (edge.sourceHandle ?? '') !== was.sourceHandle
    )
      return false;
  }
  return true;
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Whether two documents can differ in what validation and the variable analysis read: moving
 * a node changes its position only, and those answers stay the same.
 */
export function sameLogic(a: WorkflowDocument | undefined, b: WorkflowDocument): boolean {
  if (!a) return false;
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const { nodes: _an, edges: _ae, ...aHead } = a;
  const { nodes: _bn, edges: _be, ...bHead } = b;
  if (!shallowEqual(aHead, bHead)) return false;
  return (
    a.nodes.every((node, i) => {
      const other = b.nodes[i]!;
      return (
        node.id === other.id &&
        node.type === other.type &&
        node.config === other.config &&
        node.label === other.label
      );
    }) &&
    a.edges.every((edge, i) => {
      const other = b.edges[i]!;
      return (
        edge.id === other.id &&
        edge.source === other.source &&
        edge.target === other.target &&
        edge.sourceHandle === other.sourceHandle
      );
    })
  );
}

/** What the canvas draws on top of the graph. */
export interface Decorations {
  problems: Problem[];
  trace: JourneyTrace | null;
  counts: FlowCounts | null;
  badges: Map<string, FunnelBadge> | null;
}

interface DrawnData {
  problems: Problem[];
  liveCount: number | undefined;
  funnel: FunnelBadge | undefined;
  data: JourneyFlowNode['data'];
}
interface DrawnNode {
  data: JourneyFlowNode['data'];
  className: string | undefined;
  drawn: JourneyFlowNode;
}
interface DrawnEdge {
  problems: Problem[];
  taken: boolean;
  label: string | undefined;
  drawn: JourneyFlowEdge;
}

/**
 * Draws decorations on graphs, remembering what it drew: a node (or edge) whose graph object
 * and decorations are the same as last time is handed back as the same object, a moved node
 * keeps its drawn data object, and when nothing in the nodes (or edges) changed the same array
 * comes back. So React Flow rebuilds nothing it already has, and the memoized node component
 * and the settings form skip what did not change. One decorator per editor.
 */
export function graphDecorator(): (graph: JourneyGraph, decorations: Decorations) => JourneyGraph {
  const dataDrawn = new WeakMap<JourneyFlowNode['data'], DrawnData>();
  const nodesDrawn = new WeakMap<JourneyFlowNode, DrawnNode>();
  const edgesDrawn = new WeakMap<JourneyFlowEdge, DrawnEdge>();
  let byPart = {
    problems: NONE,
    nodes: new Map<string, Problem[]>(),
    edges: new Map<string, Problem[]>(),
  };
  let last: JourneyGraph = { nodes: [], edges: [] };

  const drawData = (node: JourneyFlowNode, { counts, badges }: Decorations) => {
    const problems = byPart.nodes.get(node.id) ?? NONE;
    const liveCount = counts ? (counts.nodes[node.id] ?? 0) : undefined;
    const funnel = badges?.get(node.id);
    const before = dataDrawn.get(node.data);
    if (
      before &&
      before.problems === problems &&
      before.liveCount === liveCount &&
      before.funnel === funnel
    )
      return before.data;
    const data = {
      ...node.data,
      problems,
      ...(liveCount === undefined ? {} : { liveCount }),
      ...(funnel ? { funnel } : {}),
    };
    dataDrawn.set(node.data, { problems, liveCount, funnel, data });
    return data;
  };

  return (graph, decorations) => {
    const { problems, trace, counts } = decorations;
    if (byPart.problems !== problems) byPart = { problems, ...problemsByPart(problems) };
    const nodes = graph.nodes.map((node) => {
      const data = drawData(node, decorations);
      const className = trace
        ? trace.current === node.id
          ? 'journey-current'
          : trace.visited.has(node.id)
            ? 'journey-visited'
            : ''
        : undefined;
      const before = nodesDrawn.get(node);
      if (before && before.data === data && before.className === className) return before.drawn;
      const drawn: JourneyFlowNode = {
        ...node,
        ...(className === undefined ? {} : { className }),
        data,
      };
      nodesDrawn.set(node, { data, className, drawn });
      return drawn;
    });
    const edges = graph.edges.map((edge) => {
      const own = byPart.edges.get(edge.id) ?? NONE;
      const taken = trace?.taken.has(`${edge.source}/${edge.sourceHandle}`) ?? false;
      const label = counts
        ? String(counts.outcomes[`${edge.source}/${edge.sourceHandle}`] ?? 0)
        : undefined;
      const before = edgesDrawn.get(edge);
      if (before && before.problems === own && before.taken === taken && before.label === label)
        return before.drawn;
      const drawn: JourneyFlowEdge = {
        ...edge,
        data: { problems: own },
        ...(own.length ? { className: 'faulty', animated: true } : {}),
        ...(taken ? { className: 'journey-path', animated: true } : {}),
        ...(label === undefined ? {} : { label }),
      };
      edgesDrawn.set(edge, { problems: own, taken, label, drawn });
      return drawn;
    });
    last = {
      nodes: sameItems(nodes, last.nodes) ? last.nodes : nodes,
      edges: sameItems(edges, last.edges) ? last.edges : edges,
    };
    return last;
  };
}

/** Whether two arrays hold the same objects in the same order. */
function sameItems<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Problems per node id and per edge id, in one pass. */
function problemsByPart(problems: Problem[]) {
  const nodes = new Map<string, Problem[]>();
  const edges = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.nodeId) nodes.set(problem.nodeId, [...(nodes.get(problem.nodeId) ?? []), problem]);
    if (problem.edgeId) edges.set(problem.edgeId, [...(edges.get(problem.edgeId) ?? []), problem]);
  }
  return { nodes, edges };
}

/**
 * Whether `current` has the content of `saved` (the unsaved-changes mark), in one pass with no
 * JSON text for the configs the canvas kept as they were loaded or saved; key order never
 * counts.
 */
export function sameContent(saved: WorkflowDocument, current: WorkflowDocument): boolean {
  if (saved === current) return true;
  const { nodes: savedNodes, edges: savedEdges, ...savedHead } = saved;
  const { nodes, edges, ...head } = current;
  if (nodes.length !== savedNodes.length || edges.length !== savedEdges.length) return false;
  if (stableJson(head) !== stableJson(savedHead)) return false;
  return (
    nodes.every((node, i) => {
      const was = savedNodes[i]!;
      return (
        node.id === was.id &&
        node.type === was.type &&
        node.label === was.label &&
        node.position.x === was.position.x &&
        node.position.y === was.position.y &&
        (node.config === was.config || stableJson(node.config) === stableJson(was.config))
      );
    }) &&
    edges.every((edge, i) => {
      const was = savedEdges[i]!;
      return (
        edge.id === was.id &&
        edge.source === was.source &&
        edge.target === was.target &&
        edge.sourceHandle === was.sourceHandle
      );
    })
  );
}
