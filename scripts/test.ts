import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * `npm test`: the Vitest run, with the type check and the process suites beside it.
 *
 * On two cores the suite is short of CPU, and a Vitest run still leaves some of it idle
 * whenever its files wait (a browser page, a server process starting, a poll, its last file on
 * one worker). The type check and the process suites (`npm run test:processes`: real
 * `xiaoer serve` processes and a burst of 10,000 events, one file at a time, on stores of their
 * own) need nothing from the Vitest run and it nothing from them, so they run beside it at a
 * lower priority (nice 10): they take the CPU that Vitest's workers leave, not theirs. Once
 * Vitest ends, what is left of the process suites is put back to the usual priority (where the
 * system allows it: raising a priority again needs root), so that other programs on the
 * machine do not starve their timers. Their output is held and printed after Vitest's, with
 * the time of each part; `npm test` fails if any of the three failed.
 *
 * The type check is TypeScript 7's native compiler (`npm run typecheck`), on one thread
 * (`--singleThreaded`): about 8 s of CPU for a full check, against 30-45 s for TypeScript
 * 5.9's `tsc`; its default threads took twice the CPU of one on these two cores.
 */

interface Finished {
  code: number;
  seconds: number;
  output: string;
}

interface Running {
  pid: number | undefined;
  finished: Promise<Finished>;
}

/**
 * Runs an npm script with these arguments; `quiet` holds its output instead of passing it
 * through, `nice` lowers its priority (its children inherit it as npm starts them).
 */
function npmRun(script: string, args: string[] = [], quiet = false, nice = 0): Running {
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
  const finished = new Promise<Finished>((resolve) => {
    const done = (code: number) =>
      resolve({ code, seconds: (performance.now() - started) / 1000, output });
    child.once('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  return { pid: child.pid, finished };
}

/** `pid` and every process under it (Linux's `/proc`; elsewhere only `pid`). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // `pid (name) state ppid …`: the name may hold spaces and parentheses.
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // Ended meanwhile.
      }
    }
  } catch {
    return [pid];
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Puts a running script and its processes back to the usual priority, where allowed. */
function raisePriority(running: Running): void {
  if (running.pid === undefined) return;
  for (const pid of processTree(running.pid))
    try {
      setPriority(pid, 0);
    } catch {
      // Ended meanwhile, or not allowed (only root may raise a priority).
    }
}

const typecheck = npmRun('typecheck', ['--singleThreaded'], true, 10);
const processSuites = npmRun('test:processes', [], true, 10);
let processesDone = false;
void processSuites.finished.then(() => (processesDone = true));
const tests = await npmRun('test:vitest').finished;
raisePriority(processSuites);
if (!processesDone) console.log('\n等待进程测试结束 / waiting for the process suites to end…');
const processes = await processSuites.finished;
const types = await typecheck.finished;

const seconds = (f: Finished) => `${f.seconds.toFixed(1)} s`;
console.log(`\n== 进程测试 / process suites (beside Vitest) ==\n${processes.output.trimEnd()}\n`);
if (types.code === 0) console.log(`\n类型检查通过 / type check passed (${seconds(types)})`);
else
  console.error(
    `\n类型检查失败 / type check failed (${seconds(types)}):\n${types.output.trimEnd()}\n`,
  );
console.log(
  `用时 / took: Vitest ${seconds(tests)}, beside it the type check ${seconds(types)} ` +
    `and the process suites ${seconds(processes)}`,
);
if (processes.code !== 0) console.error('进程测试未通过 / the process suites failed');
process.exitCode = [types, tests, processes].some((f) => f.code !== 0) ? 1 : 0;
