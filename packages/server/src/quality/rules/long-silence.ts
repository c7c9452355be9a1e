import { duration, type Finding, type RuleCheck } from '../quality-rule.ts';

/**
 * After the agent's first answer, each customer message that waited more than `seconds` for
 * the agent's next message (or for the end of the handoff, when none came). Before the first
 * answer is the first response's rule.
 */
export const longSilence: RuleCheck<'longSilence'> = (input, { seconds }) => {
  const findings: Finding[] = [];
  const isAgent = (from: string, author?: string) =>
    from === 'agent' && author === input.handoff.agentId;
  let answered = false;
  /** The oldest customer message since the agent last spoke. */
  let waiting: { seq: number; at: Date } | undefined;
  const close = (until: Date) => {
    if (!waiting) return;
    const silent = (until.getTime() - waiting.at.getTime()) / 1000;
    if (silent > seconds)
      findings.push({
        rule: 'longSilence',
        seq: waiting.seq,
        text: {
          zh: `客户等了 ${duration(silent).zh} 才得到回复（上限 ${duration(seconds).zh}）。`,
          en: `The customer waited ${duration(silent).en} for an answer (at most ${duration(seconds).en}).`,
        },
      });
    waiting = undefined;
  };
  for (const message of input.messages) {
    if (isAgent(message.from, message.author)) {
      close(message.at);
      answered = true;
    } else if (message.from === 'customer' && answered && !waiting) waiting = message;
  }
  close(input.handoff.resolvedAt);
  return findings;
};
