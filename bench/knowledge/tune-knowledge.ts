/**
 * `npm run tune:knowledge` — the knowledge index on development data only: the generated
 * training messages of `workflows/intents` asked of the intent articles
 * (`intent-articles.ts`), never the held-back messages, which `npm run
 * bench:knowledge-thresholds` measures once a change is chosen. Per language: the threshold
 * that bench's rule would choose (the lowest answering at most 20 % of the unanswerable
 * generated messages, small talk scored like any question), and at it the right article first,
 * no answer, answered and right, unanswerable answered and business questions whose article
 * is missing answered; then the separation of paraphrases from those near-misses whatever the
 * threshold: no answer (and answered and right) at the lowest threshold that answers at most
 * 30 / 40 / 50 % of the near-misses. `THRESHOLD_ZH=… THRESHOLD_EN=…` measure at a fixed
 * threshold instead of the rule's. Prints only.
 */
import { business, definitions, indexOf } from './intent-articles.ts';

type Language = 'zh' | 'en';
const MAX_UNANSWERABLE_ANSWERED = 0.2;
interface Asked {
  expected?: string;
  score: number;
  top?: string;
}

const plain = indexOf(new Set(), { refuseSocialTalk: false });
const answerable = new Set(business.map((d) => d.intent));
const percent = (part: number, whole: number) => `${((100 * part) / (whole || 1)).toFixed(1)}%`;
const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
/** The lowest threshold (0.005 grid) at which at most `cap` of `scores` reach it. */
const lowestWithin = (scores: number[], cap: number, step = 0.005) => {
  for (let t = 0.1; t < 0.9; t += step)
    if (count(scores, (s) => s >= t) / scores.length <= cap) return Math.round(t * 1000) / 1000;
  return 0.9;
};

for (const language of ['zh', 'en'] as const satisfies Language[]) {
  const asked: Asked[] = definitions.flatMap((d) =>
    (d.generated?.[language] ?? []).map((text) => {
      const [match] = plain.find(text, { language, limit: 3 });
      return {
        ...(answerable.has(d.intent) ? { expected: d.intent } : {}),
        score: match?.score ?? 0,
        top: match?.article._id,
      };
    }),
  );
  const yes = asked.filter((a) => a.expected);
  const no = asked.filter((a) => !a.expected);
  const nearMisses = business.flatMap((d) => {
    const without = indexOf(new Set([d.intent]));
    return (d.generated?.[language] ?? []).map(
      (text) => without.find(text, { language, limit: 1 })[0]?.score ?? 0,
    );
  });
  const fixed = process.env[`THRESHOLD_${language.toUpperCase()}`];
  const threshold = fixed
    ? Number(fixed)
    : lowestWithin(
        no.map((a) => a.score),
        MAX_UNANSWERABLE_ANSWERED,
        0.01,
      );
  const at = (t: number) =>
    `no answer ${percent(
      count(yes, (a) => a.score < t),
      yes.length,
    )}, answered and right ${percent(
      count(yes, (a) => a.score >= t && a.top === a.expected),
      yes.length,
    )}`;
  console.log(
    `${language} at ${threshold.toFixed(2)}${fixed ? ' (fixed)' : ''}: right first ${percent(
      count(yes, (a) => a.top === a.expected),
      yes.length,
    )}, ${at(threshold)}, unanswerable answered ${percent(
      count(no, (a) => a.score >= threshold),
      no.length,
    )}, near-misses answered ${percent(
      count(nearMisses, (s) => s >= threshold),
      nearMisses.length,
    )}`,
  );
  for (const cap of [0.3, 0.4, 0.5]) {
    const t = lowestWithin(nearMisses, cap);
    console.log(`  near-misses answered ≤ ${cap * 100}% (threshold ${t.toFixed(3)}): ${at(t)}`);
  }
}
