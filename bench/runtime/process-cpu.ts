/**
 * CPU time of a process (every thread), read from Linux's /proc: what a benchmark's server and
 * store spend per event, a figure the machine's load inflates far less than throughput. Null
 * where /proc is missing (not Linux).
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

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
  if (!pid) return null;
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    let ticks = 0;
    for (const task of tasks) {
      const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '');
      // Fields after the command name (which may hold spaces, in parentheses): utime is the
      // 14th field of the line, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    }
    return (ticks * 1000) / clockTicks();
  } catch {
    return null;
  }
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
