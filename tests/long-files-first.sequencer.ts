import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, by where they are (the browser files, the real processes, the
 * heaviest component tests): see the slowest files CI prints (`XIAOER_SLOWEST_FILES`).
 */
export const LONG_FILES = [
  'tests/e2e/',
  'tests/server/serve.test.ts',
  'tests/cli/',
  'tests/security/accounts.test.ts',
  'tests/conversations/intent-actions-chat.test.ts',
  'tests/runtime/journeys-run.test.ts',
  'packages/builder-ui/src/analytics/AnalyticsPage.test.tsx',
  'packages/builder-ui/src/editor/Inspector.test.tsx',
  // Short files of long work (training models, generating the API types): started last, one
  // of them kept a worker busy for 10 s after the other had run out of files.
  'tests/architecture/api-types.test.ts',
  'tests/intents/intent-classifier.test.ts',
  'tests/intents/custom-intents-api.test.ts',
  'tests/intents/intent-recognizer.test.ts',
  'tests/runtime/auth.test.ts',
  'tests/runtime/timer-buckets.test.ts',
  'tests/runtime/live-lists.test.ts',
];

/**
 * Vitest orders a run by the durations of the last run, kept in `node_modules/.vite`; without
 * them (a fresh checkout: CI runs `npm ci`) it starts the largest files first, and a short
 * file of long browser steps (serve.test.ts is 184 lines and 30 s) may start last while the
 * other worker has nothing left to do. Without the durations of every file, this sequencer
 * starts the {@link LONG_FILES} of each project first, otherwise Vitest's order stands.
 */
export default class LongFilesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const path = (spec: TestSpecification) => relative(root, spec.moduleId);
    const timed = sorted.every((spec) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`),
    );
    if (timed) return sorted;
    const long = (spec: TestSpecification) =>
      LONG_FILES.some((start) => path(spec).startsWith(start));
    // Projects run one after another (the base order groups them): long files first in each.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return projects.flatMap((name) => {
      const ofProject = sorted.filter((spec) => spec.project.name === name);
      return [...ofProject.filter(long), ...ofProject.filter((spec) => !long(spec))];
    });
  }
}
