/**
 * `node --import tsx bench/chat/answer-profile.ts [questions] [--streams=n] [--only=text]` —
 * where a desk answer's time goes under the chat bench's load shape (8 customers at a time):
 * the latency, and the CPU each answer costs this process (server and clients), the embedded
 * store's process and the event loop's busy share. Run it with `--cpu-prof` to see the
 * functions. Not part of `npm run bench:chat`; a tool to look with.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { startHarness } from '@xiaoer/server/testing';
import { percentile } from '../runtime/measure.ts';
import { holdStream } from './chat-stream.ts';

const questions = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 400);
const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const streams = Number(option('streams') ?? 1000);
const only = option('only');
const concurrency = Number(option('concurrency') ?? 8);

/** CPU milliseconds (user + system) of this process's descendants (the embedded store). */
function childrenCpuMs(): number {
  const processes = new Map<number, { parent: number; ticks: number }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(pid), {
        parent: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = processes.get(pid)?.parent; at; at = processes.get(at)?.parent)
      if (at === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, { ticks: own }] of processes) if (descends(pid)) ticks += own;
  return ticks * 10;
}

const h = await startHarness();
try {
  const opened = await Promise.all(
    Array.from({ length: Math.max(streams, 100) }, async (_, i) => {
      const response = await fetch(`${h.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: `p-${i}`, language: i % 2 ? 'en' : 'zh' } }),
      });
      return (await response.json()) as { id: string; token: string };
    }),
  );
  let received = 0;
  const controllers: AbortController[] = [];
  const streamsFrom = performance.now();
  const streamsCpu = process.cpuUsage();
  await Promise.all(
    opened.slice(0, streams).map((conversation) => {
      const controller = new AbortController();
      controllers.push(controller);
      return holdStream(h.url, conversation, controller.signal, (data) => {
        received++;
        JSON.parse(data);
      });
    }),
  );
  while (h.xiaoer.desk.hub.openStreams < streams) await new Promise((r) => setTimeout(r, 50));
  const streamsCpuMs = process.cpuUsage(streamsCpu);
  console.log(
    `${streams} streams live in ${(performance.now() - streamsFrom).toFixed(0)} ms (from ${(streamsFrom / 1000).toFixed(1)} s), this process ${((streamsCpuMs.user + streamsCpuMs.system) / 1000).toFixed(0)} ms CPU`,
  );
  await new Promise((r) => setTimeout(r, 1500));

  const phrasings = only
    ? [only]
    : ['我的快递到哪了', '可以开发票吗', 'where is my parcel', '怎么退货', '你好'];
  const ask = async (i: number) => {
    const { id, token } = opened[(i * 104729) % opened.length]!;
    const at = performance.now();
    const response = await fetch(`${h.url}/api/chat/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chat-token': token },
      body: JSON.stringify({ text: phrasings[i % phrasings.length] }),
    });
    await response.arrayBuffer();
    const took = performance.now() - at;
    if (process.env['ANSWER_TIMES'])
      process.stdout.write(`T ${at.toFixed(0)} ${took.toFixed(1)}\n`);
    return took;
  };
  // Warm up (classifier, knowledge index, JIT).
  for (let i = 0; i < 20; i++) await ask(i);

  const limit = pLimit(concurrency);
  const cpu = process.cpuUsage();
  const store = childrenCpuMs();
  const loop = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: questions }, (_, i) => limit(() => ask(1000 + i))),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const storeMs = childrenCpuMs() - store;
  const busy = performance.eventLoopUtilization(loop);
  delay.disable();
  times.sort((a, b) => a - b);
  const per = (ms: number) => (ms / questions).toFixed(2);
  console.log(
    `${questions} answers, ${concurrency} at a time, ${streams} streams: p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms, ${((questions / wall) * 1000).toFixed(0)}/s`,
  );
  console.log(
    `  event loop delay p50 / p99 / max ${(delay.percentile(50) / 1e6).toFixed(1)} / ${(delay.percentile(99) / 1e6).toFixed(1)} / ${(delay.max / 1e6).toFixed(1)} ms`,
  );
  console.log(
    `  per answer: this process ${per((used.user + used.system) / 1000)} ms CPU, store ${per(storeMs)} ms CPU, event loop busy ${(busy.utilization * 100).toFixed(0)} % (${per(busy.active)} ms), wall ${per(wall)} ms; ${received} stream messages`,
  );
  for (const controller of controllers) controller.abort();
} finally {
  await h.close();
}
