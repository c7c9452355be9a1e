/**
 * @xiaoer/builder-ui — the journey editor and operator console (React, React Flow, Ant Design).
 * The app itself is built by Vite from `src/main.tsx`; this module exports its pieces that
 * work without a browser: the palette model and the graph ↔ document mapping.
 */
export { nodePalette, type PaletteItem, type PaletteSection } from './node-palette.ts';
export {
  toGraph,
  toDocument,
  freshNodeId,
  freshEdgeId,
  type JourneyGraph,
  type JourneyFlowNode,
  type JourneyFlowEdge,
  type JourneyNodeData,
} from './graph/journey-graph.ts';
export { autoLayout } from './graph/auto-layout.ts';
