import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realSleeps } from './real-sleeps.ts';

/**
 * Tests move the server's clock (`h.clock.advance(ms)`) or wait for a condition (`expect.poll`,
 * `vi.waitFor`), never a fixed real time (CONTRIBUTING.md, issue 22). The process suites
 * (`tests/processes`, `tests/load`) keep real time on purpose: they run real servers.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const REAL_TIME_SUITES = ['tests/processes/', 'tests/load/'];

/**
 * Sleeps that stay, with why. A frame that a Content-Security-Policy refuses shows nothing to
 * wait for: the test gives it a second to (not) render, then checks that nothing did.
 */
const ALLOWED: Record<string, { count: number; why: string }> = {
  'tests/e2e/framing.test.ts': { count: 2, why: 'proves a refused frame stays empty' },
  'tests/deadline.ts': { count: 1, why: 'a deadline raced against what must end by itself' },
};

async function testSources(): Promise<string[]> {
  const inTests = (await readdir(`${root}tests`, { recursive: true }))
    .map((file) => `tests/${file}`)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => !REAL_TIME_SUITES.some((suite) => file.startsWith(suite)));
  const inPackages: string[] = [];
  for (const pkg of await readdir(`${root}packages`)) {
    const src = `packages/${pkg}/src`;
    const files = await readdir(`${root}${src}`, { recursive: true }).catch(() => []);
    for (const file of files) if (/\.test\.tsx?$/.test(file)) inPackages.push(`${src}/${file}`);
  }
  return [...inTests, ...inPackages].sort();
}

describe('real sleeps in tests', () => {
  it('should find a promise that a timer resolves, in its spellings', () => {
    const source = [
      "import { setTimeout as sleep } from 'node:timers/promises';",
      'await new Promise((resolve) => setTimeout(resolve, 300));',
      'await new Promise<void>((r) => { setTimeout(() => r(), 10); });',
      'const wait = promisify(setTimeout);',
      'await page.waitForTimeout(1000);',
      'await new Promise(function (done) { globalThis.setTimeout(done, 5); });',
    ].join('\n');
    expect(realSleeps(source).map(({ line, kind }) => [line, kind])).toEqual([
      [1, 'timers-promises'],
      [2, 'promise-timeout'],
      [3, 'promise-timeout'],
      [4, 'promisified-timeout'],
      [5, 'wait-for-timeout'],
      [6, 'promise-timeout'],
    ]);
  });

  it('should not count time limits, polling, servers that answer late, comments or strings', () => {
    const source = [
      '// await new Promise((resolve) => setTimeout(resolve, 300));',
      "const payload = { $where: 'sleep(1)' };",
      'const limit = new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 5));',
      'const timer = setTimeout(() => controller.abort(), 1000);',
      'server.on("request", (q, s) => setTimeout(() => s.end(), 50));',
      'await expect.poll(() => count(), { interval: 100 }).toBe(2);',
      'await new Promise((resolve) => setImmediate(resolve));',
      'await new Promise<void>((resolve) => clock.after(5, () => resolve()));',
      'await h.clock.advance(60_000);',
    ].join('\n');
    expect(realSleeps(source)).toEqual([]);
  });

  it('should find none in the test files but the allowed ones', async () => {
    const found: string[] = [];
    const counted: Record<string, number> = {};
    for (const file of await testSources()) {
      const sleeps = realSleeps(await readFile(`${root}${file}`, 'utf8'), file);
      counted[file] = sleeps.length;
      if (sleeps.length > 0 && sleeps.length !== ALLOWED[file]?.count)
        found.push(...sleeps.map((s) => `${file}:${s.line} ${s.kind}: ${s.text}`));
    }
    expect(found, 'move h.clock or wait for a condition (expect.poll) instead').toEqual([]);
    // An allowance outlives its sleeps: remove it.
    for (const file of Object.keys(ALLOWED)) expect(counted[file], file).toBe(ALLOWED[file]?.count);
  });
});
