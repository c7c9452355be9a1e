/**
 * `npm run bench:analytics` — analytics over a long history: 1,000,000 journey step records and
 * 100,000 conversations generated over 90 days (seeded; daily, weekly and hourly pattern, an
 * intent spiking on the last day) are written to the embedded store with the facts the live
 * system would have recorded for them. The facts are rolled up once per generated day (the live
 * system rolls up every minute), one peak hour is held back and rolled up alone, then every
 * report is timed through the real `Analytics` facade and over HTTP. The full run writes its
 * table into docs/performance.md (`bench:analytics`); `--quick` generates a twentieth and
 * writes nothing.
 */
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { RECOVERY_DEFAULTS } from '@xiaoer/server';
import { startHarness, startTestStore } from '@xiaoer/server/testing';
import { AnalyticsRollup } from '../../packages/server/src/analytics/analytics-rollup.ts';
import {
  dashboardReport,
  daysToRead,
  previousPeriod,
} from '../../packages/server/src/analytics/dashboard-report.ts';
import { findByIds } from '../../packages/server/src/model/find-by-ids.ts';
import { addDays, daysBetween } from '../../packages/server/src/analytics/local-time.ts';
import { forecastDays } from '../../packages/server/src/analytics/staffing-plan.ts';
import { createModels } from '../../packages/server/src/model/models.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import { heapAfterGcMb, percentile } from '../runtime/measure.ts';
import { BENCH_AGENTS } from './conversation-traffic.ts';
import {
  GeneratedTraffic,
  writeFacts,
  writeHistory,
  type HourOfTraffic,
} from './generated-traffic.ts';
import { shippedWorkflow } from './journey-history.ts';
import { BENCH_TIME_ZONE } from './traffic-pattern.ts';

const quick = process.argv.includes('--quick');
const scale = quick ? 20 : 1;
const DAYS = 90;
const STEPS = 1_000_000 / scale;
const CONVERSATIONS = 100_000 / scale;
const REPEATS = quick ? 10 : 30;
/** The last day's hour held back for the hourly rollup (the evening peak). */
const PEAK_HOUR = 21;
const FUNNEL_WORKFLOW = 'where-is-my-parcel';

const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rows: ResultRow[] = [];

