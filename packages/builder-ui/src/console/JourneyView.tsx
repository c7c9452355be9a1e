import { useMemo } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { WorkflowDocument } from '@xiaoer/engine';
import { toGraph, type JourneyGraph } from '../graph/journey-graph.ts';
import { highlightPath, type JourneyTrace } from '../graph/path-highlight.ts';
import { JourneyNode } from '../editor/JourneyNode.tsx';
import { useCanvasAriaLabels } from '../editor/canvas-aria-labels.ts';
import { useNamedEdges } from '../editor/edge-names.ts';
import { useNodeRoles } from '../editor/node-roles.ts';
import { EDGES_AFTER_NODES, nodesBeforeEdges } from '../editor/canvas-tab-order.ts';

const nodeTypes = { journey: JourneyNode };

/** A graph drawn read-only (an instance's journey, a diff between versions). */
export function GraphView({
  graph,
  onNodeClick,
}: {
  graph: JourneyGraph;
  /** Told of a click on a node (its id). */
  onNodeClick?: (nodeId: string) => void;
}) {
  const ariaLabels = useCanvasAriaLabels('view');
  const edges = useNamedEdges(graph.nodes, graph.edges);
  const nodes = useNodeRoles(graph.nodes);
  return (
    <ReactFlowProvider>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        {...(onNodeClick
          ? { onNodeClick: (_: unknown, node: { id: string }) => onNodeClick(node.id) }
          : {})}
        minZoom={0.05}
        fitView
        fitViewOptions={{ padding: 0.15, minZoom: 0.05 }}
        ariaLabelConfig={ariaLabels}
        // The Tab key goes through the nodes first, then the connections.
        defaultEdgeOptions={EDGES_AFTER_NODES}
        onKeyDown={nodesBeforeEdges}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}

/** A journey drawn read-only, with a trace (an instance's path and current node) on it. */
export function JourneyView({
  document,
  trace,
  onNodeClick,
}: {
  document: WorkflowDocument;
  trace: JourneyTrace | null;
  onNodeClick?: (nodeId: string) => void;
}) {
  const graph = useMemo(() => highlightPath(toGraph(document), trace), [document, trace]);
  return <GraphView graph={graph} {...(onNodeClick ? { onNodeClick } : {})} />;
}
