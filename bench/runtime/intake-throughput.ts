/**
 * Durable throughput: signed `POST /api/events` from N concurrent HTTP clients (autocannon),
 * each event one step of the echo journey that sends one message through the real channel.
 * Reports the intake's answer latency (p50/p95/p99), acknowledged events per second, and the
 * end-to-end rate: events per second until every message reached the demo shop.
 */
import autocannon from 'autocannon';
import { signedHeaders } from '@xiaoer/server';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import type { ResultRow } from '../report.ts';
import { echoWorkflow } from './echo-workflow.ts';
import { percentile, PRODUCTION_RECOVERY, storeLabel, waitUntil } from './measure.ts';

const SESSIONS = 50;

export interface ThroughputOptions {
  clients: number[];
  /** Events sent per client count. */
  events: number;
  log: (line: string) => void;
}

async function openSessions(h: Harness): Promise<void> {
  await h.publish(echoWorkflow);
  const opened = Array.from({ length: SESSIONS }, (_, i) =>
    cloudEvent('bench.opened', {
      sessionId: `S-${i}`,
      phone: `1380000${String(i).padStart(4, '0')}`,
    }),
  );
  const response = await h.sendEvents(opened);
  if (response.status !== 202) throw new Error(`opening sessions: ${response.status}`);
  await waitUntil(
    async () =>
      (await h.xiaoer.models.Instances.countDocuments({ workflowId: 'bench-echo' })) === SESSIONS,
    60_000,
  );
}

async function runClients(
  h: Harness,
  clients: number,
  events: number,
  log: ThroughputOptions['log'],
) {
  let sent = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await autocannon({
    url: h.url,
    connections: clients,
    amount: events,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: '/api/events',
        setupRequest: (request) => {
          const n = sent++;
          const body = JSON.stringify(
            cloudEvent('bench.ping', { sessionId: `S-${n % SESSIONS}`, n }, `ping-${clients}-${n}`),
          );
          return {
            ...request,
            body,
            headers: {
              'content-type': 'application/json',
              ...signedHeaders(SOURCE.id, SOURCE.secret, body),
            },
          };
        },
      },
    ],
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, time: number) => {
        latencies.push(time);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
    },
  });
  const acknowledgedMs = performance.now() - started;
  const accepted = statuses.get(202) ?? 0;
  log(`  ${clients} clients: ${accepted}/${events} accepted in ${Math.round(acknowledgedMs)} ms`);
  return { latencies, statuses, acknowledgedMs, accepted, started };
}

/** One row per client count, on the store the environment selects (SQLite by default). */
export async function benchIntakeThroughput(options: ThroughputOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const clients of options.clients) {
    const h = await startHarness({ config: PRODUCTION_RECOVERY });
    try {
      await openSessions(h);
      const before = h.shop.messages.length;
      const run = await runClients(h, clients, options.events, options.log);
      const target = before + run.accepted;
      const drained = await waitUntil(
        () => h.shop.messages.length >= target,
        1_800_000,
        (waited) =>
          options.log(
            `  ${h.shop.messages.length - before}/${run.accepted} messages after ${Math.round(waited / 1000)} s`,
          ),
      );
      const endToEndMs = performance.now() - run.started;
      const sorted = run.latencies.sort((a, b) => a - b);
      const errors = [...run.statuses].filter(([status]) => status !== 202);
      rows.push({
        measure: `HTTP intake → message sent, ${clients} client${clients > 1 ? 's' : ''} (${storeLabel(h)})`,
        value: drained
          ? `${Math.round((run.accepted / endToEndMs) * 1000)} events/s`
          : 'not drained',
        detail:
          `${run.accepted} events acknowledged at ${Math.round((run.accepted / run.acknowledgedMs) * 1000)}/s; ` +
          `answer p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms` +
          (errors.length
            ? `; other answers ${errors.map(([s, n]) => `${n}×${s}`).join(', ')}`
            : ''),
      });
    } finally {
      await h.close();
    }
  }
  return rows;
}
