import LongFilesFirstSequencer from './tests/long-files-first.sequencer.ts';
import SlowestFilesReporter from './tests/slowest-files.reporter.ts';
import { defineConfig } from 'vitest/config';

/**
 * `tests/processes` run real `xiaoer serve` processes (a SIGKILL crash, two servers on one
 * store) and `tests/load` a burst of 10,000 events. They are a run of their own, one file at a
 * time, on stores of their own: with other suites beside them on two cores the one SQLite
 * writer of a shared store starved their timers (see docs/runtime.md). `npm test` starts that
 * run beside this one at a lower priority (scripts/test.ts).
 */
export const PROCESS_SUITES = ['tests/processes/**/*.test.ts', 'tests/load/**/*.test.ts'];

/** `XIAOER_SLOWEST_FILES=10` (CI) prints the ten slowest test files after the summary. */
const slowest = Number(process.env['XIAOER_SLOWEST_FILES'] ?? 0);

const UI_TESTS = 'packages/builder-ui/src/**/*.test.{ts,tsx}';

export default defineConfig({
  // The process suites run beside the rest (scripts/test.ts): each run keeps its files' times
  // (which order the next run) in a folder of its own, so neither overwrites the other's.
  ...(process.env['XIAOER_PROCESS_SUITES'] ? { cacheDir: 'node_modules/.vite/processes' } : {}),
  test: {
    reporters: slowest ? ['default', new SlowestFilesReporter(slowest)] : ['default'],
    exclude: process.env['XIAOER_PROCESS_SUITES'] ? [] : ['**/node_modules/**', ...PROCESS_SUITES],
    // One embedded store for the run; each test file gets a database on it (startTestStore).
    globalSetup: ['tests/shared-store.ts'],
    // Integration suites start real servers and a FerretDB; keep the two cores from thrashing.
    maxWorkers: 2,
    // The longest files start first, so that neither worker is left with one at the end.
    sequence: { sequencer: LongFilesFirstSequencer },
    testTimeout: 30_000,
    // `expect.poll` waits for the runtime (events stepped, effects reported back): on two busy
    // cores that is seconds, not the default one.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [
            UI_TESTS,
            ...(process.env['XIAOER_PROCESS_SUITES'] ? [] : PROCESS_SUITES),
            '**/node_modules/**',
          ],
          // A worker runs its files one after another in one module graph: the server's modules
          // are loaded and the intent model trained once per worker, not once per file. Every
          // file starts its own server on its own database, so no state is shared through them.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'console',
          include: [UI_TESTS],
          // The editor's component tests import Ant Design's ES modules through
          // @react-querybuilder/antd, whose extensionless imports Node cannot resolve; let Vite
          // do it.
          server: { deps: { inline: [/@react-querybuilder\//, /antd/] } },
          // As the server's: a worker loads React, Ant Design and the console's modules once,
          // not once per file (the console run takes about a quarter less). Each file still gets
          // a fresh jsdom, and the stores are made per component (createEditorStore), so
          // nothing is shared through modules.
          isolate: false,
          // React's queued work runs before a file's page goes (testing/react-settle.ts).
          setupFiles: ['packages/builder-ui/src/testing/react-settle.ts'],
        },
      },
    ],
  },
});
