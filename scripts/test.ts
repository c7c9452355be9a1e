import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * `npm test`: the type check beside the Vitest run, then the process suites.
 *
 * The type check needs nothing from the tests and the tests nothing from it, while a Vitest run
 * leaves a core idle whenever its files wait (a browser page, a server process starting, its
 * last file on one worker): run after one another, the suite waited for the check first. The
 * process suites still start only once the rest passed, one file at a time
 * (`npm run test:processes`). The type check's output is held and printed at the end, so that it
 * does not cut through Vitest's, with the time of each part; `npm test` fails if any of the
 * three failed.
 *
 * The type check is TypeScript 7's native compiler (`npm run typecheck`), on one thread
 * (`--singleThreaded`) and at a lower priority (nice 10): about 8 s of CPU for a full check,
 * against 30-45 s for TypeScript 5.9's `tsc`, and its default threads took twice the CPU of one
 * on these two cores. It takes the CPU that Vitest's workers leave while they wait, not theirs.
 */

interface Finished {
  code: number;
  seconds: number;
  output: string;
}

/**
 * Runs an npm script with these arguments; `quiet` holds its output instead of passing it
 * through, `nice` lowers its priority (its children inherit it as npm starts them).
 */
function npmRun(script: string, args: string[] = [], quiet = false, nice = 0): Promise<Finished> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (nice && child.pid !== undefined)
    try {
      setPriority(child.pid, nice);
    } catch {
      // Not allowed here: it runs at the usual priority.
    }
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const done = (code: number) =>
      resolve({ code, seconds: (performance.now() - started) / 1000, output });
    child.once('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const typecheck = npmRun('typecheck', ['--singleThreaded'], true, 10);
const tests = await npmRun('test:vitest');
const processes = tests.code === 0 ? await npmRun('test:processes') : undefined;
const types = await typecheck;

const seconds = (f: Finished) => `${f.seconds.toFixed(1)} s`;
if (types.code === 0) console.log(`\n类型检查通过 / type check passed (${seconds(types)})`);
else
  console.error(
    `\n类型检查失败 / type check failed (${seconds(types)}):\n${types.output.trimEnd()}\n`,
  );
console.log(
  `用时 / took: type check ${seconds(types)} (beside Vitest), Vitest ${seconds(tests)}` +
    (processes ? `, process suites ${seconds(processes)}` : ''),
);
if (tests.code !== 0)
  console.error('Vitest 未通过，未运行进程测试 / Vitest failed: process suites not run');
process.exitCode = [types, tests, processes].some((f) => f && f.code !== 0) ? 1 : 0;
