import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { renderTemplate } from '../../expressions/template.ts';
import { templateSchema, variableNameSchema } from '../shared/config-schemas.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { checkUniqueIds } from '../shared/config-checks.ts';
import { isServiceAnswer, serviceCall, SERVICE_OPERATIONS } from '../shared/service-call.ts';

export interface ClassifyIntentConfig {
  /** What to classify; usually the customer's words (`{{text}}`, `{{reply.text}}`). */
  text: string;
  /** The intents this journey tells apart: one outcome each, plus `unknown`. */
  intents: string[];
  /** Store `{ intent, confidence }` under this variable. */
  saveAs?: string;
}

const INTENT_ID = '^[a-z][A-Za-z0-9]{0,39}$';

/** Recognises the intent of a text and takes the outcome of that intent (or `unknown`). */
export const classifyIntentNode = defineNodeType<ClassifyIntentConfig>({
  type: 'classifyIntent',
  title: { zh: '识别意图', en: 'Classify intent' },
  description: {
    zh: '识别一段话的意图（查物流、退款、转人工…），按意图走不同分支，认不出走“未知”',
    en: 'Recognises what a text asks for (parcel, refund, a person…) and takes that branch, or "unknown"',
  },
  category: 'customer',
  configSchema: {
    type: 'object',
    required: ['text', 'intents'],
    additionalProperties: false,
    properties: {
      text: { ...templateSchema('Text / 文本', 500), minLength: 1 },
      intents: {
        type: 'array',
        title: 'Intents / 意图',
        minItems: 1,
        maxItems: 20,
        items: { type: 'string', pattern: INTENT_ID, not: { const: 'unknown' } },
      },
      saveAs: variableNameSchema('Save as / 保存为'),
    },
  },
  defaultConfig: { text: '{{text}}', intents: ['logistics', 'refund'], saveAs: 'recognised' },
  outcomes: (config) => [
    ...config.intents.map((id) => ({ id, title: { zh: id, en: id } })),
    { id: 'unknown', title: { zh: '未知', en: 'Unknown' } },
  ],
  waits: false,
  awaits: () => [ENGINE_EVENTS.callSucceeded, ENGINE_EVENTS.callFailed],
  reads: (config) => templateReads(config.text, '/text'),
  writes: (config) => (config.saveAs ? [config.saveAs] : []),
  check: (config) => [
    ...checkTemplate(config.text, '/text'),
    ...checkUniqueIds(config.intents, (i) => `/intents/${i}`),
  ],
  compile: (node, c) => ({
    entry: [c.enter(), c.effect('classify')],
    on: {
      [ENGINE_EVENTS.callSucceeded]: [
        ...node.config.intents.map((id) => ({
          guard: c.check('recognised', { intent: id }),
          ...c.go(id, [c.update('save')]),
        })),
        { guard: c.check('current'), ...c.go('unknown', [c.update('save')]) },
      ],
      [ENGINE_EVENTS.callFailed]: [{ guard: c.check('current'), ...c.go('unknown') }],
    },
  }),
  guards: {
    current: isServiceAnswer,
    recognised: (args) =>
      isServiceAnswer(args) && args.event.data?.['intent'] === args.params['intent'],
  },
  updates: {
    save: ({ node, context, event }) =>
      node.config.saveAs
        ? {
            data: {
              ...context.data,
              [node.config.saveAs]: {
                intent: event.data?.['intent'] ?? 'unknown',
                confidence: event.data?.['confidence'] ?? 0,
              },
            },
          }
        : {},
  },
  effects: {
    classify: (args) =>
      serviceCall(args, SERVICE_OPERATIONS.classifyIntent, {
        text: renderTemplate(args.node.config.text, args.context.data),
      }),
  },
});
