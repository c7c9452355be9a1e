import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyFlowEdge, JourneyFlowNode } from '../graph/journey-graph.ts';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { nodeName, outcomeTitle } from './canvas-names.ts';
import { EDGES_AFTER_NODES } from './canvas-tab-order.ts';
import { sameListOr } from './same-list.ts';

/** What edges are named with: the console's texts and its language. */
export interface EdgeWords {
  t: (key: string, options?: Record<string, string>) => string;
  language: Language;
}

/**
 * An edge's name for screen readers, in the console's language, its ends named as the canvas
 * shows them ("Connection from "Send message · Thanks" (Continue) to "End · completed"") — in
 * place of React Flow's English "Edge from thankYou to completed".
 */
export function edgeName(
  edge: JourneyFlowEdge,
  byId: ReadonlyMap<string, JourneyFlowNode>,
  { t, language }: EdgeWords,
): string {
  const source = byId.get(edge.source);
  const handle = edge.sourceHandle ?? '';
  return t('canvas.edge', {
    source: nodeName(source, edge.source, language),
    outcome: (source && outcomeTitle(source, handle, language)) ?? handle,
    target: nodeName(byId.get(edge.target), edge.target, language),
  });
}

/**
 * The edges with their names (`ariaLabel`) and what a screen reader calls them
 * (`aria-roledescription`: "连线" / "connection", not React Flow's "edge") in the language
 * shown; an edge named already (a version diff's added or removed one) keeps its name. The same
 * array while no name changes, and the same edge objects for edges whose name did not change:
 * moving a node re-renders no edge for its name.
 */
export function useNamedEdges(
  nodes: readonly JourneyFlowNode[],
  edges: readonly JourneyFlowEdge[],
): JourneyFlowEdge[] {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const named = useRef(new WeakMap<JourneyFlowEdge, JourneyFlowEdge>());
  const last = useRef<JourneyFlowEdge[]>([]);
  return useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const role = t('canvas.edgeRole');
    const next = edges.map((edge) => {
      const ariaLabel = edge.ariaLabel || edgeName(edge, byId, { t, language });
      const was = named.current.get(edge);
      if (was?.ariaLabel === ariaLabel && was.domAttributes?.['aria-roledescription'] === role)
        return was;
      const edgeNamed = {
        ...edge,
        ariaLabel,
        // An edge's own attributes replace the canvas's default ones whole: keep its tab order.
        domAttributes: {
          ...EDGES_AFTER_NODES.domAttributes,
          ...edge.domAttributes,
          'aria-roledescription': role,
        },
      };
      named.current.set(edge, edgeNamed);
      return edgeNamed;
    });
    return sameListOr(last, next);
  }, [nodes, edges, t, language]);
}
