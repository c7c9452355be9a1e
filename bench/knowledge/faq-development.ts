/**
 * `npm run tune:knowledge-faq` — the FAQ development files alone (`paraphrases/zh.json`,
 * `en.json`), for choosing a change to the knowledge index without looking at the test files.
 * The index holds the articles of both files, as in `npm run eval:knowledge-faq`, but only the
 * development questions are asked. Per language: right first and in the top 3; **separation**,
 * the chance that a paraphrase whose right article comes first outscores a question no article
 * answers (0.5 is chance, 1 a threshold that parts them all), which no threshold can change; and
 * at the eval's rule's threshold (the lowest answering at most 20 % of the unanswerable) and at
 * the shipped one, no answer, answered and right, and the near-misses (questions on an
 * article's topic) and unrelated questions answered. `TOPICS=0` ranks by words alone.
 * Prints only.
 */
import { DEFAULT_THRESHOLDS } from '../../packages/server/src/knowledge/answer-bands.ts';
import {
  askFaq,
  chooseThreshold,
  faq,
  faqTopics,
  type Asked,
  type FaqFile,
} from './paraphrase-faq.ts';

/**
 * The chance that an answerable question whose right article comes first scores above an
 * unanswerable one (a tie counts half); 0.5 when either side is empty.
 */
export function separation(asked: readonly Asked[]): number {
  const right = asked.filter((a) => a.expected && a.top[0] === a.expected).map((a) => a.score);
  const unanswerable = asked.filter((a) => !a.expected).map((a) => a.score);
  if (right.length === 0 || unanswerable.length === 0) return 0.5;
  let wins = 0;
  for (const r of right) for (const u of unanswerable) wins += r > u ? 1 : r === u ? 0.5 : 0;
  return wins / (right.length * unanswerable.length);
}

/** Counts at one threshold: answerable not answered, answered with the right article, and the unanswerable answered. */
export function atThreshold(asked: readonly Asked[], threshold: number) {
  const count = (test: (a: Asked) => boolean) => asked.filter(test).length;
  return {
    answerable: count((a) => Boolean(a.expected)),
    noAnswer: count((a) => Boolean(a.expected) && a.score < threshold),
    answeredRight: count((a) => a.score >= threshold && a.top[0] === a.expected),
    nearMisses: count((a) => Boolean(a.nearMiss)),
    nearMissesAnswered: count((a) => Boolean(a.nearMiss) && a.score >= threshold),
    unrelated: count((a) => !a.expected && !a.nearMiss),
    unrelatedAnswered: count((a) => !a.expected && !a.nearMiss && a.score >= threshold),
  };
}

function line(asked: readonly Asked[], threshold: number, label: string): string {
  const m = atThreshold(asked, threshold);
  return (
    `  ${label} ${threshold.toFixed(2)}: no answer ${m.noAnswer}/${m.answerable}, answered and right ` +
    `${m.answeredRight}, near-misses answered ${m.nearMissesAnswered}/${m.nearMisses}, unrelated ` +
    `answered ${m.unrelatedAnswered}/${m.unrelated}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const topics = await faqTopics();
  for (const language of ['zh', 'en'] as const) {
    const test = await faq(`${language}-test`);
    // The test file's articles stay in the index (as in the eval); its questions are not asked.
    const articlesOnly: FaqFile = {
      articles: test.articles.map((a) => ({ ...a, paraphrases: [], others: [] })),
      unrelated: [],
    };
    const development = askFaq([await faq(language), articlesOnly], language, topics).filter(
      (a) => a.half === 0,
    );
    const answerable = development.filter((a) => a.expected);
    const first = answerable.filter((a) => a.top[0] === a.expected).length;
    const top3 = answerable.filter((a) => a.top.includes(a.expected ?? '')).length;
    console.log(
      `${language}: right first ${first}/${answerable.length}, top 3 ${top3}; separation ${separation(development).toFixed(3)}`,
    );
    console.log(line(development, chooseThreshold(development), "the rule's threshold"));
    console.log(line(development, DEFAULT_THRESHOLDS[language], 'the shipped threshold'));
  }
}
