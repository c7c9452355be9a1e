import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '@xiaoer/engine';

/**
 * A valid journey of exactly `nodeCount` nodes (at least 4) for benchmarks: a trigger, then a
 * chain that cycles through message, condition, event wait and data nodes, each outcome
 * connected, ending in a completed and a failed end. Deterministic for a given size.
 */
export function generateWorkflow(nodeCount: number): WorkflowDocument {
  if (!Number.isInteger(nodeCount) || nodeCount < 4) {
    throw new RangeError(`A generated workflow needs at least 4 nodes, not ${nodeCount}`);
  }
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  const connect = (source: string, handle: string, target: string): void => {
    edges.push({ id: `e${edges.length + 1}`, source, sourceHandle: handle, target });
  };
  const at = (i: number) => ({ x: (i % 20) * 260, y: Math.floor(i / 20) * 160 });
  nodes.push({
    id: 'start',
    type: 'trigger',
    position: at(0),
    config: {
      event: 'order.created',
      correlationKey: 'orderId',
      data: {
        type: 'object',
        properties: {
          orderId: { type: 'string' },
          total: { type: 'number' },
          customer: { type: 'object', properties: { phone: { type: 'string' } } },
        },
        required: ['orderId'],
      },
    },
  });
  const chain = nodeCount - 3; // trigger + two ends
  const ids = Array.from({ length: chain }, (_, i) => `n${i + 1}`);
  const next = (i: number) => ids[i + 1] ?? 'done';
  connect('start', 'next', ids[0] ?? 'done');
  for (const [i, id] of ids.entries()) {
    const position = at(i + 1);
    switch (i % 4) {
      case 0:
        nodes.push({
          id,
          type: 'sendMessage',
          position,
          config: {
            channel: 'sms',
            to: '{{customer.phone}}',
            message: { zh: `第 ${i} 步：订单 {{orderId}}`, en: `Step ${i}: order {{orderId}}` },
          },
        });
        connect(id, 'sent', next(i));
        connect(id, 'failed', 'failed');
        break;
      case 1:
        nodes.push({
          id,
          type: 'condition',
          position,
          config: { branches: [{ id: 'big', when: { '>': [{ var: 'total' }, i] } }] },
        });
        connect(id, 'big', next(i));
        connect(id, 'else', next(i));
        break;
      case 2:
        nodes.push({
          id,
          type: 'waitForEvent',
          position,
          config: {
            event: 'order.updated',
            match: { orderId: 'orderId' },
            timeout: '2d',
            saveAs: `update${i}`,
          },
        });
        connect(id, 'received', next(i));
        connect(id, 'timeout', 'failed');
        break;
      default:
        nodes.push({
          id,
          type: 'setData',
          position,
          config: {
            assignments: [{ variable: `step${i}`, value: { '+': [{ var: 'total' }, i] } }],
          },
        });
        connect(id, 'next', next(i));
    }
  }
  nodes.push({ id: 'done', type: 'end', position: at(chain + 1), config: { status: 'completed' } });
  nodes.push({
    id: 'failed',
    type: 'end',
    position: at(chain + 2),
    config: { status: 'failed', reason: 'generated failure' },
  });
  return {
    id: `generated-${nodeCount}`,
    name: `Generated ${nodeCount}`,
    version: 1,
    nodes,
    edges,
  };
}
