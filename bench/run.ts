/**
 * `npm run bench` — measures the engine, the editor in headless Chromium and the durable
 * runtime on the embedded store, and prints a table; the full run also writes it into
 * docs/performance.md. `npm run bench -- --quick` is a short smoke run that writes nothing.
 * The runtime part runs on FerretDB with SQLite and then with PostgreSQL (the machine's, as
 * `XIAOER_STORE=postgres` selects); `--engine-only` skips the editor and the runtime (and, like
 * `--quick`, writes nothing); `--editor-only` measures only the editor and writes its table.
 */
import { fileURLToPath } from 'node:url';
import { benchSnapshots } from './engine/snapshot.bench.ts';
import { benchStepThroughput } from './engine/step-throughput.bench.ts';
import { benchValidateCompile } from './engine/validate-compile.bench.ts';
import { benchIntakeThroughput } from './runtime/intake-throughput.ts';
import { benchTimers } from './runtime/timer-lateness.ts';
import { benchRecovery } from './runtime/recovery-time.ts';
import { benchEditor } from './browser/editor-render.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from './report.ts';

const quick = process.argv.includes('--quick');
const options = { timeMs: quick ? 100 : 1500 };
const log = (line: string) => process.stderr.write(`${line}\n`);

// Closing a server while Agenda still runs due timers (a deliberate backlog here) lets those
// jobs write through a closed client; Agenda rejects without a handler. Report, keep measuring.
process.on('unhandledRejection', (error) =>
  log(`  (after a server closed: ${error instanceof Error ? error.message : String(error)})`),
);

const rows: ResultRow[] = [];
const editorOnly = process.argv.includes('--editor-only');

/** Runs one part; a failure becomes a row saying so instead of losing the whole run. */
async function section(name: string, run: () => Promise<ResultRow[]>): Promise<ResultRow[]> {
  try {
    return await run();
  } catch (error) {
    log(`  ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    const message = error instanceof Error ? error.message : String(error);
    return [
      { measure: `${name} (${process.env['XIAOER_STORE']})`, value: 'failed', detail: message },
    ];
  }
}
log(`基准测试 / benchmarks (${quick ? 'quick' : 'full'})`);
if (!editorOnly) {
  log('· 校验与编译 / validate + compile: 10, 100, 1000 nodes …');
  rows.push(...(await benchValidateCompile([10, 100, 1000], options)));
  log('· 步进吞吐 / step throughput on the order lifecycle …');
  rows.push(...benchStepThroughput(options));
  const count = quick ? 10_000 : 100_000;
  log(`· 快照内存 / snapshot size and memory for ${count.toLocaleString('en-US')} snapshots …`);
  rows.push(...benchSnapshots(count));
}

const engineOnly = process.argv.includes('--engine-only');
const editorRows: ResultRow[] = [];
if (!engineOnly) {
  const sizes = quick ? [200] : [200, 500, 1000];
  log(`· 编辑器 / the editor in headless Chromium: ${sizes.join(', ')} nodes …`);
  process.env['XIAOER_STORE'] = 'sqlite';
  editorRows.push(
    ...(await section('editor', () =>
      benchEditor({ sizes, interactMs: quick ? 1000 : 5000, log }),
    )),
  );
}
if (!engineOnly && !editorOnly) {
  for (const store of ['sqlite', 'postgres'] as const) {
    process.env['XIAOER_STORE'] = store;
    const clients = quick ? [1, 4] : [1, 16, 64];
    const events = quick ? 40 : 600;
    log(
      `· 持久吞吐 / durable throughput on ${store}: ${events} events at ${clients.join(', ')} clients …`,
    );
    rows.push(...(await section('intake', () => benchIntakeThroughput({ clients, events, log }))));
    const timers = quick ? [1000] : [10_000, 100_000];
    log(`· 定时器 / timers on ${store}: ${timers.join(', ')} due within 10 s …`);
    rows.push(
      ...(await section('timers', () =>
        benchTimers({ counts: timers, observeMs: quick ? 10_000 : 60_000, log }),
      )),
    );
    log(`· 恢复 / recovery on ${store}: restart with overdue timers …`);
    rows.push(...(await section('recovery', () => benchRecovery(log))));
  }
}

const file = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
const facts = machineFacts();
const report = markdownReport(facts, rows);
const editorReport = markdownReport(facts, editorRows);
console.log(editorOnly ? editorReport : `${report}\n\n${editorReport}`);
// A partial run would drop the other rows from a table: only full runs of a table write it.
if (!quick && !engineOnly) {
  await writeReport(file, editorReport, 'bench:editor');
  if (!editorOnly) await writeReport(file, report);
  log(`已写入 / written to ${file}`);
}
