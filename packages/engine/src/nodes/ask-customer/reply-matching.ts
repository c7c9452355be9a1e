import type { LocalizedText } from '../../workflow/workflow.types.ts';

/** What a reply is matched against: an option's id, label and keywords. */
export interface MatchableOption {
  id: string;
  label: LocalizedText;
  keywords?: string[];
}

/**
 * Words that say the customer is unsure: a reply holding one chooses nothing and is asked
 * again, rather than guessed at (「可能吧」 is not a yes).
 */
export const HEDGES = [
  '也许',
  '可能',
  '大概',
  '不确定',
  '不知道',
  '不清楚',
  '再说',
  '考虑一下',
  '想想',
  '随便',
  '都行',
  '无所谓',
  'maybe',
  'perhaps',
  'not sure',
  "don't know",
  'dont know',
  'i guess',
  'whatever',
  'not really',
];

/** A negation right before a keyword turns it around: 「不好」, 「不太满意」, "not good". */
const ZH_NEGATION = /(?:不|没有?|别|未|并不|毫不)(?:是|太|很|怎么|大|算|那么)?(?:很|太)?$/;
const EN_NEGATION =
  /\b(?:not|no|never|don't|dont|isn't|wasn't|aren't|didn't|hardly)(?:\s+(?:very|really|so|that|too|quite|at all))?\s*$/;

/** Clause boundaries: a negation does not reach across them. */
const CLAUSE_END = /[，。,.;；!！?？、\n]/;

const isAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);

/** Where `keyword` occurs in `text` as a whole word (ASCII) or anywhere (Chinese). */
function occurrences(text: string, keyword: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + keyword.length] ?? ' ';
    if (isAscii(keyword) && (/[a-z0-9]/.test(before) || /[a-z0-9]/.test(after))) continue;
    found.push(at);
  }
  return found;
}

/** True when the clause before position `at` ends in a negation. */
function negatedAt(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const clause = before.slice(lastClauseEnd(before) + 1);
  return ZH_NEGATION.test(clause) || EN_NEGATION.test(clause);
}

function lastClauseEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (CLAUSE_END.test(text[i] as string)) return i;
  return -1;
}

/**
 * The option a free-text reply chooses by keyword: the longest keyword found that is not
 * negated (「不好」 does not choose the option keyed 好, "not good" not the one keyed good),
 * English keywords as whole words ("no" is not in "know"). Null, to ask again, when the
 * reply hedges, when nothing matches, or when two options tie.
 */
export function matchKeywords<O extends MatchableOption>(options: O[], text: string): O | null {
  const reply = text.trim().toLowerCase();
  let best: { option: O; length: number; tied: boolean } | null = null;
  const covered: [number, number][] = [];
  for (const option of options) {
    for (const keyword of option.keywords ?? []) {
      const k = keyword.toLowerCase();
      const positions = occurrences(reply, k).filter((at) => !negatedAt(reply, at));
      if (positions.length === 0) continue;
      positions.forEach((at) => covered.push([at, at + k.length]));
      if (!best || k.length > best.length) best = { option, length: k.length, tied: false };
      else if (k.length === best.length && best.option.id !== option.id) best.tied = true;
    }
  }
  const hedged = HEDGES.some((hedge) =>
    occurrences(reply, hedge).some(
      (at) => !covered.some(([from, to]) => from <= at && at + hedge.length <= to),
    ),
  );
  if (hedged || !best || best.tied) return null;
  return best.option;
}

/** Whole replies that turn a free-text question down: 「不用了」, "no thanks". */
const REFUSALS = [
  '不用',
  '不用了',
  '不需要',
  '不需要了',
  '不要',
  '不要了',
  '算了',
  '算了吧',
  '不开了',
  '取消',
  'no',
  'no thanks',
  'no thank you',
  'never mind',
  'nevermind',
  'cancel',
];

/** True when a reply to a free-text question is a refusal, not an answer. */
export function isRefusal(text: string): boolean {
  const reply = text
    .trim()
    .toLowerCase()
    .replace(/[\s,.!?;，。！？；、~～]+/g, ' ')
    .trim()
    .replace(/^(嗯|哦|呃|额|oh|um|uh)\s*/, '')
    .replace(/\s*(啦|吧|呢|哈|啊|谢谢|谢了|thanks|thank you)$/, '');
  return REFUSALS.includes(reply.trim());
}
