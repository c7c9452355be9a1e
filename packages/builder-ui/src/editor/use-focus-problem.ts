import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Problem } from '@xiaoer/engine';
import { fieldIdOf } from './config-form.ts';
import { useEditorStore } from './editor-context.ts';

/**
 * Goes to a problem, from the problems list or the publish dialog alike: selects its node,
 * centres the canvas on it and then puts the cursor in its field (`root_message_zh`).
 */
export function useFocusProblem(): (problem: Problem) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return useCallback(
    (problem: Problem) => {
      const node = store.getState().graph.nodes.find((n) => n.id === problem.nodeId);
      if (!node) return;
      store.getState().focusNode(node.id);
      void flow.setCenter(node.position.x + 100, node.position.y + 50, {
        zoom: 1.2,
        duration: 300,
      });
      // Then the field, once the inspector shows the node's form.
      const field = fieldIdOf(problem.pointer);
      if (field) setTimeout(() => window.document.getElementById(field)?.focus(), 100);
    },
    [flow, store],
  );
}
