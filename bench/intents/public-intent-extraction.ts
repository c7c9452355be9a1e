/**
 * The test messages of the optional public benchmark, taken from the sets' own files — CLINC150's
 * `data/data_full.json` and Banking77's `banking_data/test.csv` — where the reviewed mapping
 * (`public-intent-mapping.ts`) names their intent. The files are not in the repository; which
 * rows are kept, and why, is in `PUBLIC-BENCHMARK.md`.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import {
  BANKING77_MAPPING,
  CLINC150_MAPPING,
  type MappedIntent,
  type PublicBenchmarkName,
} from './public-intent-mapping.ts';
import { publicTestFile } from './public-benchmarks.ts';

/** A message as its set labels it: the text and the set's own intent. */
export type SourceMessage = readonly [text: string, source: string];

/** One public set's kept test messages, with where they came from (`<name>-test.json`). */
export interface PublicTestFile {
  source: string;
  licence: string;
  file: string;
  /** SHA-256 of the file they were taken from, so two runs can tell they read the same data. */
  sha256: string;
  split: string;
  messages: SourceMessage[];
}

/** Test messages kept of each out-of-scope CLINC150 intent (of its 30), the first in file order. */
export const CLINC_OUT_OF_SCOPE_TEST_PER_INTENT = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Fails when the mapping names an intent the data does not have (a typo would drop it). */
function checkMapping(
  mapping: ReadonlyMap<string, MappedIntent>,
  rows: readonly SourceMessage[],
  file: string,
) {
  const present = new Set(rows.map(([, source]) => source));
  const missing = [...mapping.keys()].filter((source) => !present.has(source));
  if (missing.length)
    throw new Error(`${file}: the mapping names intents it does not have: ${missing.join(', ')}`);
}

/** The first `perSource` rows of each source intent that passes `keep`, in file order. */
function firstOfEach(
  rows: readonly SourceMessage[],
  perSource: number,
  keep: (source: string) => boolean,
) {
  const taken = new Map<string, number>();
  return rows.filter(([, source]) => {
    if (!keep(source)) return false;
    const count = taken.get(source) ?? 0;
    taken.set(source, count + 1);
    return count < perSource;
  });
}

function messageRows(value: unknown, where: string): SourceMessage[] {
  if (!Array.isArray(value)) throw new Error(`${where}: not a list`);
  return value.map((row: unknown, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string')
      throw new Error(`${where}: row ${i} is not [text, intent]`);
    return [row[0], row[1]] as const;
  });
}

/**
 * From CLINC150's `data_full.json`: every `test` message of the intents mapped to a Xiaoer
 * intent other than `unknown`; the first {@link CLINC_OUT_OF_SCOPE_TEST_PER_INTENT} of each
 * other trade's intent mapped to `unknown`; and every `oos_test` message.
 */
export function clinc150TestFile(dataFull: string): PublicTestFile {
  const document = JSON.parse(dataFull) as Record<string, unknown>;
  const test = messageRows(document['test'], 'data_full.json test');
  const oosTest = messageRows(document['oos_test'], 'data_full.json oos_test');
  checkMapping(CLINC150_MAPPING, [...test, ...oosTest], 'data_full.json');
  const inScope = (source: string) => CLINC150_MAPPING.get(source)?.intent !== 'unknown';
  return {
    source: 'https://github.com/clinc/oos-eval',
    licence: 'CC BY 3.0',
    file: 'data/data_full.json',
    sha256: sha256(dataFull),
    split: 'test and oos_test',
    messages: [
      ...test.filter(([, source]) => CLINC150_MAPPING.has(source) && inScope(source)),
      ...firstOfEach(
        test,
        CLINC_OUT_OF_SCOPE_TEST_PER_INTENT,
        (source) => CLINC150_MAPPING.has(source) && !inScope(source),
      ),
      ...oosTest,
    ],
  };
}

/** From Banking77's `test.csv` (`text,category`): every message of the mapped categories. */
export function banking77TestFile(testCsv: string): PublicTestFile {
  const rows = (parse(testCsv, { from_line: 2, relax_column_count: true }) as string[][]).map(
    ([text = '', source = '']) => [text.trim(), source] as const,
  );
  checkMapping(BANKING77_MAPPING, rows, 'test.csv');
  return {
    source: 'https://github.com/PolyAI-LDN/task-specific-datasets',
    licence: 'CC BY 4.0',
    file: 'banking_data/test.csv',
    sha256: sha256(testCsv),
    split: 'test',
    messages: rows.filter(([, source]) => BANKING77_MAPPING.has(source)),
  };
}

/** Writes each set's `<name>-test.json` into `directory` (made if missing); returns the paths. */
export async function writePublicTestFiles(
  directory: string,
  files: Partial<Record<PublicBenchmarkName, PublicTestFile>>,
): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const written: string[] = [];
  for (const [name, document] of Object.entries(files)) {
    const file = publicTestFile(name as PublicBenchmarkName, directory);
    // One message a line: a diff between two extractions shows which rows changed.
    const text = JSON.stringify(document, null, 1).replace(
      /\[\n\s*("(?:[^"\\]|\\.)*"),\n\s*("(?:[^"\\]|\\.)*")\n\s*\]/g,
      '[$1, $2]',
    );
    await writeFile(file, `${text}\n`);
    written.push(file);
  }
  return written;
}
