/**
 * `npx tsx bench/knowledge/tune-topics.ts` — whether ranking knowledge articles by the topics
 * the intent model reads (`KnowledgeIndex.useTopics`) helps, measured on development data only
 * and honestly: the training templates of each grammar are dealt into four folds (as `npm run
 * tune:intents` deals them); per fold the model is trained on the written utterances and the
 * other three folds' messages, and the fold's own generated messages are asked of the intent
 * articles (`intent-articles.ts`), with and without topics. A model trained on the messages it
 * is asked about would read their topics too well. Per language, at the shipped thresholds of
 * the bench's rule (zh 0.25, en 0.27): right first, no answer, answered and right,
 * unanswerable answered, near-misses (business questions asked of an index without their
 * article) answered; for words only, ranked by topics (`liftClearTopic: false`) and with a
 * clear topic lifting its article's score as well (the server's index). `FOLDS_RUN=n` measures the first n folds only. Prints only; the held-back
 * messages are never asked.
 */
import {
  IntentClassifier,
  intentExamples,
  loadIntentDefinitions,
  socialIntentsOf,
  type IntentExample,
} from '../../packages/server/src/internal.ts';
import {
  generateFromTemplates,
  splitTemplates,
} from '../../packages/server/src/intents/generation/generate-utterances.ts';
import { loadGrammars } from '../../packages/server/src/intents/generation/grammar-files.ts';
import type { TopicsOf } from '../../packages/server/src/knowledge/knowledge-index.ts';
import { business, indexOf } from './intent-articles.ts';

type Language = 'zh' | 'en';
const FOLDS = 4;
const PER_LANGUAGE = 240;
const SEED = 20;
const THRESHOLDS: Record<Language, number> = { zh: 0.25, en: 0.27 };

const definitions = await loadIntentDefinitions();
const written = intentExamples(definitions, 'written');
const { shared, grammars } = await loadGrammars();
const answerable = new Set(business.map((d) => d.intent));

function messages(fold: number, inFold: boolean): IntentExample[] {
  return grammars.flatMap((grammar) =>
    (['zh', 'en'] as const).flatMap((language) => {
      const side = grammar[language];
      const templates = [
        ...splitTemplates(side.templates, 'train'),
        ...(side.trainingTemplates ?? []),
      ].filter((_, i) => (i % FOLDS === fold) === inFold);
      return generateFromTemplates(grammar, shared, language, templates, {
        count: inFold ? PER_LANGUAGE / FOLDS : PER_LANGUAGE,
        split: 'train',
        seed: SEED + (inFold ? 7 : 0),
      }).map((text) => ({ text, intent: grammar.intent, language }));
    }),
  );
}

const blank = () => ({ n: 0, first: 0, noAnswer: 0, right: 0, no: 0, noAnswered: 0, near: 0 });
const tally = new Map<string, ReturnType<typeof blank>>();
const percent = (part: number, whole: number) => `${((100 * part) / (whole || 1)).toFixed(1)}%`;

function measure(
  label: string,
  asked: IntentExample[],
  topics: TopicsOf | undefined,
  liftClearTopic = true,
) {
  const plain = indexOf(new Set(), {
    refuseSocialTalk: false,
    liftClearTopic,
    ...(topics ? { topics } : {}),
  });
  const without = new Map(
    business.map((d) => [
      d.intent,
      indexOf(new Set([d.intent]), { liftClearTopic, ...(topics ? { topics } : {}) }),
    ]),
  );
  for (const message of asked) {
    const key = `${message.language} ${label}`;
    const t = tally.get(key) ?? blank();
    tally.set(key, t);
    const threshold = THRESHOLDS[message.language];
    const [top] = plain.find(message.text, { language: message.language, limit: 3 });
    const score = top?.score ?? 0;
    if (!answerable.has(message.intent)) {
      t.no++;
      if (score >= threshold) t.noAnswered++;
      continue;
    }
    t.n++;
    if (top?.article._id === message.intent) t.first++;
    if (score < threshold) t.noAnswer++;
    else if (top?.article._id === message.intent) t.right++;
    const missing = without.get(message.intent)?.find(message.text, {
      language: message.language,
      limit: 1,
    })[0];
    if ((missing?.score ?? 0) >= threshold) t.near++;
  }
}

const folds = Number(process.env['FOLDS_RUN'] ?? FOLDS);
for (let fold = 0; fold < folds; fold++) {
  const model = IntentClassifier.train([...written, ...messages(fold, false)], {
    socialIntents: socialIntentsOf(definitions),
  });
  const asked = messages(fold, true);
  measure('words only', asked, undefined);
  measure('ranked by topics', asked, (text) => model.rank(text), false);
  measure('with topics (a clear topic lifts its article)', asked, (text) => model.rank(text));
}
for (const [key, t] of tally)
  console.log(
    `${key}: right first ${percent(t.first, t.n)}, no answer ${percent(t.noAnswer, t.n)}, ` +
      `answered and right ${percent(t.right, t.n)}, unanswerable answered ${percent(
        t.noAnswered,
        t.no,
      )}, near-misses answered ${percent(t.near, t.n)} (${t.n} answerable, ${t.no} not)`,
  );
