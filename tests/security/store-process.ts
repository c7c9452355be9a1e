import { readdir, readFile } from 'node:fs/promises';
import { vi } from 'vitest';

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

/** The scheduler state of `pid` (`T` once a SIGSTOP took hold), or null when it is gone. */
async function processState(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // `pid (comm) S ...`: the state follows the command name's closing parenthesis.
  return stat ? (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? null) : null;
}

/** Sends SIGSTOP to `pid` and waits until every thread of it is stopped (the signal is async). */
export async function stopProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  await vi
    .waitFor(
      async () => {
        const state = await processState(pid);
        if (state !== 'T' && state !== 't') throw new Error(`state ${state}`);
      },
      { timeout: 5000, interval: 10 },
    )
    .catch(() => {
      throw new Error(`process ${pid} did not stop after SIGSTOP`);
    });
}
