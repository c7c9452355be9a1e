import { agentMessages, duration, type RuleCheck } from '../quality-rule.ts';

/**
 * The agent ended the handoff (resolved it, or closed its conversation) without writing a word.
 * Not a slow first answer: the customer was not kept waiting but dropped, so it is its own
 * finding (inspect-conversation.ts lets it stand in for `slowFirstResponse`'s "never answered").
 */
export const closedWithoutReply: RuleCheck<'closedWithoutReply'> = (input) => {
  if (!input.handoff.endedByAgent || agentMessages(input).length > 0) return [];
  const start = input.handoff.assignedAt ?? input.handoff.enqueuedAt;
  const held = duration((input.handoff.resolvedAt.getTime() - start.getTime()) / 1000);
  return [
    {
      rule: 'closedWithoutReply',
      text: {
        zh: `客服未回复即关闭了会话（接入 ${held.zh} 后，一条消息也没有发）。`,
        en: `The agent closed the chat without replying (after ${held.en} with the customer, not one message).`,
      },
    },
  ];
};
