import type { KeyboardEvent } from 'react';
import type { DefaultEdgeOptions } from '@xyflow/react';

/**
 * The Tab key on a canvas goes through the nodes first, then the connections.
 *
 * React Flow draws the connections (an SVG) before the nodes in the page, so the Tab key
 * visited every connection of a journey before its first node (WCAG 2.4.3, focus order).
 * No option of React Flow's changes the order: here each connection leaves the page's Tab
 * sequence (`tabIndex` -1 through `defaultEdgeOptions`, which React Flow puts after its own
 * `tabIndex`), and {@link nodesBeforeEdges} takes the Tab key from the last node to the
 * first connection, from one connection to the next, and from the last one on to what follows
 * the nodes (the zoom buttons); Shift+Tab goes back the same way. A connection is still
 * focused by a click and selected with Enter or Space, as before.
 */
export const EDGES_AFTER_NODES: DefaultEdgeOptions = { domAttributes: { tabIndex: -1 } };

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The canvas's elements the Tab key stops at, in page order (the connections not among them). */
function tabStops(canvas: HTMLElement): HTMLElement[] {
  return [...canvas.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) =>
      element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
  );
}

/** The canvas's `onKeyDown`: the Tab key's way through nodes, then connections. */
export function nodesBeforeEdges(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const canvas = event.currentTarget;
  const edges = [...canvas.querySelectorAll<SVGGElement>('.react-flow__edge[tabindex="-1"]')];
  const nodes = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node[tabindex="0"]')];
  const lastNode = nodes.at(-1);
  if (edges.length === 0 || !lastNode) return;
  const at = edges.indexOf(event.target as SVGGElement);
  const go = (element: HTMLElement | SVGGElement | undefined) => {
    if (!element) return;
    event.preventDefault();
    element.focus();
  };
  if (!event.shiftKey) {
    if (event.target === lastNode) go(edges[0]);
    else if (at >= 0 && at < edges.length - 1) go(edges[at + 1]);
    // From the last connection, the browser's own Tab goes on from the last node.
    else if (at === edges.length - 1) lastNode.focus();
    return;
  }
  if (at > 0) go(edges[at - 1]);
  else if (at === 0) go(lastNode);
  else {
    // Back into the canvas from what follows the nodes: to the last connection.
    const stops = tabStops(canvas);
    const index = stops.indexOf(event.target as HTMLElement);
    if (index > 0 && stops[index - 1] === lastNode) go(edges.at(-1));
  }
}
