/**
 * `npm run bench:knowledge` — the knowledge base with 10,000 generated articles (half zh, half
 * en): index build time and memory, search latency in memory, then loading and answering from
 * the embedded store (every answer asking the store for changes). The full run writes the table
 * into docs/performance.md (`bench:knowledge`); `--quick` uses 1,000 articles and writes nothing.
 */
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { KnowledgeBase, KnowledgeIndex } from '@xiaoer/server/internal';
import { startTestStore } from '@xiaoer/server/testing';
import { createModels } from '../../packages/server/src/model/models.ts';
import { fieldsOf } from '../../packages/server/src/knowledge/article.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import { percentile } from '../runtime/measure.ts';
import { generateArticles } from './article-generator.ts';

const quick = process.argv.includes('--quick');
const count = quick ? 1000 : 10_000;
const queries = quick ? 200 : 2000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 1024 ** 2);
const fmt = (n: number) => n.toLocaleString('en-US');

log(`知识库基准 / knowledge base benchmark: ${fmt(count)} articles, ${fmt(queries)} questions`);
const articles = generateArticles(count);
const records = articles.map(({ input }) => ({
  _id: input.id,
  ...fieldsOf(input),
  revision: 1,
  deleted: false,
  updatedAt: new Date(),
  updatedBy: 'bench',
}));
const asked = Array.from(
  { length: queries },
  (_, i) => articles[(i * 7919) % count] as (typeof articles)[number],
);

/** Latencies in ms of `ask` over the questions, and how often the intended article came first. */
async function measure(
  ask: (question: string) => Promise<string | undefined> | string | undefined,
) {
  const times: number[] = [];
  let hits = 0;
  for (const { input, paraphrase } of asked) {
    const started = performance.now();
    const found = await ask(paraphrase);
    times.push(performance.now() - started);
    if (found === input.id) hits++;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    hits: Math.round((hits / queries) * 100),
  };
}

const rows: ResultRow[] = [];
const before = heapMb();
const started = performance.now();
const index = new KnowledgeIndex();
for (const record of records) index.put(record);
const buildMs = performance.now() - started;
const memory = heapMb() - before;
rows.push({
  measure: `knowledge index, ${fmt(count)} articles (${fmt(count * 2)} phrasings, zh + en): build`,
  value: `${Math.round(buildMs)} ms`,
  detail: `in memory, MiniSearch with CJK pairs; heap +${memory.toFixed(1)} MB after GC`,
});
const inMemory = await measure((question) => index.find(question, { limit: 5 })[0]?.article._id);
rows.push({
  measure: `knowledge search in memory, ${fmt(count)} articles: p50 / p99`,
  value: `${inMemory.p50} / ${inMemory.p99} ms`,
  detail: `${fmt(queries)} paraphrased questions with chatter and typos; intended article first in ${inMemory.hits}%`,
});

log('· 存储 / on the embedded store …');
const store = await startTestStore();
const connection = await mongoose.createConnection(store.uri).asPromise();
try {
  const models = createModels(connection);
  for (let i = 0; i < records.length; i += 1000)
    await models.KnowledgeArticles.collection.insertMany(records.slice(i, i + 1000) as never[]);
  const knowledge = new KnowledgeBase(models, { refreshEveryMs: 0 });
  const loadStarted = performance.now();
  await knowledge.refresh();
  rows.push({
    measure: `knowledge base, ${fmt(count)} articles: first load from the store`,
    value: `${Math.round(performance.now() - loadStarted)} ms`,
    detail: `${store.kind}; reading every published article and building the index`,
  });
  const stored = await measure(
    async (question) => (await knowledge.search(question))[0]?.article.id,
  );
  rows.push({
    measure: `knowledge search with a freshness check on every question: p50 / p99`,
    value: `${stored.p50} / ${stored.p99} ms`,
    detail: `refreshEveryMs 0 (worst case): each question first asks the change log; default 1000 ms asks at most once a second`,
  });
} finally {
  await connection.close();
  await store.stop();
}

const report = markdownReport(machineFacts(), rows);
console.log(report);
if (!quick) {
  const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
  await writeReport(file, report, 'bench:knowledge');
  log(`已写入 / written to ${file}`);
}
