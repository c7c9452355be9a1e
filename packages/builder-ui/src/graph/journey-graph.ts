import type { Edge, Node } from '@xyflow/react';
import type { JsonObject, Problem, WorkflowDocument, WorkflowNode } from '@xiaoer/engine';
import type { FunnelBadge } from '../analytics/funnel-badges.ts';

/** What a canvas node carries: the document node's type, config and label, and its problems. */
export interface JourneyNodeData {
  nodeType: string;
  config: JsonObject;
  label?: string;
  problems: Problem[];
  /** Active instances in this node now, while the live overlay is on. */
  liveCount?: number;
  /** The node's funnel figures, while the analytics overlay is on (never saved). */
  funnel?: FunnelBadge;
  /** In a version diff, how the newer version differs on this node (none: the same). */
  diff?: DiffStatus;
  /** In a version diff, whether the newer version has this node at another place. */
  moved?: boolean;
  /** In a version diff, a changed node's fields that differ (`label`, `config.message.zh`). */
  changedFields?: string[];
  /** In a version diff, a changed node's fields in words, for its tooltip (`What changed: Label`). */
  changeNote?: string;
  [key: string]: unknown;
}

/**
 * How a node or edge differs in a version diff: the newer version added it, changed it (nodes
 * only; a move is no change, marked apart: `moved`), or no longer has it (drawn where the older version had it).
 */
export type DiffStatus = 'added' | 'changed' | 'removed';

export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;
export type JourneyFlowEdge = Edge<{
  problems: Problem[];
  /** In a version diff, whether the newer version added this connection or removed it. */
  diff?: Exclude<DiffStatus, 'changed'>;
}>;

export interface JourneyGraph {
  nodes: JourneyFlowNode[];
  edges: JourneyFlowEdge[];
}

/** The canvas graph of a workflow document: one React Flow node per node, edge per edge. */
export function toGraph(document: WorkflowDocument, problems: Problem[] = []): JourneyGraph {
  return {
    nodes: document.nodes.map((node) => ({
      id: node.id,
      type: 'journey',
      position: { ...node.position },
      data: {
        nodeType: node.type,
        config: node.config,
        ...(node.label !== undefined ? { label: node.label } : {}),
        problems: problems.filter((p) => p.nodeId === node.id),
      },
    })),
    edges: document.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      data: { problems: problems.filter((p) => p.edgeId === edge.id) },
    })),
  };
}

/**
 * The workflow document of a canvas graph: `base` gives the id, name, version and description;
 * nodes and edges come from the graph. Loading a document and saving it unchanged gives the
 * same document.
 */
export function toDocument(base: WorkflowDocument, graph: JourneyGraph): WorkflowDocument {
  return {
    ...base,
    nodes: graph.nodes.map((node): WorkflowNode => ({
      id: node.id,
      type: node.data.nodeType,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      config: node.data.config,
      ...(node.data.label !== undefined ? { label: node.data.label } : {}),
    })),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? '',
      target: edge.target,
    })),
  };
}

/** A node id not yet used in the graph, from the node type (`sendMessage2`). */
export function freshNodeId(graph: JourneyGraph, nodeType: string): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  for (let n = 1; ; n++) if (!taken.has(`${nodeType}${n}`)) return `${nodeType}${n}`;
}

/** An edge id not yet used in the graph. */
export function freshEdgeId(graph: JourneyGraph): string {
  const taken = new Set(graph.edges.map((e) => e.id));
  for (let n = graph.edges.length + 1; ; n++) if (!taken.has(`e${n}`)) return `e${n}`;
}

/** JSON text with object keys in a fixed order: equal content gives equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A document's content as text with keys in a fixed order: two documents that differ only in
 * key order (as stored versus as rebuilt from the canvas) give the same text.
 */
export const documentKey = (document: WorkflowDocument): string => stableJson(document);
