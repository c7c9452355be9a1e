import { defineNodeType } from '../node-type.ts';
import type { LocalizedText } from '../../workflow/workflow.types.ts';
import { evaluateCondition, type Condition } from '../../expressions/json-logic.ts';
import {
  conditionSchema,
  localizedTitleSchema,
  outcomeIdSchema,
} from '../shared/config-schemas.ts';
import { checkCondition, conditionReads } from '../shared/variable-reads.ts';
import { checkUniqueIds } from '../shared/config-checks.ts';

export interface ConditionBranch {
  id: string;
  label?: LocalizedText;
  /** JSON Logic over journey data. */
  when: Condition;
}

export interface ConditionConfig {
  /** Tried in order; the first that holds is taken, otherwise `else`. */
  branches: ConditionBranch[];
}

/** Chooses a path by ordered JSON Logic conditions on journey data. */
export const conditionNode = defineNodeType<ConditionConfig>({
  type: 'condition',
  title: { zh: '条件分支', en: 'Condition' },
  description: {
    zh: '按顺序判断条件（JSON Logic），走第一个成立的分支，否则走“其他”',
    en: 'Takes the first branch whose JSON Logic condition holds, otherwise "else"',
  },
  category: 'flow',
  configSchema: {
    type: 'object',
    required: ['branches'],
    additionalProperties: false,
    properties: {
      branches: {
        type: 'array',
        title: 'Branches / 分支',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          required: ['id', 'when'],
          additionalProperties: false,
          properties: {
            id: { ...outcomeIdSchema, not: { const: 'else' } },
            label: localizedTitleSchema,
            when: conditionSchema('When / 条件'),
          },
        },
      },
    },
  },
  defaultConfig: { branches: [{ id: 'yes', when: { '==': [1, 1] } }] },
  outcomes: (config) => [
    ...config.branches.map((b) => ({ id: b.id, title: b.label ?? { zh: b.id, en: b.id } })),
    { id: 'else', title: { zh: '其他', en: 'Else' } },
  ],
  waits: false,
  awaits: () => [],
  reads: (config) =>
    config.branches.flatMap((b, i) => conditionReads(b.when, `/branches/${i}/when`)),
  writes: () => [],
  check: (config) => [
    ...config.branches.flatMap((b, i) => checkCondition(b.when, `/branches/${i}/when`)),
    ...checkUniqueIds(
      config.branches.map((b) => b.id),
      (i) => `/branches/${i}/id`,
    ),
  ],
  compile: (node, c) => ({
    entry: [c.enter()],
    always: [
      ...node.config.branches.map((branch, index) => ({
        guard: c.check('branch', { index }),
        ...c.go(branch.id),
      })),
      c.go('else'),
    ],
  }),
  guards: {
    branch: ({ node, context, params }) => {
      const branch = node.config.branches[Number(params['index'])];
      return branch !== undefined && evaluateCondition(branch.when, context.data);
    },
  },
});
