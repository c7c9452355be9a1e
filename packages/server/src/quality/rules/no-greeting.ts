import { agentMessages, allPhrases, containsPhrase, type RuleCheck } from '../quality-rule.ts';

/** The agent's first messages should greet the customer; one finding when none does. */
export const noGreeting: RuleCheck<'noGreeting'> = (input, { phrases, withinMessages }) => {
  const first = agentMessages(input).slice(0, withinMessages);
  if (first.some((m) => allPhrases(phrases).some((phrase) => containsPhrase(m.text, phrase))))
    return [];
  const at = first[0];
  return [
    {
      rule: 'noGreeting',
      ...(at ? { seq: at.seq } : {}),
      text: at
        ? {
            zh: `客服的前 ${withinMessages} 条消息没有问候语。`,
            en: `The agent's first ${withinMessages} message(s) had no greeting.`,
          }
        : { zh: '客服没有问候客户（没有发过消息）。', en: 'The agent never greeted (no message).' },
    },
  ];
};
