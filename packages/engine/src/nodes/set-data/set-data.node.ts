import { defineNodeType } from '../node-type.ts';
import type { JsonValue } from '../../workflow/workflow.types.ts';
import { evaluateExpression } from '../../expressions/json-logic.ts';
import { variableNameSchema } from '../shared/config-schemas.ts';
import { checkCondition, conditionReads } from '../shared/variable-reads.ts';

export interface SetDataConfig {
  /** Applied in order; a later value sees the earlier ones. */
  assignments: { variable: string; value: JsonValue }[];
}

/** Assigns computed values (JSON Logic expressions) to journey data. */
export const setDataNode = defineNodeType<SetDataConfig>({
  type: 'setData',
  title: { zh: '设置数据', en: 'Set data' },
  description: {
    zh: '用 JSON Logic 表达式计算并保存旅程数据',
    en: 'Computes values with JSON Logic expressions and stores them in journey data',
  },
  category: 'data',
  configSchema: {
    type: 'object',
    required: ['assignments'],
    additionalProperties: false,
    properties: {
      assignments: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        title: 'Assignments / 赋值',
        items: {
          type: 'object',
          required: ['variable', 'value'],
          additionalProperties: false,
          properties: {
            variable: variableNameSchema('Variable / 变量'),
            value: { title: 'Value (JSON Logic) / 值', 'x-ui': { widget: 'expression' } },
          },
        },
      },
    },
  },
  defaultConfig: { assignments: [{ variable: 'note', value: 'ok' }] },
  outcomes: () => [{ id: 'next', title: { zh: '继续', en: 'Continue' } }],
  waits: false,
  awaits: () => [],
  // A later value may read what an earlier assignment of the same node set.
  reads: (config) =>
    config.assignments.flatMap((a, i) => {
      const earlier = new Set(config.assignments.slice(0, i).map((x) => x.variable));
      return conditionReads(a.value, `/assignments/${i}/value`).filter(
        (read) => !earlier.has(read.path.split('.')[0] as string),
      );
    }),
  writes: (config) => config.assignments.map((a) => a.variable),
  check: (config) =>
    config.assignments.flatMap((a, i) => checkCondition(a.value, `/assignments/${i}/value`)),
  compile: (_node, c) => ({ entry: [c.enter(), c.update('assign')], always: [c.go('next')] }),
  updates: {
    assign: ({ node, context }) => {
      const data = { ...context.data };
      for (const { variable, value } of node.config.assignments) {
        data[variable] = evaluateExpression(value, data);
      }
      return { data };
    },
  },
});
