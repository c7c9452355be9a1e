import type { ReactFlowInstance } from '@xyflow/react';

/** A small journey is fitted no nearer than this (React Flow's default fit goes up to 2). */
export const FIT_MAX_ZOOM = 1;

/**
 * Fits the canvas to a journey that replaced the one shown (a template, an import), once its
 * nodes are drawn: the canvas fits by itself only when it opens.
 */
export function fitWhenDrawn(flow: Pick<ReactFlowInstance, 'fitView'>): void {
  setTimeout(() => void flow.fitView({ padding: 0.1, maxZoom: FIT_MAX_ZOOM }), 50);
}
