import type { FunnelNode } from './analytics-api.ts';

/** Node types where a journey ends: instances that reach them end there (as the server counts). */
const ENDS = new Set(['end']);

/**
 * The instances that reached a node, each once (a loop does not count an instance again), split
 * by where they are now: moved on from it, ended there (an end node), still waiting there, or
 * dropped off there. The parts add up to `reached`; `waiting` and `dropped` (counted from
 * entries) are capped at it, so a bar is never longer than the instances that reached the node.
 */
export interface FunnelParts {
  reached: number;
  movedOn: number;
  endedHere: number;
  waiting: number;
  dropped: number;
}

export function funnelParts(node: FunnelNode): FunnelParts {
  const reached = node.reached;
  const waiting = Math.min(node.waiting, reached);
  const dropped = Math.min(node.dropped, reached - waiting);
  const through = reached - waiting - dropped;
  const ends = ENDS.has(node.type);
  return {
    reached,
    movedOn: ends ? 0 : through,
    endedHere: ends ? through : 0,
    waiting,
    dropped,
  };
}
