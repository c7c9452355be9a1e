import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntentExample } from '../../packages/server/src/internal.ts';
import { PUBLIC_BENCHMARKS, type PublicBenchmarkName } from './public-intent-mapping.ts';

/**
 * Where `npm run intents:public-data` writes the public sets' test messages and
 * `npm run eval:intents` looks for them: `data/public-intents/`, git-ignored — the sets' data is
 * not kept in the repository (PUBLIC-BENCHMARK.md).
 */
export const PUBLIC_INTENT_DATA = fileURLToPath(
  new URL('../../data/public-intents', import.meta.url),
);

/** The file of a public set's kept test messages in a folder. */
export const publicTestFile = (name: PublicBenchmarkName, directory: string) =>
  path.join(directory, `${name}-test.json`);

/** The public sets whose test file is not in `directory`, in table order. */
export async function missingPublicBenchmarks(directory: string): Promise<PublicBenchmarkName[]> {
  const names = Object.keys(PUBLIC_BENCHMARKS) as PublicBenchmarkName[];
  const present = await Promise.all(
    names.map((name) =>
      access(publicTestFile(name, directory)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return names.filter((_, i) => !present[i]);
}

/** A folder as shown to a person: relative to the working directory when inside it. */
const shown = (directory: string) => {
  const relative = path.relative(process.cwd(), directory);
  return relative && !relative.startsWith('..') ? relative : directory;
};

/** One line, Chinese then English, saying how to get the public sets' test files. */
export function publicDataHint(directory: string, missing: readonly PublicBenchmarkName[]) {
  const files = missing.map((name) => `${name}-test.json`).join(', ');
  const command = `npm run intents:public-data -- --clinc <data_full.json> --banking77 <test.csv>${
    directory === PUBLIC_INTENT_DATA ? '' : ` --out ${shown(directory)}`
  }`;
  return (
    `公开基准未运行：${shown(directory)} 中没有 ${files}；` +
    '从 https://github.com/clinc/oos-eval（CC BY 3.0）取 data/data_full.json，' +
    '从 https://github.com/PolyAI-LDN/task-specific-datasets（CC BY 4.0）取 banking_data/test.csv，' +
    `再运行 ${command} / public benchmark not run: no ${files} in ${shown(directory)}; ` +
    'take data/data_full.json from https://github.com/clinc/oos-eval (CC BY 3.0) and ' +
    'banking_data/test.csv from https://github.com/PolyAI-LDN/task-specific-datasets (CC BY 4.0), ' +
    `then run ${command}`
  );
}

/** A public test message with the Xiaoer intent its source intent maps to. */
export interface PublicExample extends IntentExample {
  /** The intent the public set gives it. */
  source: string;
  /** Other Xiaoer intents counted as right for it (`MappedIntent.alsoRight`). */
  alsoRight: readonly string[];
}

/** The Xiaoer intents a public set's mapping names (`unknown` among them), sorted. */
export function mappedIntentsOf(name: PublicBenchmarkName): string[] {
  const { mapping } = PUBLIC_BENCHMARKS[name];
  return [...new Set([...mapping.values()].map((m) => m.intent))].sort();
}

/**
 * The test messages kept of a public set (`<name>-test.json`, written by
 * `npm run intents:public-data`), mapped onto Xiaoer's intents. Throws when the file is not a
 * list of `[text, source intent]` or names a source intent the mapping does not have.
 */
export async function publicBenchmark(
  name: PublicBenchmarkName,
  directory = PUBLIC_INTENT_DATA,
): Promise<PublicExample[]> {
  const file = publicTestFile(name, directory);
  const document = JSON.parse(await readFile(file, 'utf8')) as { messages?: unknown };
  if (!Array.isArray(document.messages)) throw new Error(`${file}: no messages list`);
  const { mapping } = PUBLIC_BENCHMARKS[name];
  return document.messages.map((row: unknown, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string')
      throw new Error(`${file}: message ${i} is not [text, intent]`);
    const [text, source] = row as [string, string];
    const mapped = mapping.get(source);
    if (!mapped) throw new Error(`${file}: message ${i} has intent ${source}, which is not mapped`);
    return {
      text,
      source,
      intent: mapped.intent,
      language: 'en',
      alsoRight: mapped.alsoRight ?? [],
    };
  });
}
