import { RULE_CHECKS } from './rule-checks.ts';
import type { Finding, InspectionInput, QualityRule, RuleCheck, RuleId } from './quality-rule.ts';

/** The best score; each rule that fires deducts its weight, down to 0. */
export const FULL_SCORE = 100;

/** A handoff's automatic result: its score and what was found. */
export interface Inspection {
  score: number;
  findings: Finding[];
}

/**
 * Rules whose finding, when it fires, is the whole story of another's: a chat closed without a
 * word is that, not also an answer that never came (the first response's rule says "never
 * answered" of it). With the finer rule disabled, the other one finds it as before.
 */
const SUPERSEDES: Partial<Record<RuleId, RuleId>> = { closedWithoutReply: 'slowFirstResponse' };

/**
 * Runs the enabled rules over one handoff. A rule that fires costs its weight once, however
 * many findings it has (three long silences are one fault, shown three times).
 */
export function inspectConversation(input: InspectionInput, rules: QualityRule[]): Inspection {
  const fired = new Map<QualityRule, Finding[]>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const check = RULE_CHECKS[rule.id] as RuleCheck<RuleId>;
    const found = check(input, rule.params);
    if (found.length > 0) fired.set(rule, found);
  }
  const superseded = new Set([...fired.keys()].flatMap((rule) => SUPERSEDES[rule.id] ?? []));
  const findings: Finding[] = [];
  let score = FULL_SCORE;
  for (const [rule, found] of fired) {
    if (superseded.has(rule.id)) continue;
    score -= rule.weight;
    findings.push(...found);
  }
  findings.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  return { score: Math.max(0, score), findings };
}
