/**
 * `npm run bench:chat` — 1,000 customers connected to the chat at once (server-sent event
 * streams held open), with messages flowing: agents' replies delivered to the open streams, and
 * customer messages answered by the desk (intent recognition, journeys, knowledge base). The
 * full run writes its table into docs/performance.md (`bench:chat`); `--quick` holds 100.
 */
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { startHarness } from '@xiaoer/server/testing';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import { percentile } from '../runtime/measure.ts';
import { holdStream } from './chat-stream.ts';

const quick = process.argv.includes('--quick');
const connections = quick ? 100 : 1000;
const replies = quick ? 100 : 500;
const questions = quick ? 20 : 100;
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

log(
  `聊天基准 / chat benchmark: ${fmt(connections)} streams, ${fmt(replies)} agent replies, ${fmt(questions)} customer questions`,
);
const h = await startHarness();
const rows: ResultRow[] = [];
try {
  // Open the conversations (each with its welcome message).
  const opened: { id: string; token: string }[] = [];
  const limit = pLimit(16);
  let started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, (_, i) =>
      limit(async () => {
        const response = await fetch(`${h.url}/api/chat/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customer: { id: `bench-${i}`, language: i % 2 ? 'en' : 'zh' } }),
        });
        opened.push((await response.json()) as { id: string; token: string });
        if (opened.length % 200 === 0) log(`· ${opened.length} conversations opened`);
      }),
    ),
  );
  rows.push({
    measure: `open ${fmt(connections)} conversations (16 at a time)`,
    value: `${Math.round((connections / (performance.now() - started)) * 1000)} /s`,
    detail: `each stores the conversation and a welcome message (${h.store.kind})`,
  });

  // Hold a stream per conversation; note when each message arrives.
  const arrivals = new Map<string, number>();
  const controllers: AbortController[] = [];
  let received = 0;
  const memoryBefore = process.memoryUsage();
  started = performance.now();
  await Promise.all(
    opened.map((conversation) => {
      const controller = new AbortController();
      controllers.push(controller);
      return holdStream(h.url, conversation, controller.signal, (data) => {
        received++;
        const text = (JSON.parse(data) as { text: string }).text;
        const mark = /#bench-(\d+)/.exec(text)?.[1];
        if (mark) arrivals.set(mark, performance.now());
      });
    }),
  );
  // A stream is live once it replayed what it missed and subscribed.
  const hub = h.xiaoer.desk.hub;
  const waitUntil = Date.now() + 120_000;
  while (hub.openStreams < connections && Date.now() < waitUntil)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const held = process.memoryUsage();
  rows.push({
    measure: `${fmt(connections)} streams held open`,
    value: `${Math.round(performance.now() - started)} ms until all are live`,
    detail: `${fmt(hub.openStreams)} live (each first replays its missed messages from the store); server and clients in one process: heap +${mb(held.heapUsed - memoryBefore.heapUsed)}, RSS +${mb(held.rss - memoryBefore.rss)}`,
  });

  // Agents' replies into random conversations, 20 at a time: time until the stream has it.
  const sent = new Map<string, number>();
  const admin = pLimit(20);
  started = performance.now();
  await Promise.all(
    Array.from({ length: replies }, (_, i) =>
      admin(async () => {
        const target = opened[(i * 7919) % opened.length]!;
        sent.set(String(i), performance.now());
        await h.request('POST', `/api/conversations/${target.id}/messages`, {
          text: `您好，这里是客服 #bench-${i}`,
        });
      }),
    ),
  );
  const sending = performance.now() - started;
  const deadline = Date.now() + 30_000;
  while (arrivals.size < replies && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies = [...sent]
    .map(([mark, at]) => (arrivals.get(mark) ?? Number.NaN) - at)
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  rows.push({
    measure: `agent reply → customer's open stream (${fmt(replies)}, 20 at a time): p50 / p99`,
    value: `${percentile(latencies, 50)} / ${percentile(latencies, 99)} ms`,
    detail: `${fmt(latencies.length)} of ${fmt(replies)} arrived; ${Math.round((replies / sending) * 1000)} replies/s stored and delivered`,
  });

  // Customers' questions through the whole desk, while the streams stay open.
  const asked: number[] = [];
  const customers = pLimit(8);
  const phrasings = ['我的快递到哪了', '可以开发票吗', 'where is my parcel', '怎么退货', '你好'];
  await Promise.all(
    Array.from({ length: questions }, (_, i) =>
      customers(async () => {
        const { id, token } = opened[(i * 104729) % opened.length]!;
        const at = performance.now();
        await fetch(`${h.url}/api/chat/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-chat-token': token },
          body: JSON.stringify({ text: phrasings[i % phrasings.length] }),
        });
        asked.push(performance.now() - at);
      }),
    ),
  );
  // The answer is on its way to the stream when its request returns: give it a moment.
  const expected = connections + replies + 2 * questions;
  const settleBy = Date.now() + 5_000;
  while (received < expected && Date.now() < settleBy)
    await new Promise((resolve) => setTimeout(resolve, 20));
  asked.sort((a, b) => a - b);
  rows.push({
    measure: `customer message answered by the desk (${fmt(questions)}, 8 at a time): p50 / p99`,
    value: `${percentile(asked, 50)} / ${percentile(asked, 99)} ms`,
    detail: `stored, classified, knowledge base, reply stored; no journey published, so no journey event is recorded (issue 17)`,
  });
  rows.push({
    measure: 'messages received on the open streams',
    value: fmt(received),
    detail: `welcome messages replayed on connect, replies, questions and answers`,
  });
  for (const controller of controllers) controller.abort();
} finally {
  await h.close();
}

const report = markdownReport(machineFacts(), rows);
console.log(report);
if (!quick) {
  const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
  await writeReport(file, report, 'bench:chat');
  log(`已写入 / written to ${file}`);
}
