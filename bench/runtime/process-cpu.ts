/**
 * CPU time of a process (every thread), read from Linux's /proc: what a benchmark's server and
 * store spend per event, a figure the machine's load inflates far less than throughput. Null
 * where /proc is missing (not Linux).
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Milliseconds of CPU (user + system) the process with this pid has used so far, or null. */
export async function cpuMs(pid: number | undefined): Promise<number | null> {
  const threads = await threadCpuMs(pid);
  return threads ? [...threads.values()].reduce((sum, ms) => sum + ms, 0) : null;
}

/** Milliseconds of CPU each thread of the process has used so far, by thread id, or null. */
export async function threadCpuMs(pid: number | undefined): Promise<Map<string, number> | null> {
  if (!pid) return null;
  try {
    const threads = new Map<string, number>();
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '');
      if (!stat) continue;
      // Fields after the command name (which may hold spaces, in parentheses): utime is the
      // 14th field of the line, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(
        task,
        ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / clockTicks(),
      );
    }
    return threads;
  } catch {
    return null;
  }
}

/**
 * The largest share of `wallMs` one thread used between two readings of
 * {@link threadCpuMs}: near 1 when one thread (the server's, which runs its event loop) is
 * what limits throughput; well under it when the machine's cores are shared out instead.
 */
export function busiestThreadShare(
  before: Map<string, number> | null,
  after: Map<string, number> | null,
  wallMs: number,
): number | null {
  if (!before || !after || wallMs <= 0) return null;
  let busiest = 0;
  for (const [thread, ms] of after) busiest = Math.max(busiest, ms - (before.get(thread) ?? 0));
  return busiest / wallMs;
}

/** Milliseconds every core of the machine spent idle so far (Linux's /proc/stat), or null. */
export async function machineIdleMs(): Promise<number | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== 'cpu') return null;
    return (Number(fields[4] ?? 0) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/**
 * The share of the machine's cores that stood idle between two readings of
 * {@link machineIdleMs} taken `wallMs` apart, or null when either is missing.
 */
export function machineIdleShare(
  before: number | null,
  after: number | null,
  wallMs: number,
): number | null {
  if (before === null || after === null || wallMs <= 0) return null;
  return (after - before) / (wallMs * availableParallelism());
}

/** The pid of the FerretDB process whose command line contains `needle` (its data directory). */
export async function storePid(needle: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const program = cmdline.split('\0')[0] ?? '';
    if (program.endsWith('/ferretdb') && cmdline.includes(needle)) return Number(entry);
  }
  return undefined;
}
