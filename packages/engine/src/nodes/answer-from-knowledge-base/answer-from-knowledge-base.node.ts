import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { renderTemplate } from '../../expressions/template.ts';
import { templateSchema, variableNameSchema } from '../shared/config-schemas.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { isServiceAnswer, serviceCall, SERVICE_OPERATIONS } from '../shared/service-call.ts';

export interface AnswerFromKnowledgeBaseConfig {
  /** The conversation to answer in (`{{conversationId}}`). */
  conversation: string;
  /** The question; usually the customer's words. */
  question: string;
  /** Store `{ articleId, score }` under this variable when answered. */
  saveAs?: string;
}

/** Answers in the chat from the knowledge base when an article fits well enough. */
export const answerFromKnowledgeBaseNode = defineNodeType<AnswerFromKnowledgeBaseConfig>({
  type: 'answerFromKnowledgeBase',
  title: { zh: '知识库回答', en: 'Answer from knowledge base' },
  description: {
    zh: '在知识库中找最匹配的文章并在会话中回答；找不到足够好的答案走“无答案”',
    en: 'Answers in the chat with the best-fitting article; "no answer" when none fits well enough',
  },
  category: 'customer',
  configSchema: {
    type: 'object',
    required: ['conversation', 'question'],
    additionalProperties: false,
    properties: {
      conversation: { ...templateSchema('Conversation / 会话', 200), minLength: 1 },
      question: { ...templateSchema('Question / 问题', 500), minLength: 1 },
      saveAs: variableNameSchema('Save as / 保存为'),
    },
  },
  defaultConfig: { conversation: '{{conversationId}}', question: '{{text}}' },
  outcomes: () => [
    { id: 'answered', title: { zh: '已回答', en: 'Answered' } },
    { id: 'noAnswer', title: { zh: '无答案', en: 'No answer' } },
  ],
  waits: false,
  awaits: () => [ENGINE_EVENTS.callSucceeded, ENGINE_EVENTS.callFailed],
  reads: (config) => [
    ...templateReads(config.conversation, '/conversation'),
    ...templateReads(config.question, '/question'),
  ],
  writes: (config) => (config.saveAs ? [config.saveAs] : []),
  check: (config) => [
    ...checkTemplate(config.conversation, '/conversation'),
    ...checkTemplate(config.question, '/question'),
  ],
  compile: (_node, c) => ({
    entry: [c.enter(), c.effect('ask')],
    on: {
      [ENGINE_EVENTS.callSucceeded]: [
        { guard: c.check('answered'), ...c.go('answered', [c.update('save')]) },
        { guard: c.check('current'), ...c.go('noAnswer') },
      ],
      [ENGINE_EVENTS.callFailed]: [{ guard: c.check('current'), ...c.go('noAnswer') }],
    },
  }),
  guards: {
    current: isServiceAnswer,
    answered: (args) => isServiceAnswer(args) && args.event.data?.['answered'] === true,
  },
  updates: {
    save: ({ node, context, event }) =>
      node.config.saveAs
        ? {
            data: {
              ...context.data,
              [node.config.saveAs]: {
                articleId: event.data?.['articleId'] ?? null,
                score: event.data?.['score'] ?? 0,
              },
            },
          }
        : {},
  },
  effects: {
    ask: (args) =>
      serviceCall(args, SERVICE_OPERATIONS.answerFromKnowledgeBase, {
        conversationId: renderTemplate(args.node.config.conversation, args.context.data),
        question: renderTemplate(args.node.config.question, args.context.data),
      }),
  },
});
