import { defineNodeType, type ConfigProblem, type JsonSchema } from '../node-type.ts';
import { validatorFor } from '../../validation/schema-validator.ts';
import type { Condition } from '../../expressions/json-logic.ts';
import { checkCondition, conditionReads } from '../shared/variable-reads.ts';
import { conditionSchema, dataPathSchema, eventTypeSchema } from '../shared/config-schemas.ts';

export interface TriggerConfig {
  /** The event type that starts the journey, e.g. `order.created`. */
  event: string;
  /** Path in the event data whose value correlates later events, e.g. `orderId`. */
  correlationKey: string;
  /** Only events whose data passes this JSON Logic condition start the journey. */
  filter?: Condition;
  /** JSON Schema of the event data; its properties become the journey's first variables. */
  data?: JsonSchema;
}

/** Starts a journey when an order system reports an event. */
export const triggerNode = defineNodeType<TriggerConfig>({
  type: 'trigger',
  title: { zh: '触发器', en: 'Trigger' },
  description: {
    zh: '订单系统发来某类事件时启动旅程，事件数据成为旅程数据',
    en: 'Starts the journey when the order system reports an event; its data becomes journey data',
  },
  category: 'trigger',
  configSchema: {
    type: 'object',
    required: ['event', 'correlationKey'],
    additionalProperties: false,
    properties: {
      event: eventTypeSchema,
      correlationKey: {
        ...dataPathSchema('Correlation key / 关联键'),
        default: 'orderId',
      },
      filter: conditionSchema('Start only if / 仅当'),
      data: {
        type: 'object',
        title: 'Event data schema / 事件数据结构',
        'x-ui': { widget: 'dataSchema' },
      },
    },
  },
  defaultConfig: {
    event: 'order.created',
    correlationKey: 'orderId',
    data: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
  },
  outcomes: () => [{ id: 'next', title: { zh: '开始', en: 'Start' } }],
  waits: false,
  awaits: () => [],
  // The correlation key must be part of the declared event data, like the filter's variables.
  reads: (config) => [
    { path: config.correlationKey, pointer: '/correlationKey' },
    ...conditionReads(config.filter, '/filter'),
  ],
  writes: (config) => Object.keys(dataProperties(config)),
  check: (config) => [...checkCondition(config.filter, '/filter'), ...checkDataSchema(config.data)],
  compile: (_node, c) => ({ entry: [c.enter()], always: [c.go('next')] }),
});

function checkDataSchema(schema: JsonSchema | undefined): ConfigProblem[] {
  if (!schema) return [];
  try {
    validatorFor(schema);
    return [];
  } catch (error) {
    return [{ code: 'dataSchema.invalid', pointer: '/data', value: (error as Error).message }];
  }
}

/** The properties the trigger's data schema declares. */
export function dataProperties(config: TriggerConfig): Record<string, unknown> {
  const properties = config.data?.['properties'];
  return properties && typeof properties === 'object' && !Array.isArray(properties)
    ? (properties as Record<string, unknown>)
    : {};
}
