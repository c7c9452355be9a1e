import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOwnStore } from '@xiaoer/server/testing';

/**
 * The embedded FerretDB runs under Linux's SCHED_BATCH (docs/store.md, "The running process"):
 * a command that wakes the store no longer switches the server's thread out for it.
 */
const SCHED_OTHER = 0;
const SCHED_BATCH = 3;

/** A thread's scheduling policy: field 41 of its `stat`, counted after the command's `)`. */
const policyOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);

/** The policy of every thread of the process whose command line holds `marker`. */
async function threadPolicies(marker: string): Promise<number[]> {
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!commandLine.split('\0').some((argument) => argument.includes(marker))) continue;
    if (commandLine.includes('ferretdb-watchdog')) continue;
    const threads = await readdir(`/proc/${pid}/task`);
    return Promise.all(
      threads.map(async (tid) => policyOf(await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8'))),
    );
  }
  throw new Error(`no process with ${marker}`);
}

const watchdog = fileURLToPath(
  new URL('../../packages/server/src/store/ferretdb-watchdog.mjs', import.meta.url),
);

/** What a child of the watchdog prints as its own policy, given the watchdog's environment. */
function childPolicy(env: NodeJS.ProcessEnv): Promise<number> {
  const script = `process.stdout.write(require('fs').readFileSync('/proc/self/stat', 'utf8'))`;
  const child = spawn(process.execPath, [watchdog, process.execPath, '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env,
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(policyOf(out)));
  });
}

describe.runIf(process.platform === 'linux')("the embedded store's scheduling", () => {
  it('should run every thread of the embedded FerretDB under SCHED_BATCH', async () => {
    const store = await startOwnStore();
    try {
      if (!store.socketPath) throw new Error('the embedded store has no socket');
      const policies = await threadPolicies(`--listen-unix=${store.socketPath}`);
      expect(policies.length).toBeGreaterThan(1);
      expect(new Set(policies)).toEqual(new Set([SCHED_BATCH]));
    } finally {
      await store.stop();
    }
  });

  it('should keep the default policy with XIAOER_STORE_SCHEDULING=normal, and where chrt is missing or refused', async () => {
    const path = process.env['PATH'] ?? '';
    expect(await childPolicy({ PATH: path, XIAOER_STORE_SCHEDULING: 'batch' })).toBe(SCHED_BATCH);
    expect(await childPolicy({ PATH: path, XIAOER_STORE_SCHEDULING: 'normal' })).toBe(SCHED_OTHER);
    // No `chrt` on the PATH: the store starts all the same, as it is.
    expect(await childPolicy({ PATH: '/nonexistent', XIAOER_STORE_SCHEDULING: 'batch' })).toBe(
      SCHED_OTHER,
    );
    // A `chrt` that may not set the policy (a container's seccomp profile): likewise.
    const refusing = await mkdtemp(join(tmpdir(), 'xiaoer-chrt-'));
    try {
      await writeFile(
        join(refusing, 'chrt'),
        '#!/bin/sh\necho "chrt: Operation not permitted" >&2\nexit 1\n',
      );
      await chmod(join(refusing, 'chrt'), 0o755);
      const env = { PATH: `${refusing}:${path}`, XIAOER_STORE_SCHEDULING: 'batch' };
      expect(await childPolicy(env)).toBe(SCHED_OTHER);
    } finally {
      await rm(refusing, { recursive: true, force: true });
    }
  });
});
