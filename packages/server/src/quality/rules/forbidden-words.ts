import { agentMessages, allPhrases, containsPhrase, type RuleCheck } from '../quality-rule.ts';

/** Every agent message holding a forbidden word, with the words it holds. */
export const forbiddenWords: RuleCheck<'forbiddenWords'> = (input, { words }) =>
  agentMessages(input).flatMap((message) => {
    const found = allPhrases(words).filter((word) => containsPhrase(message.text, word));
    if (found.length === 0) return [];
    const list = found.map((word) => `“${word}”`).join('、');
    return [
      {
        rule: 'forbiddenWords' as const,
        seq: message.seq,
        text: {
          zh: `客服使用了禁用词：${list}。`,
          en: `The agent used forbidden words: ${found.map((w) => `"${w}"`).join(', ')}.`,
        },
      },
    ];
  });
