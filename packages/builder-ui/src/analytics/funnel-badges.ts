import type { JourneyFunnel } from './analytics-api.ts';
import { biggestDropOffs } from './funnel-series.ts';

/**
 * What a node's badge on the canvas shows while the funnel overlay is on: the funnel's figures
 * for the node, instances reached first (as the funnel counts them, each instance once), then
 * the entries (an instance looping back enters again), which say more only on a loop.
 */
export interface FunnelBadge {
  reached: number;
  entered: number;
  dropped: number;
  averageMs: number | null;
  /** One of the journey's biggest drop-offs: the node is highlighted. */
  biggestDropOff: boolean;
}

/** The badge of each node the funnel counted, by node id. */
export function funnelBadges(funnel: JourneyFunnel): Map<string, FunnelBadge> {
  const worst = biggestDropOffs(funnel.nodes);
  return new Map(
    funnel.nodes.map((node) => [
      node.nodeId,
      {
        reached: node.reached,
        entered: node.entered,
        dropped: node.dropped,
        averageMs: node.time.averageMs,
        biggestDropOff: worst.has(node.nodeId),
      },
    ]),
  );
}
