import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { renderTemplate } from '../../expressions/template.ts';
import { templateSchema } from '../shared/config-schemas.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { isServiceAnswer, serviceCall, SERVICE_OPERATIONS } from '../shared/service-call.ts';

export interface HandoffToAgentConfig {
  conversation: string;
  /** The skill group's id (`after-sales`, `logistics`…). */
  group: string;
  /** Extra queue rank steps for this journey's customers (0–3). */
  priority?: number;
}

/** The events the host sends when the agent is done with a handed-over conversation. */
export const HANDOFF_EVENTS = {
  resolved: 'handoff.resolved',
  abandoned: 'handoff.abandoned',
} as const;

/**
 * Hands the conversation to a person in a skill group with the journey's context, and waits
 * until they resolve it (or the customer leaves).
 */
export const handoffToAgentNode = defineNodeType<HandoffToAgentConfig>({
  type: 'handoffToAgent',
  title: { zh: '转人工', en: 'Hand off to agent' },
  description: {
    zh: '把会话连同上下文交给某个技能组的人工客服，等待解决或放弃',
    en: 'Hands the conversation and its context to an agent of a skill group; waits until resolved',
  },
  category: 'customer',
  configSchema: {
    type: 'object',
    required: ['conversation', 'group'],
    additionalProperties: false,
    properties: {
      conversation: { ...templateSchema('Conversation / 会话', 200), minLength: 1 },
      group: {
        type: 'string',
        title: 'Skill group / 技能组',
        pattern: '^[a-z][a-z0-9-]{0,39}$',
        description:
          "A skill group's id: lowercase letters, digits or -, e.g. after-sales / 技能组 id：小写字母、数字或 -，如 after-sales",
      },
      priority: { type: 'integer', title: 'Priority / 优先级', minimum: 0, maximum: 3 },
    },
  },
  defaultConfig: { conversation: '{{conversationId}}', group: 'after-sales' },
  outcomes: () => [
    { id: 'resolved', title: { zh: '已解决', en: 'Resolved' } },
    { id: 'abandoned', title: { zh: '已放弃', en: 'Abandoned' } },
  ],
  waits: true,
  awaits: () => [
    ENGINE_EVENTS.callSucceeded,
    ENGINE_EVENTS.callFailed,
    HANDOFF_EVENTS.resolved,
    HANDOFF_EVENTS.abandoned,
  ],
  reads: (config) => templateReads(config.conversation, '/conversation'),
  writes: () => [],
  check: (config) => checkTemplate(config.conversation, '/conversation'),
  compile: (_node, c) => ({
    entry: [c.enter(), c.effect('handOff')],
    on: {
      // Queued: keep waiting for the agent. Not queued (no routing): nobody will resolve it.
      [ENGINE_EVENTS.callFailed]: [{ guard: c.check('current'), ...c.go('abandoned') }],
      [HANDOFF_EVENTS.resolved]: [c.go('resolved')],
      [HANDOFF_EVENTS.abandoned]: [c.go('abandoned')],
    },
  }),
  guards: { current: isServiceAnswer },
  updates: {},
  effects: {
    handOff: (args) =>
      serviceCall(args, SERVICE_OPERATIONS.handoffToAgent, {
        conversationId: renderTemplate(args.node.config.conversation, args.context.data),
        group: args.node.config.group,
        priority: args.node.config.priority ?? 0,
      }),
  },
});
