import { agentMessages, allPhrases, containsPhrase, type RuleCheck } from '../quality-rule.ts';

/** The agent promised to come back and left no follow-up task on the conversation. */
export const followUpWithoutTask: RuleCheck<'followUpWithoutTask'> = (input, { phrases }) => {
  if (input.followUpTasks > 0) return [];
  return agentMessages(input)
    .filter((m) => allPhrases(phrases).some((phrase) => containsPhrase(m.text, phrase)))
    .map((m) => ({
      rule: 'followUpWithoutTask' as const,
      seq: m.seq,
      text: {
        zh: '客服承诺稍后跟进，但会话上没有跟进任务。',
        en: 'The agent promised to follow up, but the conversation has no follow-up task.',
      },
    }));
};
