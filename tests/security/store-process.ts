import { readdir, readFile } from 'node:fs/promises';

/** The pid of the FerretDB process listening on `socket` (found by its command line). */
export async function ferretdbPid(socket: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    // The watchdog (a .mjs run by node) carries the same arguments; FerretDB is its child.
    if (args.includes(`--listen-unix=${socket}`) && !args.some((a) => a.endsWith('.mjs')))
      return Number(entry);
  }
  throw new Error(`no FerretDB process listens on ${socket}`);
}
