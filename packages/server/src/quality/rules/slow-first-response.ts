import { agentMessages, duration, type RuleCheck } from '../quality-rule.ts';

/**
 * The agent's first message came more than `seconds` after the agent was assigned, or never.
 * Counted from the assignment, not the enqueueing: the wait in the queue is staffing, not the
 * agent's doing (routing's queue figures measure that).
 */
export const slowFirstResponse: RuleCheck<'slowFirstResponse'> = (input, { seconds }) => {
  const start = input.handoff.assignedAt ?? input.handoff.enqueuedAt;
  const first = agentMessages(input)[0];
  if (!first) {
    const waited = (input.handoff.resolvedAt.getTime() - start.getTime()) / 1000;
    return [
      {
        rule: 'slowFirstResponse',
        text: {
          zh: `客服在 ${duration(waited).zh} 内一直没有回复。`,
          en: `The agent never answered (${duration(waited).en} with the customer).`,
        },
      },
    ];
  }
  const took = (first.at.getTime() - start.getTime()) / 1000;
  if (took <= seconds) return [];
  return [
    {
      rule: 'slowFirstResponse',
      seq: first.seq,
      text: {
        zh: `首次回复用了 ${duration(took).zh}，超过 ${duration(seconds).zh} 的要求。`,
        en: `The first answer took ${duration(took).en}, more than the ${duration(seconds).en} allowed.`,
      },
    },
  ];
};
