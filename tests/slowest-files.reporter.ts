import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the slowest test files of a run (tests, hooks, setup and imports), the longest
 * first, after Vitest's own summary. On in CI (`XIAOER_SLOWEST_FILES=10` in `.ci/run`), so
 * the files that make the suite slow are named in every run.
 */
export default class SlowestFilesReporter implements Reporter {
  readonly #count: number;

  constructor(count = 10) {
    this.#count = count;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const timed = testModules
      .map((module) => {
        const d = module.diagnostic();
        const ms = d.duration + d.setupDuration + d.collectDuration + d.prepareDuration;
        return { file: relative(process.cwd(), module.moduleId), ms };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, this.#count);
    if (timed.length === 0) return;
    const lines = timed.map(({ file, ms }) => `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${file}`);
    console.log(`\nSlowest ${timed.length} test files / 最慢的测试文件:\n${lines.join('\n')}\n`);
  }
}
