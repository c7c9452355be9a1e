import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { JourneyNode } from './JourneyNode.tsx';
import { NODE_TYPE_DRAG } from './Palette.tsx';
import { EmptyCanvasGuide } from './EmptyCanvasGuide.tsx';
import { OverviewMap } from './OverviewMap.tsx';
import { FIT_MAX_ZOOM, fitWhenDrawn } from './fit-journey.ts';
import { useEditor, useEditorStore } from './editor-context.ts';
import { useCanvasAriaLabels } from './canvas-aria-labels.ts';
import { useNamedEdges } from './edge-names.ts';
import { useNodeRoles } from './node-roles.ts';
import { EDGES_AFTER_NODES, nodesBeforeEdges } from './canvas-tab-order.ts';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';

const nodeTypes = { journey: JourneyNode };
/** From this many nodes on, the canvas draws only the nodes and edges in view. */
const LARGE_JOURNEY = 300;
/** Far enough out that a 200-node journey fits a 1440x900 window (React Flow's default is 0.5). */
const MIN_ZOOM = 0.05;
const DELETE_KEYS = ['Backspace', 'Delete'];
/** A large journey opens readable (this zoom) on the nodes this near its trigger. */
const START_ZOOM = 0.5;
const START_REACH = 1400;

/** The ids of the nodes around the trigger, where a large journey opens; none without one. */
function startOf(nodes: readonly JourneyFlowNode[]): { id: string }[] | undefined {
  const trigger = nodes.find((node) => node.data.nodeType === 'trigger');
  if (!trigger) return undefined;
  const near = (node: JourneyFlowNode) =>
    Math.abs(node.position.x - trigger.position.x) <= START_REACH &&
    Math.abs(node.position.y - trigger.position.y) <= START_REACH;
  return nodes.filter(near).map((node) => ({ id: node.id }));
}

const onDragOver = (event: DragEvent) => {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
};

/**
 * The journey on the canvas. It reads the drawn graph only: the store hands back the same
 * node objects for nodes that did not change, so panning and measuring re-render nothing
 * else (see editor-derived.ts).
 */
export function EditorCanvas({ canEdit }: { canEdit: boolean }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const ariaLabels = useCanvasAriaLabels(canEdit ? 'edit' : 'inspect');
  const nodes = useEditor((s) => s.shown.nodes);
  const shownEdges = useEditor((s) => s.shown.edges);
  // Named for screen readers in the console's language, not React Flow's English.
  const edges = useNamedEdges(nodes, shownEdges);
  const roledNodes = useNodeRoles(nodes);
  const empty = useEditor((s) => s.graph.nodes.length === 0);
  const { onNodesChange, onEdgesChange, onConnect, checkpoint } = store.getState();
  const large = nodes.length > LARGE_JOURNEY;
  // Up to LARGE_JOURNEY nodes the whole journey fits the window; a larger one opens at its
  // start (the nodes around its trigger), readable, rather than as a thousand specks drawn
  // all at once or at its middle. The fit view button fits the whole journey.
  const [start] = useState(() => (large ? startOf(nodes) : undefined));
  // A new journey opens empty and stays at the zoom it opened at: fitting the view to the
  // first node dropped on it (React Flow fits once the first nodes appear) zoomed to twice the
  // size and moved the node away from where it was dropped, under the next one.
  const [startsEmpty] = useState(() => nodes.length === 0);
  const fitViewOptions = useMemo(
    () =>
      large
        ? {
            padding: 0.1,
            minZoom: START_ZOOM,
            maxZoom: START_ZOOM,
            ...(start ? { nodes: start } : {}),
          }
        : { padding: 0.1, minZoom: MIN_ZOOM, maxZoom: FIT_MAX_ZOOM },
    [large, start],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      if (!canEdit) return;
      const type = event.dataTransfer.getData(NODE_TYPE_DRAG);
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNode(type, position);
    },
    [flow, store, canEdit],
  );
  return (
    <main className="editor-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={roledNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={checkpoint}
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        deleteKeyCode={canEdit ? DELETE_KEYS : null}
        // Large journeys: draw only what is on screen (1,000 nodes panned at 17 fps drawn
        // all at once; see docs/performance.md).
        onlyRenderVisibleElements={large}
        minZoom={MIN_ZOOM}
        fitView={!startsEmpty}
        fitViewOptions={fitViewOptions}
        ariaLabelConfig={ariaLabels}
        // The Tab key goes through the nodes first, then the connections.
        defaultEdgeOptions={EDGES_AFTER_NODES}
        onKeyDown={nodesBeforeEdges}
      >
        <Background />
        {/* React Flow's minimap subscribes once per node: a large journey gets a lighter one. */}
        {large ? <OverviewMap nodes={nodes} /> : <MiniMap pannable zoomable />}
        {/* Read-only, no lock button: unlocking would let nodes be dragged. */}
        <Controls showInteractive={canEdit} />
      </ReactFlow>
      {empty && (
        <EmptyCanvasGuide
          canEdit={canEdit}
          onTemplate={(template) => {
            // The template's steps under this journey's id and name.
            store.getState().replaceJourney(template, true);
            fitWhenDrawn(flow);
          }}
        />
      )}
    </main>
  );
}
