import { memo, useMemo, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';

const WIDTH = 200;
const HEIGHT = 150;
/** A node React Flow has not measured yet (out of view) is drawn this size. */
const NODE_SIZE = { width: 180, height: 60 };

const viewOf = (s: ReactFlowState) => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
});
const sameView = (a: ReturnType<typeof viewOf>, b: ReturnType<typeof viewOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/**
 * The minimap of a large journey: every node a rectangle of one SVG path, drawn again only
 * when the nodes change, and the view's frame from one store subscription. React Flow's
 * `MiniMap` subscribes once per node, so with 1,000 nodes each pointer move of a pan ran 1,000
 * selectors (about a sixth of the main thread's time per pan gesture: docs/performance.md).
 * A click (or a drag) on it centres the canvas there.
 */
export const OverviewMap = memo(function OverviewMap({ nodes }: { nodes: JourneyFlowNode[] }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const view = useStore(viewOf, sameView);
  const { box, path } = useMemo(() => drawnNodes(nodes), [nodes]);
  // The journey and the view together, scaled to fit the map.
  const left = Math.min(box.left, -view.x / view.zoom);
  const top = Math.min(box.top, -view.y / view.zoom);
  const right = Math.max(box.right, (view.width - view.x) / view.zoom);
  const bottom = Math.max(box.bottom, (view.height - view.y) / view.zoom);
  const scale = Math.max((right - left) / WIDTH, (bottom - top) / HEIGHT, 1e-6);
  const centreAt = (event: PointerEvent<SVGSVGElement>) => {
    if (event.buttons !== 1) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = left + (event.clientX - rect.left) * scale;
    const y = top + (event.clientY - rect.top) * scale;
    void flow.setCenter(x, y, { zoom: view.zoom });
  };
  return (
    <Panel position="bottom-right" className="react-flow__minimap overview-map">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${left} ${top} ${WIDTH * scale} ${HEIGHT * scale}`}
        role="img"
        aria-label={t('editor.overviewMap')}
        data-testid="overview-map"
        onPointerDown={centreAt}
        onPointerMove={centreAt}
      >
        <path d={path} fill="#d9d9d9" />
        <rect
          className="overview-map-view"
          x={-view.x / view.zoom}
          y={-view.y / view.zoom}
          width={view.width / view.zoom}
          height={view.height / view.zoom}
          fill="none"
          stroke="#1677ff"
          strokeWidth={2 * scale}
        />
      </svg>
    </Panel>
  );
});

/** One SVG path of every node's rectangle, and the box around them all. */
function drawnNodes(nodes: JourneyFlowNode[]): {
  box: { left: number; top: number; right: number; bottom: number };
  path: string;
} {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const parts: string[] = [];
  for (const node of nodes) {
    const { x, y } = node.position;
    const width = node.measured?.width ?? NODE_SIZE.width;
    const height = node.measured?.height ?? NODE_SIZE.height;
    parts.push(
      `M${Math.round(x)} ${Math.round(y)}h${Math.round(width)}v${Math.round(height)}h${-Math.round(width)}z`,
    );
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x + width);
    box.bottom = Math.max(box.bottom, y + height);
  }
  if (parts.length === 0) return { box: { left: 0, top: 0, right: 0, bottom: 0 }, path: '' };
  return { box, path: parts.join('') };
}
