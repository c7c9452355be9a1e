/**
 * `npm run bench:runtime` — the durable runtime measured black-box, the way the side-by-side
 * figures with n8n were measured: a real `xiaoer serve` (embedded FerretDB on SQLite, or on the
 * local PostgreSQL with `--postgres`) with the order-lifecycle journey published, signed
 * `order.created` events from closed-loop clients (bench/runtime/runtime-load.mjs, the shared
 * harness), the confirmation SMS counted at a sink. Between levels it reads the server's
 * /metrics: store commands per event (the driver's command monitoring; Agenda's own connection
 * is not counted), the heap, and where each level waited (the event loop's delay p99, GC pauses,
 * the p99 of the inbox insert the acknowledgement waits for, from `xiaoer_store_command_duration_seconds`;
 * with `--breakdown`, per command and collection). From Linux's /proc: CPU per event of the server's
 * process and the store's, the share of each level its busiest thread (the event loop) was busy
 * and the machine's idle share. `--quick` runs 3 s at 1 and 16 clients and writes nothing;
 * the full run (15 s at 1, 16 and 64) writes its table into docs/performance.md. `--seconds=N`
 * sets how long each level runs. `--rounds=N` runs the levels N times, each round on a fresh
 * server with the machine's speed probed after it, and reports each level's median and range:
 * this machine's speed drifts by a third within minutes, so one round says little about a goal.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import {
  busiestThreadShare,
  cpuMs,
  machineIdleMs,
  machineIdleShare,
  storePid,
  threadCpuMs,
} from './process-cpu.ts';
import { machineSpeedProbeMs, machineSpeedRow } from '../machine-speed.ts';
import { dropDatabase, postgresAdminUrl } from '@xiaoer/server/internal';
import {
  benchConfig,
  freePort,
  METRICS_TOKEN,
  publishOrderLifecycle,
  root,
  runLevel,
  spawnServe,
  type LevelRow,
  stopServe,
  waitForHealth,
} from './serve-harness.ts';

const quick = process.argv.includes('--quick');
const postgres = process.argv.includes('--postgres');
const breakdown = process.argv.includes('--breakdown');
const secondsArg = process.argv.find((a) => a.startsWith('--seconds='));
const seconds = secondsArg ? Number(secondsArg.slice('--seconds='.length)) : quick ? 3 : 15;
const levelArg = process.argv.find((a) => a.startsWith('--clients='));
const levels = levelArg
  ? levelArg.slice('--clients='.length).split(',').map(Number)
  : quick
    ? [1, 16]
    : [1, 16, 64];
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Math.floor(Number(roundsArg.slice('--rounds='.length)))) : 1;
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `; server thread busy 91 %, machine idle 19 %` over a level (with the wait for the last
 * effects), or '' when /proc could not tell: whether the server's event loop or the machine's
 * cores as a whole limited it.
 */
function sharesOf(
  busiest: number | null,
  idleBefore: number | null,
  idleAfter: number | null,
  wallMs: number,
): string {
  const parts: string[] = [];
  if (busiest !== null) parts.push(`server thread busy ${Math.round(busiest * 100)} %`);
  const idle = machineIdleShare(idleBefore, idleAfter, wallMs);
  if (idle !== null) parts.push(`machine idle ${Math.round(idle * 100)} %`);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

/** `label 1.23 ms`: a process's CPU per event over a level, or '' when /proc could not tell. */
function cpuPerEvent(label: string, before: number | null, after: number | null, events: number) {
  return before === null || after === null
    ? ''
    : `${label} ${((after - before) / events).toFixed(2)} ms`;
}

interface Metrics {
  commands: number;
  heapMb: number;
  /** `command collection` → [commands, statements] so far. */
  byTarget: Map<string, [number, number]>;
  /** `command collection` → commands answered so far within each bucket's bound (s). */
  latency: Map<string, Map<number, number>>;
  /** The event loop's delay p99 since the scrape before (prom-client resets it per scrape), ms. */
  loopP99Ms: number;
  /** Garbage-collection pauses so far, by kind: [count, seconds]. */
  gc: Map<string, [number, number]>;
}

/** Store commands sent so far and the heap in use, from the server's /metrics. */
async function readMetrics(url: string): Promise<Metrics> {
  const text = await (
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  let commands = 0;
  let heap = 0;
  let loopP99Ms = 0;
  const byTarget = new Map<string, [number, number]>();
  const latency = new Map<string, Map<number, number>>();
  const gc = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    const labels =
      /^xiaoer_store_(commands|statements)_total\{command="([^"]*)",collection="([^"]*)"\} (\S+)/.exec(
        line,
      );
    if (labels) {
      const [, kind, command, collection, value] = labels;
      const key = `${command} ${collection}`;
      const entry = byTarget.get(key) ?? [0, 0];
      entry[kind === 'commands' ? 0 : 1] += Number(value);
      byTarget.set(key, entry);
      if (kind === 'commands') commands += Number(value);
    }
    if (line.startsWith('nodejs_heap_size_used_bytes ')) heap = Number(line.split(' ')[1]);
    const bucket =
      /^xiaoer_store_command_duration_seconds_bucket\{le="([^"]+)",command="([^"]*)",collection="([^"]*)"\} (\S+)/.exec(
        line,
      );
    if (bucket) {
      const [, le, command, collection, value] = bucket;
      const key = `${command} ${collection}`;
      const buckets = latency.get(key) ?? new Map<number, number>();
      buckets.set(le === '+Inf' ? Infinity : Number(le), Number(value));
      latency.set(key, buckets);
    }
    if (line.startsWith('nodejs_eventloop_lag_p99_seconds '))
      loopP99Ms = Number(line.split(' ')[1]) * 1000;
    const pause = /^nodejs_gc_duration_seconds_(sum|count)\{kind="([^"]+)"\} (\S+)/.exec(line);
    if (pause) {
      const [, part, kind, value] = pause;
      const entry = gc.get(kind as string) ?? [0, 0];
      entry[part === 'count' ? 0 : 1] = Number(value);
      gc.set(kind as string, entry);
    }
  }
  return { commands, heapMb: heap / 1024 ** 2, byTarget, latency, loopP99Ms, gc };
}

