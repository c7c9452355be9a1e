/**
 * `npm run eval:knowledge-faq` — the knowledge index as a shop's FAQ: one question per article,
 * customer paraphrases that the article answers, and questions on the same topics (plus small
 * talk and other trades) that no article answers (`bench/knowledge/paraphrases/<language>.json`,
 * hand-written for this project) and a test file of other articles (`<language>-test.json`,
 * written before the scoring it measures was changed and never read while tuning). One index
 * holds the articles of both. The development file's questions choose a threshold (the lowest
 * that answers at most 20% of its unanswerable questions); the test file's questions are
 * measured at that threshold and at the shipped default (`DEFAULT_THRESHOLDS`). Prints a table and writes it into docs/performance.md
 * (`eval:knowledge-faq`); `--no-write` only prints.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SUGGEST_FLOORS,
  DEFAULT_THRESHOLDS,
} from '../../packages/server/src/knowledge/answer-bands.ts';
import { firstRevision } from '../../packages/server/src/knowledge/article.ts';
import {
  KnowledgeIndex,
  type TopicsOf,
} from '../../packages/server/src/knowledge/knowledge-index.ts';
import {
  IntentClassifier,
  intentExamples,
  loadIntentDefinitions,
  socialIntentsOf,
} from '../../packages/server/src/internal.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';

type Language = 'zh' | 'en';
interface FaqArticle {
  id: string;
  question: string;
  paraphrases: string[];
  others: string[];
}
export interface FaqFile {
  articles: FaqArticle[];
  unrelated: string[];
}
/** One question asked of the index: its article if answerable, its best score and top three. */
export interface Asked {
  expected?: string;
  /** An unanswerable question on an article's topic (the file's "others"). */
  nearMiss?: true;
  half: 0 | 1;
  score: number;
  top: string[];
}

const MAX_UNANSWERABLE_ANSWERED = 0.2;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const share = (items: Asked[], test: (a: Asked) => boolean) =>
  items.length ? items.filter(test).length / items.length : 0;

export async function faq(name: string): Promise<FaqFile> {
  const file = new URL(`./paraphrases/${name}.json`, import.meta.url);
  return JSON.parse(await readFile(file, 'utf8')) as FaqFile;
}

/**
 * As the server does, articles are ranked by the topics the intent model reads too (trained as
 * the server trains it, on the intents' utterances, never on these files); `TOPICS=0` ranks by
 * words alone.
 */
export async function faqTopics(): Promise<TopicsOf | undefined> {
  if (process.env['TOPICS'] === '0') return undefined;
  const definitions = await loadIntentDefinitions();
  const recognizer = IntentClassifier.train(intentExamples(definitions), {
    socialIntents: socialIntentsOf(definitions),
  });
  return (text: string) => recognizer.rank(text);
}

/** Every question of both files (development: half 0, test: half 1) asked of one index. */
export function askFaq(files: [FaqFile, FaqFile], language: Language, topics?: TopicsOf): Asked[] {
  const index = new KnowledgeIndex();
  index.useTopics(topics);
  for (const article of files.flatMap((file) => file.articles))
    index.put(
      firstRevision(
        { id: article.id, questions: [article.question], answer: { [language]: 'a' } },
        'bench',
      ),
    );
  const ask = (text: string, half: 0 | 1, expected?: string): Asked => {
    const matches = index.find(text, { language, limit: 3 });
    return {
      ...(expected ? { expected } : {}),
      half,
      score: matches[0]?.score ?? 0,
      top: matches.map((m) => m.article._id),
    };
  };
  return files.flatMap((data, half) => [
    ...data.articles.flatMap((article) => [
      ...article.paraphrases.map((text) => ask(text, half as 0 | 1, article.id)),
      ...article.others.map((text) => ({ ...ask(text, half as 0 | 1), nearMiss: true as const })),
    ]),
    ...data.unrelated.map((text) => ask(text, half as 0 | 1)),
  ]);
}

/** The lowest threshold (0.01 grid) that answers at most 20% of the unanswerable. */
export function chooseThreshold(asked: Asked[]): number {
  const no = asked.filter((a) => !a.expected);
  for (let t = 10; t <= 90; t++)
    if (share(no, (a) => a.score >= t / 100) <= MAX_UNANSWERABLE_ANSWERED) return t / 100;
  return 0.9;
}

function measured(asked: Asked[], threshold: number, floor: number) {
  const yes = asked.filter((a) => a.expected);
  const no = asked.filter((a) => !a.expected);
  const band = yes.filter((a) => a.score >= floor && a.score < threshold);
  return {
    top1: share(yes, (a) => a.top[0] === a.expected),
    top3: share(yes, (a) => a.top.includes(a.expected ?? '')),
    noAnswer: share(yes, (a) => a.score < threshold),
    answeredRight: share(yes, (a) => a.score >= threshold && a.top[0] === a.expected),
    unanswerable: share(no, (a) => a.score >= threshold),
    band: band.length / (yes.length || 1),
    bandRight: share(band, (a) => a.top.includes(a.expected ?? '')),
    counts: `${yes.length} answerable, ${no.length} not`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows: ResultRow[] = [];
  const topics = await faqTopics();
  for (const language of ['zh', 'en'] as const) {
    const asked = askFaq([await faq(language), await faq(`${language}-test`)], language, topics);
    const calibration = asked.filter((a) => a.half === 0);
    const test = asked.filter((a) => a.half === 1);
    const chosen = chooseThreshold(calibration);
    const shipped = DEFAULT_THRESHOLDS[language];
    const floor = DEFAULT_SUGGEST_FLOORS[language];
    const all = measured(calibration, shipped, floor);
    const atChosen = measured(test, chosen, Math.min(floor, chosen));
    const atShipped = measured(test, shipped, floor);
    rows.push(
      {
        measure: `${language}: right article first / in top 3`,
        value: `${percent(all.top1)} / ${percent(all.top3)}`,
        detail: `development file (${all.counts}); one question per article`,
      },
      {
        measure: `${language}: shipped threshold ${shipped}: no answer / unanswerable answered`,
        value: `${percent(all.noAnswer)} / ${percent(all.unanswerable)}`,
        detail: `development file; answered and right ${percent(all.answeredRight)}; did-you-mean band (floor ${floor}) ${percent(all.band)}, right article offered in ${percent(all.bandRight)}`,
      },
      {
        measure: `${language}: test file at the shipped threshold`,
        value: `${percent(atShipped.top1)} / ${percent(atShipped.noAnswer)} / ${percent(atShipped.unanswerable)}`,
        detail: `right first / no answer / unanswerable answered (${atShipped.counts})`,
      },
      {
        measure: `${language}: threshold chosen on the development file, on the test file`,
        value: `${chosen.toFixed(2)}: ${percent(atChosen.noAnswer)} / ${percent(atChosen.unanswerable)}`,
        detail: `the lowest with ≤ ${percent(MAX_UNANSWERABLE_ANSWERED)} of the development file's unanswerable answered; no answer / unanswerable answered on the test file`,
      },
    );
    for (let t = 20; t <= 70; t += 5) {
      const m = measured(calibration, t / 100, 0);
      process.stderr.write(
        `${language} ${(t / 100).toFixed(2)}: right ${percent(m.answeredRight)}, no answer ${percent(m.noAnswer)}, unanswerable answered ${percent(m.unanswerable)}\n`,
      );
    }
  }
  const report = markdownReport(machineFacts(), rows);
  console.log(report);
  if (!process.argv.includes('--no-write')) {
    const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
    await writeReport(file, report, 'eval:knowledge-faq');
  }
}
