import type { LocalizedText } from '@xiaoer/engine';
import type { Finding, PhraseLists, RuleId, RuleParams } from '../model/quality-rule.types.ts';

export {
  RULE_IDS,
  type Finding,
  type PhraseLists,
  type RuleId,
  type RuleParams,
} from '../model/quality-rule.types.ts';

/** A rule as operators edit it: on or off, points it costs, and its parameters. */
export interface QualityRule<K extends RuleId = RuleId> {
  id: K;
  enabled: boolean;
  /** Points deducted from 100 when the rule fires (once, however many findings). */
  weight: number;
  params: RuleParams[K];
  /** The ruleset version this rule was last saved in. */
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

/** A message as the rules read it. */
export interface TranscriptMessage {
  seq: number;
  from: 'customer' | 'bot' | 'agent' | 'system';
  /** The agent's user id, for agent messages. */
  author?: string;
  text: string;
  at: Date;
}

/** What a rule looks at: the handoff's part of the conversation and what is known about it. */
export interface InspectionInput {
  /** The messages from the handoff's enqueueing to its resolution, oldest first. */
  messages: TranscriptMessage[];
  handoff: {
    agentId: string;
    enqueuedAt: Date;
    assignedAt: Date | null;
    resolvedAt: Date;
    /**
     * Its agent ended it: resolved or abandoned it, or closed its conversation (`endedBy`
     * `user:<agent>`; a resolve that names nobody, on older handoffs); false when a supervisor
     * ended it for them, the customer left, or it was transferred or returned to its queue.
     */
    endedByAgent: boolean;
  };
  /** Follow-up tasks created on the conversation. */
  followUpTasks: number;
}

/** A rule's check: pure, the same input always gives the same findings. */
export type RuleCheck<K extends RuleId> = (
  input: InspectionInput,
  params: RuleParams[K],
) => Finding[];

/** The agent's own messages in the handoff (a transfer's other agent is not judged here). */
export const agentMessages = (input: InspectionInput): TranscriptMessage[] =>
  input.messages.filter((m) => m.from === 'agent' && m.author === input.handoff.agentId);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Case-insensitive containment of a phrase: Chinese by substring (no spaces between words),
 * other scripts as whole words, so "hell" is not found in "hello".
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = straightQuotes(phrase.trim());
  if (!wanted) return false;
  const said = straightQuotes(text);
  if (/\p{Script=Han}/u.test(wanted)) return said.toLowerCase().includes(wanted.toLowerCase());
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(wanted)}(?![\\p{L}\\p{N}])`, 'iu').test(said);
}

/** Typographic apostrophes as typed ones: "I’ll" is "I'll". */
const straightQuotes = (text: string) => text.replace(/[‘’]/g, "'");

/** Every phrase of both languages (a customer may write either). */
export const allPhrases = (lists: PhraseLists): string[] => [...lists.zh, ...lists.en];

/** Seconds as people read them: `95 s`, `3 min 5 s`. */
export function duration(seconds: number): LocalizedText {
  const s = Math.round(seconds);
  if (s < 60) return { zh: `${s} 秒`, en: `${s} s` };
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest
    ? { zh: `${m} 分 ${rest} 秒`, en: `${m} min ${rest} s` }
    : { zh: `${m} 分钟`, en: `${m} min` };
}
