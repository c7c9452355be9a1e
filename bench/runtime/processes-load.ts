/**
 * `npm run bench:processes` — several `xiaoer serve` processes sharing one store, the way a shop
 * that outgrows one process runs Xiaoer (docs/runtime.md, Several processes): one embedded
 * FerretDB on PostgreSQL (`--sqlite`: on SQLite, which the docs advise against for this), N
 * servers with `MONGODB_URI` pointing at it, and a round-robin TCP proxy in front that hands each
 * client connection to the next server (bench/runtime/round-robin-proxy.ts). The shared harness
 * (bench/runtime/runtime-load.mjs) drives the proxy with signed `order.created` events and counts
 * the confirmation SMS at its sink, as `npm run bench:runtime` does for one process.
 *
 * Each process count gets a fresh store and fresh servers, warmed with 8 clients for a few
 * seconds first (V8 compiles the hot code during the first seconds of load). Reports, per level:
 * effects/s, acknowledgement and event→effect p50/p99, the servers' and FerretDB's CPU per event
 * (PostgreSQL's own processes are not counted) and the machine's idle share. `--processes=1,2`
 * (default), `--clients=16,64` (default), `--seconds=N` (15; `--quick`: 3 s and nothing written).
 * The full run writes its table into docs/performance.md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineFacts, markdownReport, writeReport, type ResultRow } from '../report.ts';
import { machineSpeedRow } from '../machine-speed.ts';
import { cpuMs, machineIdleMs, machineIdleShare, storePid } from './process-cpu.ts';
import { roundRobinProxy } from './round-robin-proxy.ts';
import {
  benchConfig,
  freePort,
  publishOrderLifecycle,
  root,
  runLevel,
  spawnServe,
  stopServe,
  waitForHealth,
  type LevelRow,
} from './serve-harness.ts';
import { launchStore } from '@xiaoer/server';

const argument = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const numbers = (text: string) => text.split(',').map(Number);
const quick = process.argv.includes('--quick');
const sqlite = process.argv.includes('--sqlite');
const seconds = Number(argument('seconds') ?? (quick ? 3 : 15));
const levels = numbers(argument('clients') ?? '16,64');
const processCounts = numbers(argument('processes') ?? '1,2');
const WARM_UP = { clients: 8, seconds: quick ? 3 : 10 };
/** The servers refresh their list of published journeys every second (WorkflowCatalog). */
const CATALOG_REFRESH_MS = 2_500;
const log = (line: string) => process.stderr.write(`${line}\n`);
const storeName = sqlite ? 'FerretDB + SQLite' : 'FerretDB + PostgreSQL';

/** CPU (ms) of these processes together so far, or null when /proc cannot tell. */
async function cpuOf(pids: (number | undefined)[]): Promise<number | null> {
  let total = 0;
  for (const pid of pids) {
    const ms = await cpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

const perEvent = (before: number | null, after: number | null, events: number) =>
  before === null || after === null ? '–' : `${((after - before) / events).toFixed(2)} ms`;

/** N servers on one fresh store behind the proxy: the levels' rows. */
async function measure(processes: number): Promise<ResultRow[]> {
  const directory = await mkdtemp(join(tmpdir(), 'xiaoer-bench-processes-'));
  const configFile = join(directory, 'config.json');
  await writeFile(configFile, JSON.stringify(benchConfig));
  const store = await launchStore({
    dataDirectory: join(directory, 'store'),
    postgresDatabase: `xiaoer_bench_${process.pid}_${processes}_${Date.now().toString(36)}`,
    dropPostgresDatabaseOnStop: true,
    env: { ...process.env, MONGODB_URI: '', XIAOER_STORE: sqlite ? 'sqlite' : 'postgres' },
    report: log,
  });
  const servers: ChildProcess[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobinProxy>> | undefined;
  const rows: ResultRow[] = [];
  try {
    const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
    for (const [index, port] of ports.entries())
      servers.push(
        spawnServe({
          configFile,
          dataDirectory: join(directory, `server-${index}`),
          port,
          env: { MONGODB_URI: store.uri },
        }),
      );
    await Promise.all(
      ports.map((port, index) =>
        waitForHealth(`http://127.0.0.1:${port}`, servers[index] as ChildProcess),
      ),
    );
    proxy = await roundRobinProxy(ports.map((port) => ({ host: '127.0.0.1', port })));
    const url = `http://127.0.0.1:${proxy.port}`;
    await publishOrderLifecycle(`http://127.0.0.1:${ports[0]}`);
    await new Promise((resolve) => setTimeout(resolve, CATALOG_REFRESH_MS));
    const ferretdb = await storePid(join(directory, 'store'));
    const warm = await runLevel(url, WARM_UP.clients, WARM_UP.seconds);
    log(
      `  ${processes} process(es), warm-up at ${WARM_UP.clients} clients: ${warm['effects/s']} effects/s`,
    );
    for (const c of levels) {
      const serversBefore = await cpuOf(servers.map((server) => server.pid));
      const storeBefore = await cpuOf([ferretdb]);
      const idleBefore = await machineIdleMs();
      const connectionsBefore = proxy.connections();
      const started = performance.now();
      const row: LevelRow = await runLevel(url, c, seconds);
      const wallMs = performance.now() - started;
      const idleAfter = await machineIdleMs();
      const idleShare = machineIdleShare(idleBefore, idleAfter, wallMs);
      const idle = idleShare === null ? '–' : `${Math.round(idleShare * 100)} %`;
      const cpu =
        `servers ${perEvent(serversBefore, await cpuOf(servers.map((s) => s.pid)), row.acked)}, ` +
        `FerretDB ${perEvent(storeBefore, await cpuOf([ferretdb]), row.acked)}`;
      log(
        `  ${processes} process(es), ${c} clients: ${row['effects/s']} effects/s, ack p50/p99 ${row['ack p50']}/${row['ack p99']} ms, e2e p99 ${row['e2e p99']} ms, CPU per event ${cpu}, machine idle ${idle}`,
      );
      rows.push({
        measure: `${processes} process${processes === 1 ? '' : 'es'}, ${c} clients, ${storeName}`,
        value: `${row['effects/s']} effects/s`,
        detail:
          `acked ${row.acked} (${row.errors} errors), ${row.effects} effects, ack p50/p99 ${row['ack p50']}/${row['ack p99']} ms, ` +
          `event→effect p50/p99 ${row['e2e p50']}/${row['e2e p99']} ms, CPU per event ${cpu}, machine idle ${idle}, ` +
          `the harness's connections per process ${proxy
            .connections()
            .map((n, index) => n - (connectionsBefore[index] ?? 0))
            .join(' / ')}`,
      });
    }
  } finally {
    await proxy?.close();
    await Promise.all(servers.map((server) => stopServe(server)));
    await store.stop();
    await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

log(
  `多进程压测 / several processes: ${processCounts.join(', ')} xiaoer serve on one ${storeName}, ${levels.join(', ')} clients, ${seconds} s each`,
);
const rows: ResultRow[] = [];
for (const processes of processCounts) rows.push(...(await measure(processes)));
rows.push(machineSpeedRow());
const report = markdownReport(machineFacts(), rows);
process.stdout.write(`${report}\n`);
if (!quick) await writeReport(join(root, 'docs/performance.md'), report, 'runtime-processes');
