import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyFlowNode } from '../graph/journey-graph.ts';
import { sameListOr } from './same-list.ts';

/**
 * The nodes with what a screen reader calls a node ("节点" / "node") in the console's
 * language: React Flow says `aria-roledescription="node"` in English unless a node's
 * `domAttributes` say otherwise. The same array while nothing changes, and the same node objects
 * for nodes that did not change: moving one node re-renders no other.
 */
export function useNodeRoles(nodes: readonly JourneyFlowNode[]): JourneyFlowNode[] {
  const { t } = useTranslation();
  const role = t('canvas.nodeRole');
  const roled = useRef(new WeakMap<JourneyFlowNode, JourneyFlowNode>());
  const last = useRef<JourneyFlowNode[]>([]);
  return useMemo(() => {
    const next = nodes.map((node) => {
      const was = roled.current.get(node);
      if (was?.domAttributes?.['aria-roledescription'] === role) return was;
      const withRole = {
        ...node,
        domAttributes: { ...node.domAttributes, 'aria-roledescription': role },
      };
      roled.current.set(node, withRole);
      return withRole;
    });
    return sameListOr(last, next);
  }, [nodes, role]);
}
