import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { journeyFormatMarkdown } from '@xiaoer/engine';
import { workflowsDir } from './journey-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const engine = path.join(root, 'packages/engine');
let outside: string | undefined;
afterAll(async () => {
  if (outside) await rm(outside, { recursive: true, force: true });
});

describe('@xiaoer/engine outside this repository', () => {
  it(
    'should build to plain JavaScript that Node imports without a TypeScript loader',
    { timeout: 180_000 },
    async () => {
      execFileSync('npm', ['run', 'build'], { cwd: engine, stdio: 'pipe' });
      const built = JSON.parse(readFileSync(path.join(engine, 'dist/package.json'), 'utf8'));
      expect(built.exports['./testing']).toEqual({
        types: './testing/index.d.ts',
        import: './testing/index.js',
      });
      // A project elsewhere with the built package installed (linked) as a dependency.
      outside = await mkdtemp(path.join(tmpdir(), 'journey-tests-'));
      await mkdir(path.join(outside, 'node_modules/@xiaoer'), { recursive: true });
      await symlink(path.join(engine, 'dist'), path.join(outside, 'node_modules/@xiaoer/engine'));
      await writeFile(
        path.join(outside, 'test.mjs'),
        `import { readFileSync } from 'node:fs';
import { parseWorkflow } from '@xiaoer/engine';
import { journeyTest } from '@xiaoer/engine/testing';
const journey = parseWorkflow(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const t = journeyTest(journey);
t.trigger({ orderId: 'SO-1', orderNumber: '#1001', customer: { name: 'Ann', email: 'ann@example.com', language: 'en' }, paid: true });
process.stdout.write(JSON.stringify(t.messages.map((m) => [m.channel, m.to, m.text])));
`,
      );
      const output = execFileSync(
        process.execPath,
        ['test.mjs', path.join(workflowsDir, 'order-lifecycle.json')],
        { cwd: outside, encoding: 'utf8' },
      );
      expect(JSON.parse(output)).toEqual([
        [
          'email',
          'ann@example.com',
          'Hi Ann, your order #1001 is confirmed. We will ship it soon.',
        ],
      ]);
    },
  );

  it('should document the journey format as the node registry defines it', () => {
    const doc = readFileSync(path.join(root, 'docs/journey-format.md'), 'utf8');
    expect(doc).toBe(journeyFormatMarkdown());
  });
});