/**
 * The bound (ms) under which 99 % of the commands answered between two scrapes fell, from the
 * histogram's buckets: an upper bound to the nearest bucket, not an exact percentile.
 */
function latencyP99Ms(before: Metrics, after: Metrics, key: string): number | undefined {
  const now = after.latency.get(key);
  if (!now) return undefined;
  const then = before.latency.get(key);
  const counts = [...now].map(([le, n]) => [le, n - (then?.get(le) ?? 0)] as const);
  counts.sort((a, b) => a[0] - b[0]);
  const total = counts.at(-1)?.[1] ?? 0;
  if (total === 0) return undefined;
  return (counts.find(([, n]) => n >= 0.99 * total)?.[0] ?? Infinity) * 1000;
}

/** Where a level's waits were: the event loop's delay, GC pauses, the acknowledgement's write. */
function waitsOf(before: Metrics, after: Metrics, acked: number): string {
  const [count, seconds] = ['minor', 'major'].reduce(
    ([c, s], kind) => {
      const [c1, s1] = after.gc.get(kind) ?? [0, 0];
      const [c0, s0] = before.gc.get(kind) ?? [0, 0];
      return [c + c1 - c0, s + s1 - s0];
    },
    [0, 0],
  );
  const inbox = latencyP99Ms(before, after, 'insert inbox');
  return (
    `event-loop delay p99 ${after.loopP99Ms.toFixed(1)} ms, ` +
    `GC ${count} pauses (${count ? ((seconds * 1000) / count).toFixed(1) : 0} ms mean, ` +
    `${((seconds * 1e6) / Math.max(1, acked)).toFixed(0)} µs per event), ` +
    `inbox insert p99 ≤ ${inbox === undefined ? '–' : inbox} ms`
  );
}

/** One level's figures in one round, and its row of the report. */
interface LevelResult extends ResultRow {
  clients: number;
  row: LevelRow;
  commandsPerEvent: number;
  /** The server's heap in use after the level, MB. */
  heapMb: number;
}

const storeName = postgres ? 'FerretDB + PostgreSQL' : 'FerretDB + SQLite';

