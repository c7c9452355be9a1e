import { defineNodeType } from '../node-type.ts';
import { effectId } from '../../runtime/effect.types.ts';

export interface EndConfig {
  status: 'completed' | 'failed';
  reason?: string;
}

/** Ends the journey, completed or failed, with a reason operators can read. */
export const endNode = defineNodeType<EndConfig>({
  type: 'end',
  title: { zh: '结束', en: 'End' },
  description: {
    zh: '结束旅程（完成或失败），并记录原因',
    en: 'Ends the journey, completed or failed, with a reason',
  },
  category: 'flow',
  configSchema: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: {
      status: {
        type: 'string',
        enum: ['completed', 'failed'],
        default: 'completed',
        title: 'Status / 状态',
      },
      reason: { type: 'string', maxLength: 200, title: 'Reason / 原因' },
    },
  },
  defaultConfig: { status: 'completed' },
  outcomes: () => [],
  waits: false,
  awaits: () => [],
  reads: () => [],
  writes: () => [],
  compile: (node, c) => ({
    type: 'final',
    entry: [c.enter(), c.effect('ended')],
    output: { status: node.config.status, reason: node.config.reason ?? '' },
  }),
  effects: {
    ended: ({ node, context }) => ({
      kind: 'emit',
      id: effectId(context.visit, 'ended'),
      nodeId: node.id,
      event: node.config.status === 'completed' ? 'journey.completed' : 'journey.failed',
      data: { workflowId: context.workflowId, reason: node.config.reason ?? '' },
    }),
  },
});
