import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user and system, in ms) used so far by every Chromium process this process
 * started: the renderer's main thread and also its raster and compositor threads, the GPU
 * and browser processes, which a page's `ThreadTime` leaves out. Linux only (`/proc`); 0
 * elsewhere.
 */
export function chromiumCpuMs(root = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 0;
  }
  const processes = new Map<number, { parent: number; name: string; ticks: number }>();
  for (const entry of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // `pid (name) state ppid …`: the name may hold spaces and parentheses.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    processes.set(Number(entry), { parent: Number(fields[1]), name, ticks });
  }
  const descends = (pid: number): boolean => {
    for (let at = processes.get(pid)?.parent; at !== undefined && at > 1;) {
      if (at === root) return true;
      at = processes.get(at)?.parent;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, { name, ticks: used }] of processes)
    if (/chrom/i.test(name) && descends(pid)) ticks += used;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
