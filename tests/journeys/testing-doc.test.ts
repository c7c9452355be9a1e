import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs/testing-journeys.md', () => {
  it('should show the worked example exactly as tests/journeys/testing-doc-example.test.ts runs it', () => {
    const doc = readFileSync(path.join(root, 'docs/testing-journeys.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    const runnable = readFileSync(
      path.join(root, 'tests/journeys/testing-doc-example.test.ts'),
      'utf8',
    );
    expect(example).toBe(runnable);
  });
});
