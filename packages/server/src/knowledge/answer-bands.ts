/** The languages knowledge answers are in. */
export type AnswerLanguage = 'zh' | 'en';

/** One score for every language, or one per language. */
export type LanguageScores = number | Record<AnswerLanguage, number>;

/**
 * How sure the knowledge base is of its best match:
 * - `answer`: at or above the answer threshold — send it;
 * - `suggest`: between the suggestion floor and the threshold — offer the top three as
 *   "did you mean" quick replies rather than guess;
 * - `none`: below the floor — not understood.
 */
export type AnswerBand = 'answer' | 'suggest' | 'none';

/**
 * The thresholds, calibrated per language on the project's own paraphrase data
 * (`npm run bench:knowledge-thresholds`, docs/performance.md): the lowest answer threshold
 * that answers at most 20% of the questions no article answers, and the lowest floor that
 * offers suggestions to at most 30% of them, both on the similarity before small talk is
 * refused (`KnowledgeIndex`), so refusing it answers no more near-miss questions. Chinese scores (character pairs) and English
 * ones (whole words) spread differently, so each language has its own. English keeps 0.38 /
 * 0.30 although that rule now chooses 0.27 / 0.14 (issue 20's twelfth pass): at 0.27 the
 * generated business questions whose article is missing were answered 51 % of the time against
 * 38 % at 0.38, and a one-question FAQ's near-misses more often too (docs/performance.md).
 */
export const DEFAULT_THRESHOLDS: Record<AnswerLanguage, number> = { zh: 0.25, en: 0.38 };
export const DEFAULT_SUGGEST_FLOORS: Record<AnswerLanguage, number> = { zh: 0.17, en: 0.3 };

const HAN = /\p{Script=Han}/u;

/** The language whose threshold applies: the one asked for, else the question's own. */
export function questionLanguage(question: string, asked?: AnswerLanguage): AnswerLanguage {
  return asked ?? (HAN.test(question) ? 'zh' : 'en');
}

/** The score for a language from a single number or a per-language pair. */
export function scoreFor(scores: LanguageScores, language: AnswerLanguage): number {
  return typeof scores === 'number' ? scores : scores[language];
}

/** The band of a best score, given the language's threshold and suggestion floor. */
export function bandOf(score: number, threshold: number, floor: number): AnswerBand {
  if (score >= threshold) return 'answer';
  return score >= floor ? 'suggest' : 'none';
}
