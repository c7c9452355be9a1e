import type { LocalizedText } from '@xiaoer/engine';

/** The quality rules' ids, parameters and findings, declared below the models that store them. */

/** The seven kinds of quality rule; each kind is one rule, and its id. */
export const RULE_IDS = [
  'forbiddenWords',
  'noGreeting',
  'slowFirstResponse',
  'closedWithoutReply',
  'longSilence',
  'negativeEnding',
  'followUpWithoutTask',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Phrases in each language the console serves. */
export interface PhraseLists {
  zh: string[];
  en: string[];
}

/** What each rule can be tuned with. */
export interface RuleParams {
  /** Words an agent must never write (case-insensitive). */
  forbiddenWords: { words: PhraseLists };
  /** The agent's first `withinMessages` messages should hold one of `phrases`. */
  noGreeting: { phrases: PhraseLists; withinMessages: number };
  /** From assignment to the agent's first message, at most `seconds`. */
  slowFirstResponse: { seconds: number };
  /** The agent ended the handoff without a word: nothing to tune. */
  closedWithoutReply: Record<string, never>;
  /** A customer message left without an agent's answer for more than `seconds`. */
  longSilence: { seconds: number };
  /** The customer's last `lastMessages` messages scoring `threshold` or less in sum. */
  negativeEnding: { lastMessages: number; threshold: number };
  /** An agent promising to come back (`phrases`) without a follow-up task on the conversation. */
  followUpWithoutTask: { phrases: PhraseLists };
}

/** One thing a rule found, at a message when there is one. */
export interface Finding {
  rule: RuleId;
  /** The message's number in the conversation; absent for what is missing (no reply at all). */
  seq?: number;
  text: LocalizedText;
}
