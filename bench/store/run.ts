/**
 * `npm run bench:store` — measures the embedded store (FerretDB) and prints a table; the full
 * run writes it into docs/store.md. `--quick` is a short smoke run that writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { machineFacts, markdownReport, writeReport } from '../report.ts';
import { benchStoreLimits } from './store-limits.ts';

const quick = process.argv.includes('--quick');
process.stderr.write(
  `数据库基准 / store benchmarks (${quick ? 'quick' : 'full'}), starting FerretDB …\n`,
);
const report = markdownReport(machineFacts(), await benchStoreLimits(quick));
console.log(report);
if (!quick) {
  const file = fileURLToPath(new URL('../../docs/store.md', import.meta.url));
  await writeReport(file, report);
  process.stderr.write(`已写入 / written to ${file}\n`);
}