log(
  `分析基准 / analytics benchmark: ${fmt(STEPS)} step records, ${fmt(CONVERSATIONS)} conversations over ${DAYS} days`,
);
const heapBefore = heapAfterGcMb();
const store = await startTestStore();
const connection = await mongoose.createConnection(store.uri).asPromise();
try {
  const models = createModels(connection);
  await models.Agents.collection.insertMany(BENCH_AGENTS as never[]);
  const traffic = new GeneratedTraffic({ days: DAYS, conversations: CONVERSATIONS, steps: STEPS });
  const rollup = new AnalyticsRollup(models, { timeZone: BENCH_TIME_ZONE });
  const lastDay = traffic.lastDay;
  const peakIndex = traffic.hours.findIndex((h) => h.date === lastDay && h.hour === PEAK_HOUR);

  // History and facts, a day at a time, each day's facts rolled up before the next day.
  let generateMs = 0;
  let historyMs = 0;
  let factsMs = 0;
  let rollupMs = 0;
  let slowestDay = { date: '', facts: 0, ms: 0 };
  let factsRolled = 0;
  let daysWritten = 0;
  const started = performance.now();
  for (let day = 0; day < DAYS; day++) {
    let mark = performance.now();
    const hours: HourOfTraffic[] = [];
    for (let h = day * 24; h < day * 24 + 24; h++) if (h !== peakIndex) hours.push(traffic.hour(h));
    generateMs += performance.now() - mark;
    mark = performance.now();
    await writeHistory(models, hours);
    historyMs += performance.now() - mark;
    mark = performance.now();
    await writeFacts(models, hours);
    factsMs += performance.now() - mark;
    const result = await rollup.run();
    rollupMs += result.ms;
    factsRolled += result.facts;
    daysWritten += result.days;
    if (result.ms > slowestDay.ms)
      slowestDay = { date: hours[0]?.hour.date ?? '', facts: result.facts, ms: result.ms };
    if ((day + 1) % 5 === 0 || day === 0) {
      const elapsed = performance.now() - started;
      log(
        `· day ${day + 1}/${DAYS}: ${fmt(traffic.journeyTally.steps)} steps, ` +
          `${fmt(traffic.conversationTally.conversations)} conversations, ${fmt(factsRolled)} facts rolled up ` +
          `(this day ${fmt(result.facts)} in ${seconds(result.ms)}); ${seconds(elapsed)} so far, ` +
          `~${seconds((elapsed / (day + 1)) * (DAYS - day - 1))} to go`,
      );
    }
  }

  // The hourly rollup: one peak hour of facts on top of the rolled-up history.
  const peak = traffic.hour(peakIndex);
  await writeHistory(models, [peak]);
  await writeFacts(models, [peak]);
  const hourly = await rollup.run();
  log(`· peak hour: ${fmt(hourly.facts)} facts rolled up in ${hourly.ms} ms`);
  const totalSteps = traffic.journeyTally.steps;
  const totalConversations = traffic.conversationTally.conversations;
  const totalFacts = traffic.journeyTally.facts + traffic.conversationTally.facts;
  const stats = (await connection.db!.command({ dbStats: 1 })) as {
    objects: number;
    dataSize: number;
  };
  const [conversationDays, journeyDays] = await Promise.all([
    models.ConversationDays.collection.countDocuments({}),
    models.JourneyDays.collection.countDocuments({}),
  ]);

  rows.push(
    {
      measure: `history generated: ${fmt(totalSteps)} step records (${fmt(traffic.journeyTally.instances)} journey instances), ${fmt(totalConversations)} conversations, ${DAYS} days`,
      value: seconds(historyMs),
      detail: `written in unordered batches of 2,000 (${store.kind}); generating them took ${seconds(generateMs)}; store ${fmt(stats.objects)} documents, ${fmt(stats.dataSize / 1024 ** 2)} MB`,
    },
    {
      measure: `facts written: ${fmt(totalFacts)} (${fmt(traffic.journeyTally.facts)} steps, ${fmt(traffic.conversationTally.facts)} conversations, handoffs, surveys, inspections)`,
      value: seconds(factsMs),
      detail: `as the fact recorder writes them; deterministic _ids`,
    },
    {
      measure: `rollup of ${fmt(factsRolled)} facts, one run per generated day (${DAYS} runs)`,
      value: `${seconds(rollupMs)} · ${fmt((factsRolled / rollupMs) * 1000)} facts/s`,
      detail: `${fmt(daysWritten)} day documents written (${fmt(conversationDays)} conversation + ${fmt(journeyDays)} journey days kept); slowest day ${slowestDay.date}: ${fmt(slowestDay.facts)} facts in ${seconds(slowestDay.ms)}`,
    },
    {
      measure: `hourly rollup: one peak hour (${lastDay} ${PEAK_HOUR}:00, spike day)`,
      value: `${fmt(hourly.ms)} ms`,
      detail: `${fmt(hourly.facts)} facts (${fmt((hourly.facts / hourly.ms) * 1000)} facts/s) into ${hourly.days} day documents, with ${fmt(totalSteps)} steps and ${fmt(factsRolled)} rolled-up facts already in the store`,
    },
  );
  log('· reports …');

  // Reports through the server's own Analytics facade, and over HTTP.
  const h = await startHarness({
    store,
    config: {
      analytics: { timeZone: BENCH_TIME_ZONE, rollupEveryMs: 3_600_000 },
      recovery: { ...RECOVERY_DEFAULTS },
    },
  });
  try {
    await h.publish(shippedWorkflow(FUNNEL_WORKFLOW));
    const { analytics } = h.xiaoer;
    const channels = (await models.RollupProgress.findById('progress').lean())?.channels ?? [];
    const period = (days: number) => ({ from: addDays(lastDay, 1 - days), to: lastDay });
    const dashboardRead = (days: number, channelCount: number) =>
      `${daysToRead(period(days).from, period(days).to).length * channelCount} day documents, the days that have passed kept in memory after the first read`;
    const tomorrow = addDays(lastDay, 1);
    const staffing = { date: tomorrow, group: null, targetLevel: 0.8, targetSeconds: 20, weeks: 4 };
    const queries: { name: string; read: string; run: () => Promise<unknown> }[] = [
      ...[1, 30, 90].map((days) => ({
        name: `dashboard, ${days} day${days > 1 ? 's' : ''}, all channels`,
        read: dashboardRead(days, channels.length),
        run: () => analytics.dashboard(period(days)),
      })),
      {
        // As every dashboard was read before past days were kept in memory (issue 17).
        name: `dashboard, 30 days, all channels, every day read from the store`,
        read: `reads ${daysToRead(period(30).from, period(30).to).length * channels.length} day documents by _id (one find)`,
        run: async () => {
          const { from, to } = period(30);
          const progress = await models.RollupProgress.findById('progress').lean();
          const ids = daysToRead(from, to).flatMap((date) =>
            channels.map((channel) => `${date}|${channel}`),
          );
          return dashboardReport({
            period: {
              from,
              to,
              timeZone: BENCH_TIME_ZONE,
              channel: null,
              ...{ previous: previousPeriod(from, to) },
            },
            days: await findByIds(models.ConversationDays, ids),
            channels,
            rolledUpTo: progress?.rolledUpTo ?? null,
            agentNames: new Map(BENCH_AGENTS.map((agent) => [agent._id, agent.displayName])),
          });
        },
      },
      ...[1, 90].map((days) => ({
        name: `dashboard, ${days} day${days > 1 ? 's' : ''}, channel app`,
        read: dashboardRead(days, 1),
        run: () => analytics.dashboard({ ...period(days), channel: 'app' }),
      })),
      {
        name: `journey funnel (${FUNNEL_WORKFLOW}), 30 days`,
        read: `reads ${daysBetween(period(30).from, lastDay).length} day documents by _id`,
        run: () => analytics.funnel(FUNNEL_WORKFLOW, period(30)),
      },
      {
        name: `staffing for ${tomorrow} from 4 weeks`,
        read: `${forecastDays(tomorrow, 4).length * channels.length} day documents (kept in memory after the first read), online agents`,
        run: () => analytics.staffing(staffing),
      },
      {
        name: `GET /api/analytics/dashboard, 30 days (HTTP, JSON)`,
        read: dashboardRead(30, channels.length),
        run: async () => {
          const { from, to } = period(30);
          const response = await h.request('GET', `/api/analytics/dashboard?from=${from}&to=${to}`);
          if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
          return response.json();
        },
      },
    ];
    for (const query of queries) {
      await query.run(); // warm
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const mark = performance.now();
        await query.run();
        times.push(performance.now() - mark);
      }
      times.sort((a, b) => a - b);
      const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
      log(`· ${query.name}: p50 ${p50} ms, p99 ${p99} ms`);
      rows.push({
        measure: `${query.name}: p50 / p99`,
        value: `${p50} / ${p99} ms`,
        detail: `${REPEATS} runs; ${query.read}`,
      });
    }
    const report = await analytics.dashboard(period(1));
    const spikes = report.intents.filter((i) => i.spike).map((i) => i.intent);
    log(
      `· last day: ${fmt(report.volume.conversations)} conversations, spiking: ${spikes.join(', ') || 'none'}`,
    );

    // For contrast: one question answered from the history itself (what the reports avoid).
    const mark = performance.now();
    const appConversations = await models.Conversations.countDocuments({ channel: 'app' });
    rows.push({
      measure: `for contrast: counting ${fmt(totalConversations)} conversations by channel from the history`,
      value: `${fmt(performance.now() - mark)} ms`,
      detail: `countDocuments({ channel: 'app' }) = ${fmt(appConversations)}: FerretDB 1.x reads every conversation (only _id is indexed)`,
    });
  } finally {
    await h.close();
  }
  rows.push({
    measure: 'heap after GC',
    value: `${fmt(heapAfterGcMb() - heapBefore)} MB`,
    detail: `growth over the run (generator, store client, server); the generated traffic is written a day at a time`,
  });
} finally {
  await connection.close();
  await store.stop();
}

const report = markdownReport(machineFacts(), rows);
console.log(report);
if (!quick) {
  const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
  await writeReport(file, report, 'bench:analytics');
  log(`已写入 / written to ${file}`);
}
