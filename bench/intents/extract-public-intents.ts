/**
 * `npm run intents:public-data -- --clinc <data_full.json> --banking77 <test.csv> [--out <dir>]`
 * — writes the optional public benchmark of `npm run eval:intents`: from CLINC150's
 * `data/data_full.json` (https://github.com/clinc/oos-eval) and Banking77's
 * `banking_data/test.csv` (https://github.com/PolyAI-LDN/task-specific-datasets), the test
 * messages whose intents `public-intent-mapping.ts` maps, as `clinc150-test.json` and
 * `banking77-test.json` in `--out` (default `data/public-intents/`, git-ignored). Either set
 * alone is fine. The data is not kept in the repository: PUBLIC-BENCHMARK.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PUBLIC_INTENT_DATA } from './public-benchmarks.ts';
import {
  banking77TestFile,
  clinc150TestFile,
  writePublicTestFiles,
} from './public-intent-extraction.ts';

const { values } = parseArgs({
  options: {
    clinc: { type: 'string' },
    banking77: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.clinc && !values.banking77) {
  process.stderr.write(
    '用法 / usage: npm run intents:public-data -- --clinc <data_full.json> --banking77 <test.csv> [--out <dir>]\n',
  );
  process.exit(2);
}
// npm runs scripts from the repository root; paths are the caller's, from where they typed them.
const given = (file: string) => path.resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
const read = (file: string) => readFile(given(file), 'utf8');

const written = await writePublicTestFiles(values.out ? given(values.out) : PUBLIC_INTENT_DATA, {
  ...(values.clinc ? { clinc150: clinc150TestFile(await read(values.clinc)) } : {}),
  ...(values.banking77 ? { banking77: banking77TestFile(await read(values.banking77)) } : {}),
});
for (const file of written) process.stderr.write(`已写入 / written: ${file}\n`);