/** One round: a fresh server on a fresh store, every level, the server stopped after. */
async function runRound(): Promise<LevelResult[]> {
  const directory = await mkdtemp(join(tmpdir(), 'xiaoer-bench-runtime-'));
  const configFile = join(directory, 'config.json');
  await writeFile(configFile, JSON.stringify(benchConfig));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const postgresDatabase = `xiaoer_bench_${process.pid}_${Date.now().toString(36)}`;
  log(
    `运行时压测 / runtime load: xiaoer serve on ${storeName}, ${levels.join(', ')} clients, ${seconds} s each`,
  );
  const server = spawnServe({
    configFile,
    dataDirectory: join(directory, 'data'),
    port,
    // XIAOER_BENCH_PROFILE=<dir>: the server writes a CPU profile there when it stops.
    nodeFlags: process.env['XIAOER_BENCH_PROFILE']
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env['XIAOER_BENCH_PROFILE']}`]
      : [],
    // A database of its own, dropped at the end: never the `xiaoer` one a real server uses.
    env: postgres ? { XIAOER_STORE: 'postgres', XIAOER_POSTGRES_DATABASE: postgresDatabase } : {},
  });
  const levelsDone: LevelResult[] = [];
  try {
    await waitForHealth(url, server);
    await publishOrderLifecycle(url);
    // The embedded store's process (on PostgreSQL, the FerretDB in front of it).
    const store = await storePid(join(directory, 'data'));
    for (const c of levels) {
      const before = await readMetrics(url);
      const serverCpu = await cpuMs(server.pid);
      const storeCpu = await cpuMs(store);
      const serverThreads = await threadCpuMs(server.pid);
      const idleBefore = await machineIdleMs();
      const started = performance.now();
      const row = await runLevel(url, c, seconds);
      const wallMs = performance.now() - started;
      const sharesText = sharesOf(
        busiestThreadShare(serverThreads, await threadCpuMs(server.pid), wallMs),
        idleBefore,
        await machineIdleMs(),
        wallMs,
      );
      const after = await readMetrics(url);
      const perEvent = (after.commands - before.commands) / Math.max(1, row.acked);
      const storeLabel = postgres ? 'FerretDB (PostgreSQL not counted)' : 'store';
      const cpuText = [
        cpuPerEvent('server', serverCpu, await cpuMs(server.pid), row.acked),
        cpuPerEvent(storeLabel, storeCpu, await cpuMs(store), row.acked),
      ]
        .filter(Boolean)
        .join(' / ')
        .concat(sharesText);
      log(
        `  ${c} clients: ${row['effects/s']} effects/s, e2e p99 ${row['e2e p99']} ms, ${perEvent.toFixed(1)} store commands/event${cpuText ? `, CPU per event ${cpuText}` : ''}, heap ${after.heapMb.toFixed(0)} MB`,
      );
      log(
        `    ack p50/p99 ${row['ack p50']}/${row['ack p99']} ms; ${waitsOf(before, after, row.acked)}`,
      );
      if (breakdown) {
        const lines = [...after.byTarget]
          .map(([key, [commands, statements]]) => {
            const [c0, s0] = before.byTarget.get(key) ?? [0, 0];
            return {
              key,
              commands: commands - c0,
              statements: statements - s0,
              p99: latencyP99Ms(before, after, key),
            };
          })
          .filter((entry) => entry.commands > 0)
          .sort((a, b) => b.statements - a.statements);
        for (const entry of lines)
          log(
            `    ${entry.key.padEnd(40)} ${(entry.commands / row.acked).toFixed(2).padStart(7)} commands/event ${(entry.statements / row.acked).toFixed(2).padStart(7)} statements/event  p99 ≤ ${entry.p99 ?? '–'} ms`,
          );
      }
      levelsDone.push({
        clients: c,
        row,
        commandsPerEvent: perEvent,
        heapMb: after.heapMb,
        measure: `${c} client${c === 1 ? '' : 's'}, ${storeName}`,
        value: `${row['effects/s']} effects/s`,
        detail:
          `acked ${row.acked} (${row.errors} errors), ack p50/p99 ${row['ack p50']}/${row['ack p99']} ms, ` +
          `event→effect p50/p99 ${row['e2e p50']}/${row['e2e p99']} ms, ` +
          `${perEvent.toFixed(1)} store commands per event${cpuText ? `, CPU per event ${cpuText}` : ''}, heap ${after.heapMb.toFixed(0)} MB`,
      });
    }
    return levelsDone;
  } finally {
    await stopServe(server);
    await rm(directory, { recursive: true, force: true });
    if (postgres) await dropDatabase(postgresAdminUrl(process.env), postgresDatabase);
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `median (min–max)` of one figure over the rounds. */
function spread(values: readonly number[], digits = 1): string {
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

/** One report row per level over every round: the medians, the ranges, each round's rate. */
function summaryRows(byRound: readonly LevelResult[][]): ResultRow[] {
  return levels.map((clients) => {
    const results = byRound.flatMap((round) => round.filter((level) => level.clients === clients));
    const figure = (pick: (row: LevelRow) => number) => results.map((level) => pick(level.row));
    const rates = figure((row) => row['effects/s']);
    const errors = figure((row) => row.errors).reduce((a, b) => a + b, 0);
    return {
      measure: `${clients} client${clients === 1 ? '' : 's'}, ${storeName}`,
      value: `${median(rates).toFixed(1)} effects/s`,
      detail:
        `median (min–max) of ${results.length} rounds on fresh servers: effects/s ${spread(rates)}, ` +
        `ack p99 ${spread(figure((row) => row['ack p99']))} ms, ` +
        `event→effect p99 ${spread(
          figure((row) => row['e2e p99']),
          0,
        )} ms, ` +
        `${median(results.map((level) => level.commandsPerEvent)).toFixed(1)} store commands per event, ` +
        `heap up to ${Math.max(...results.map((level) => level.heapMb)).toFixed(0)} MB, ` +
        `${errors} errors; each round ${rates.map((rate) => rate.toFixed(0)).join(' / ')} effects/s`,
    };
  });
}

const byRound: LevelResult[][] = [];
const probes: number[] = [];
for (let round = 1; round <= rounds; round++) {
  if (rounds > 1) log(`round ${round} / ${rounds}`);
  byRound.push(await runRound());
  // After the server stopped, so that nothing else of the benchmark's runs beside it.
  if (rounds > 1) {
    probes.push(machineSpeedProbeMs());
    log(`machine speed probe: ${probes.at(-1)} ms`);
  }
}
const rows: ResultRow[] =
  rounds === 1
    ? [
        ...(byRound[0] ?? []).map(({ measure, value, detail }) => ({ measure, value, detail })),
        machineSpeedRow(),
      ]
    : [...summaryRows(byRound), machineSpeedRow(probes)];
const report = markdownReport(machineFacts(), rows);
process.stdout.write(`${report}\n`);
if (!quick)
  await writeReport(
    join(root, 'docs/performance.md'),
    report,
    postgres ? 'runtime-load-postgres' : 'runtime-load',
  );
