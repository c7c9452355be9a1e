import SlowestFilesReporter from './tests/slowest-files.reporter.ts';
import { defineConfig } from 'vitest/config';

/**
 * `tests/processes` run real `xiaoer serve` processes (a SIGKILL crash, two servers on one
 * store) and `tests/load` a burst of 10,000 events. They run after the rest, one file at a
 * time: with other suites beside them on two cores the one SQLite writer of the store starves
 * their timers (see docs/runtime.md).
 */
export const PROCESS_SUITES = ['tests/processes/**/*.test.ts', 'tests/load/**/*.test.ts'];

/** `XIAOER_SLOWEST_FILES=10` (CI) prints the ten slowest test files after the summary. */
const slowest = Number(process.env['XIAOER_SLOWEST_FILES'] ?? 0);

export default defineConfig({
  test: {
    reporters: slowest ? ['default', new SlowestFilesReporter(slowest)] : ['default'],
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: process.env['XIAOER_PROCESS_SUITES'] ? [] : ['**/node_modules/**', ...PROCESS_SUITES],
    // Integration suites start real FerretDB processes; keep the two cores from thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
    // `expect.poll` waits for the runtime (events stepped, effects reported back): on two busy
    // cores that is seconds, not the default one.
    expect: { poll: { timeout: 10_000 } },
    // The editor's component tests import Ant Design's ES modules through
    // @react-querybuilder/antd, whose extensionless imports Node cannot resolve; let Vite do it.
    server: { deps: { inline: [/@react-querybuilder\//, /antd/] } },
    hookTimeout: 180_000,
  },
});
