import type { RuleCheck, RuleId } from './quality-rule.ts';
import { forbiddenWords } from './rules/forbidden-words.ts';
import { noGreeting } from './rules/no-greeting.ts';
import { slowFirstResponse } from './rules/slow-first-response.ts';
import { closedWithoutReply } from './rules/closed-without-reply.ts';
import { longSilence } from './rules/long-silence.ts';
import { negativeEnding } from './rules/negative-ending.ts';
import { followUpWithoutTask } from './rules/follow-up-without-task.ts';

/** Each rule's check, by id. */
export const RULE_CHECKS: { [K in RuleId]: RuleCheck<K> } = {
  forbiddenWords,
  noGreeting,
  slowFirstResponse,
  closedWithoutReply,
  longSilence,
  negativeEnding,
  followUpWithoutTask,
};
