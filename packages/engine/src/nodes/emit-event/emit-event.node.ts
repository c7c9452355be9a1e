import { defineNodeType } from '../node-type.ts';
import type { JsonValue } from '../../workflow/workflow.types.ts';
import { effectId } from '../../runtime/effect.types.ts';
import { renderValue } from '../../expressions/template.ts';
import { templateObjectReads } from '../shared/variable-reads.ts';
import { eventTypeSchema } from '../shared/config-schemas.ts';

export interface EmitEventConfig {
  /** Domain event to publish, e.g. `staff.alert`. */
  event: string;
  /** Event data; string values are templates. */
  data?: Record<string, JsonValue>;
}

/** Publishes a domain event (an alert to staff, a hand-over) and continues. */
export const emitEventNode = defineNodeType<EmitEventConfig>({
  type: 'emitEvent',
  title: { zh: '发布事件', en: 'Emit event' },
  description: {
    zh: '发布一个业务事件（如提醒员工）后继续',
    en: 'Publishes a domain event (e.g. an alert to staff) and continues',
  },
  category: 'data',
  configSchema: {
    type: 'object',
    required: ['event'],
    additionalProperties: false,
    properties: {
      event: eventTypeSchema,
      data: { type: 'object', title: 'Data / 数据', 'x-ui': { widget: 'templates' } },
    },
  },
  defaultConfig: { event: 'staff.alert', data: { orderId: '{{orderId}}' } },
  outcomes: () => [{ id: 'next', title: { zh: '继续', en: 'Continue' } }],
  waits: false,
  awaits: () => [],
  reads: (config) => templateObjectReads(config.data, '/data'),
  writes: () => [],
  compile: (_node, c) => ({ entry: [c.enter(), c.effect('emit')], always: [c.go('next')] }),
  effects: {
    emit: ({ node, context }) => ({
      kind: 'emit',
      id: effectId(context.visit, 'emit'),
      nodeId: node.id,
      event: node.config.event,
      data: Object.fromEntries(
        Object.entries(node.config.data ?? {}).map(([k, v]) => [k, renderValue(v, context.data)]),
      ),
    }),
  },
});
