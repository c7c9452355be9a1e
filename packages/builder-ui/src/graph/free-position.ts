import type { XYPosition } from '@xyflow/react';
import type { JourneyFlowNode } from './journey-graph.ts';

/** A node's size before the canvas has measured it (a node is 180 wide, 75 to 150 high). */
const UNMEASURED = { width: 180, height: 150 };
/** Space kept between a placed node and the one it would have covered. */
const GAP = 20;

const boxOf = (node: Pick<JourneyFlowNode, 'position' | 'measured'>) => ({
  x: node.position.x,
  y: node.position.y,
  width: node.measured?.width ?? UNMEASURED.width,
  height: node.measured?.height ?? UNMEASURED.height,
});

/**
 * Where a new node goes when dropped at `wanted`: there if it covers no node, else just below
 * the nodes it would cover, so that no node hides another (one dropped on a node used to sit
 * on it, and the node under it could no longer be grabbed or connected).
 */
export function freePosition(nodes: readonly JourneyFlowNode[], wanted: XYPosition): XYPosition {
  const at = { ...wanted };
  for (let tries = 0; tries <= nodes.length; tries++) {
    const covered = nodes
      .map(boxOf)
      .find(
        (box) =>
          at.x < box.x + box.width + GAP &&
          box.x < at.x + UNMEASURED.width + GAP &&
          at.y < box.y + box.height + GAP &&
          box.y < at.y + UNMEASURED.height + GAP,
      );
    if (!covered) return at;
    at.y = covered.y + covered.height + GAP;
  }
  return at;
}

/**
 * How far pasted copies go from the nodes they copy: 40 px down and right, and 40 more each
 * time that would put a copy exactly on a node already there (the same copy pasted again).
 */
export function pasteOffset(
  nodes: readonly JourneyFlowNode[],
  copied: readonly JourneyFlowNode[],
): number {
  const taken = (x: number, y: number) =>
    nodes.some((node) => Math.abs(node.position.x - x) < 8 && Math.abs(node.position.y - y) < 8);
  let offset = 40;
  while (copied.some((node) => taken(node.position.x + offset, node.position.y + offset)))
    offset += 40;
  return offset;
}
