import type { JsonObject, WorkflowDocument } from '../workflow/workflow.types.ts';

const JUMP = 'simulationJump';
/** Trigger data field that makes a workflow from {@link startingAt} jump to its node. */
export const START_AT_NODE_FLAG = 'simulationStart';

/**
 * The workflow with a condition after its trigger that jumps to `node` when the trigger data
 * says `simulationStart: true`, and otherwise goes on as drawn: every node stays reachable, so
 * the copy passes the same validation as the workflow. The trigger data must still match the
 * trigger's schema (extra fields allowed).
 */
export function startingAt(workflow: WorkflowDocument, node: string): WorkflowDocument {
  const trigger = workflow.nodes.find((n) => n.type === 'trigger');
  if (!trigger || node === trigger.id) return workflow;
  if (!workflow.nodes.some((n) => n.id === node))
    throw new Error(`No node ${node} in ${workflow.id}`);
  const first = workflow.edges.find((e) => e.source === trigger.id);
  const schema = (trigger.config['data'] ?? { type: 'object' }) as JsonObject;
  const properties = (schema['properties'] ?? {}) as JsonObject;
  return {
    ...workflow,
    nodes: [
      ...workflow.nodes.map((n) =>
        n.id === trigger.id
          ? {
              ...n,
              config: {
                ...n.config,
                data: {
                  ...schema,
                  additionalProperties: true,
                  properties: { ...properties, [START_AT_NODE_FLAG]: { type: 'boolean' } },
                },
              },
            }
          : n,
      ),
      {
        id: JUMP,
        type: 'condition',
        position: { x: trigger.position.x, y: trigger.position.y + 150 },
        config: { branches: [{ id: 'jump', when: { '==': [{ var: START_AT_NODE_FLAG }, true] } }] },
      },
    ],
    edges: [
      ...workflow.edges.filter((e) => e !== first),
      { id: `${JUMP}In`, source: trigger.id, sourceHandle: 'next', target: JUMP },
      { id: `${JUMP}To`, source: JUMP, sourceHandle: 'jump', target: node },
      ...(first
        ? [{ id: `${JUMP}Else`, source: JUMP, sourceHandle: 'else', target: first.target }]
        : []),
    ],
  };
}
