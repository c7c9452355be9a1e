/**
 * `npm run bench` — measures the engine and prints a table; the full run also writes it into
 * docs/performance.md. `npm run bench -- --quick` is a short smoke run that writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { benchSnapshots } from './engine/snapshot.bench.ts';
import { benchStepThroughput } from './engine/step-throughput.bench.ts';
import { benchValidateCompile } from './engine/validate-compile.bench.ts';
import { machineFacts, markdownReport, writeReport, type ResultRow } from './report.ts';

const quick = process.argv.includes('--quick');
const options = { timeMs: quick ? 100 : 1500 };
const log = (line: string) => process.stderr.write(`${line}\n`);

const rows: ResultRow[] = [];
log(`基准测试 / benchmarks (${quick ? 'quick' : 'full'})`);
log('· 校验与编译 / validate + compile: 10, 100, 1000 nodes …');
rows.push(...(await benchValidateCompile([10, 100, 1000], options)));
log('· 步进吞吐 / step throughput on the order lifecycle …');
rows.push(...benchStepThroughput(options));
const count = quick ? 10_000 : 100_000;
log(`· 快照内存 / snapshot size and memory for ${count.toLocaleString('en-US')} snapshots …`);
rows.push(...benchSnapshots(count));

const report = markdownReport(machineFacts(), rows);
console.log(report);
if (!quick) {
  const file = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
  await writeReport(file, report);
  log(`已写入 / written to ${file}`);
}
