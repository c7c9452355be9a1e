/**
 * `npm run eval:intents` — trains the local intent classifier on 80% of the shipped utterances
 * (split per intent and language, seeded) and measures it on the other 20%: accuracy,
 * macro-F1, per-intent precision and recall, a confusion table, calibration (ECE), training
 * time and classification latency. Writes the numbers into docs/performance.md;
 * `--no-write` only prints them.
 */
import { fileURLToPath } from 'node:url';
import {
  IntentClassifier,
  intentExamples,
  loadIntentDefinitions,
  type IntentExample,
} from '../../packages/server/src/index.ts';
import { stratifiedFolds } from '../../packages/server/src/intents/stratified-folds.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import {
  accuracy,
  confusion,
  expectedCalibrationError,
  macroF1,
  percentile,
  perIntentScores,
  type Prediction,
} from './intent-metrics.ts';

const SEED = 2026;
const TEST_SHARE = 0.2;

/** One fold of five (20%) per intent and language is held out. */
function split(examples: readonly IntentExample[]) {
  const folds = stratifiedFolds(
    examples.map((e) => `${e.intent}/${e.language}`),
    Math.round(1 / TEST_SHARE),
    SEED,
  );
  return {
    train: examples.filter((_, i) => folds[i] !== 0),
    test: examples.filter((_, i) => folds[i] === 0),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

log('意图识别评估 / intent recognition eval: reading workflows/intents …');
const definitions = await loadIntentDefinitions();
const intents = definitions.map((d) => d.intent);
const { train, test } = split(intentExamples(definitions));
log(`${train.length} training, ${test.length} held-out utterances; training …`);

let started = performance.now();
const classifier = IntentClassifier.train(train);
const trainMs = performance.now() - started;
log(`trained in ${ms(trainMs)} (temperature ${classifier.temperature.toFixed(2)}); classifying …`);

const predictions: Prediction[] = [];
const latencies: number[] = [];
for (const example of test) {
  started = performance.now();
  const result = classifier.classify(example.text);
  latencies.push(performance.now() - started);
  const best = result.top[0];
  predictions.push({
    expected: example.intent,
    predicted: best?.intent ?? 'unknown',
    confidence: best?.confidence ?? 0,
  });
}
latencies.sort((a, b) => a - b);

const byLanguage = (language: string) =>
  predictions.filter((_, i) => test[i]?.language === language);
const scores = perIntentScores(predictions, intents);
const answered = predictions.filter((p) => p.confidence >= 0.5);
started = performance.now();
IntentClassifier.train(intentExamples(definitions));
const fullTrainMs = performance.now() - started;

const rows: ResultRow[] = [
  {
    measure: 'held-out accuracy',
    value: percent(accuracy(predictions)),
    detail: `${test.length} utterances (${byLanguage('zh').length} zh, ${byLanguage('en').length} en); best intent, no threshold`,
  },
  {
    measure: 'held-out accuracy, zh / en',
    value: `${percent(accuracy(byLanguage('zh')))} / ${percent(accuracy(byLanguage('en')))}`,
    detail: 'per language',
  },
  {
    measure: 'held-out macro-F1',
    value: macroF1(scores).toFixed(3),
    detail: `mean F1 over ${intents.length} intents`,
  },
  {
    measure: 'expected calibration error',
    value: expectedCalibrationError(predictions).toFixed(3),
    detail: `10 bins; temperature ${classifier.temperature.toFixed(2)} fitted by 4-fold cross-validation on the training part`,
  },
  {
    measure: 'answered at threshold 0.5',
    value: percent(answered.length / predictions.length),
    detail: `accuracy of those answered ${percent(accuracy(answered))}; the rest are \`unknown\``,
  },
  {
    measure: 'training time, 80% split',
    value: ms(trainMs),
    detail: `${train.length} utterances, calibration included`,
  },
  {
    measure: 'training time, all utterances',
    value: ms(fullTrainMs),
    detail: `${train.length + test.length} utterances, what start-up costs`,
  },
  {
    measure: 'classification latency p50 / p99',
    value: `${ms(percentile(latencies, 0.5))} / ${ms(percentile(latencies, 0.99))}`,
    detail: 'one message, entities included',
  },
];

const perIntent = [
  '| Intent | Precision | Recall | F1 | Held-out |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...scores.map(
    (s) =>
      `| ${s.intent} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.f1.toFixed(2)} | ${s.support} |`,
  ),
].join('\n');
const table = confusion(predictions, intents);
const confusionTable = [
  `| expected ↓ / predicted → | ${intents.map((_, k) => `${k + 1}`).join(' | ')} |`,
  `| --- | ${intents.map(() => '---:').join(' | ')} |`,
  ...intents.map(
    (intent, k) =>
      `| ${k + 1} ${intent} | ${(table[k] ?? []).map((n) => (n ? String(n) : '·')).join(' | ')} |`,
  ),
].join('\n');
const report = [
  markdownReport(machineFacts(), rows),
  '',
  'Per intent / 各意图:',
  '',
  perIntent,
  '',
  'Confusion (columns numbered as the rows) / 混淆矩阵:',
  '',
  confusionTable,
].join('\n');
console.log(report);
if (!process.argv.includes('--no-write')) {
  const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
  await writeReport(file, report, 'bench:intents');
  log(`已写入 / written to ${file}`);
}
