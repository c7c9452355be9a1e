import { messageValence } from '../customer-sentiment.ts';
import type { RuleCheck } from '../quality-rule.ts';

/** The customer's last `lastMessages` messages in the handoff sum to `threshold` or less. */
export const negativeEnding: RuleCheck<'negativeEnding'> = (input, { lastMessages, threshold }) => {
  const last = input.messages.filter((m) => m.from === 'customer').slice(-lastMessages);
  const final = last.at(-1);
  if (!final) return [];
  const valence = last.reduce((sum, m) => sum + messageValence(m.text), 0);
  if (valence > threshold) return [];
  return [
    {
      rule: 'negativeEnding',
      seq: final.seq,
      text: {
        zh: `客户最后的情绪是负面的（情感分 ${valence}，阈值 ${threshold}）。`,
        en: `The customer ended on a negative note (sentiment ${valence}, threshold ${threshold}).`,
      },
    },
  ];
};
