import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataFolder } from './data-folder-lock.ts';

const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'xiaoer-folder-lock-'));
  folders.push(folder);
  return folder;
}

/** The pid of a process that has ended (to write a claim its process left). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** Settles every acquisition; returns how many took the folder and the refusals' codes. */
async function race(data: string, count: number) {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => acquireDataFolder(data)),
  );
  const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const refused = results.flatMap((result) =>
    result.status === 'rejected' ? [(result.reason as { code?: string }).code] : [],
  );
  return { won, refused };
}

/**
 * A process that acquires the data folder when told (a line on stdin), says `won` or `refused`,
 * and releases it and ends when its stdin closes.
 */
function contender(data: string): {
  child: ChildProcess;
  ready: Promise<void>;
  said: Promise<string>;
} {
  const module = new URL('./data-folder-lock.ts', import.meta.url).href;
  const script = `
    const { acquireDataFolder } = await import(${JSON.stringify(module)});
    process.stdout.write('ready\\n');
    process.stdin.once('data', async () => {
      const lock = await acquireDataFolder(${JSON.stringify(data)}).catch((e) => e);
      process.stdout.write(lock.release ? 'won\\n' : 'refused ' + lock.code + '\\n');
      process.stdin.once('end', async () => { await lock.release?.(); process.exit(0); });
    });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  const heard = (test: (text: string) => string | undefined) =>
    new Promise<string>((resolve) =>
      child.stdout!.on('data', () => {
        const found = test(output);
        if (found) resolve(found);
      }),
    );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    ready: heard((text) => (text.includes('ready') ? 'ready' : undefined)).then(() => {}),
    said: heard((text) => /^(won|refused \S+)$/m.exec(text)?.[1]),
  };
}

describe('the data folder of an embedded store', () => {
  it('should be taken by one of several acquisitions at the same instant, and by the next once released', async () => {
    // Found: two `xiaoer serve` started together both passed the look at a running store's
    // socket (made only once its FerretDB ran) and started two FerretDBs on one SQLite folder.
    const data = await dataFolder();
    const { won, refused } = await race(data, 8);
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(7).fill('store-in-use'));
    await expect(acquireDataFolder(data)).rejects.toThrow(
      `is in use by another Xiaoer process (pid ${process.pid})`,
    );
    await won[0]!.release();
    const again = await acquireDataFolder(data);
    await again.release();
  });

  it('should be taken by one of several processes told at the same instant', async () => {
    const data = await dataFolder();
    const contenders = Array.from({ length: 3 }, () => contender(data));
    // Each has loaded the module; all are told at once.
    await Promise.all(contenders.map(({ ready }) => ready));
    for (const { child } of contenders) child.stdin!.write('go\n');
    const answers = await Promise.all(contenders.map(({ said }) => said));
    expect(answers.filter((answer) => answer === 'won')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'refused store-in-use')).toHaveLength(2);
    for (const { child } of contenders) child.stdin!.end();
    await Promise.all(
      contenders.map(({ child }) => new Promise((resolve) => child.once('exit', resolve))),
    );
    // The winner released it on its way out.
    await (await acquireDataFolder(data)).release();
  });

  it("should take over, once, a claim whose process is gone, even with this process's pid", async () => {
    const data = await dataFolder();
    const lockFolder = join(data, 'lock');
    await mkdir(lockFolder, { recursive: true });
    // Left by a process killed outright.
    await writeFile(join(lockFolder, 'claim-4'), `${endedPid()} - gone-one\n`);
    const { won, refused } = await race(data, 6);
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(5).fill('store-in-use'));
    // The older claim is gone; the holder's is the highest.
    expect(await readdir(lockFolder)).toEqual(['claim-5']);
    await won[0]!.release();
    // A restarted container's server often has the pid of the one that crashed: a claim with
    // this process's pid that it does not hold is one left by an earlier process.
    await writeFile(join(lockFolder, 'claim-6'), `${process.pid} - earlier-life\n`);
    const lock = await acquireDataFolder(data);
    await lock.release();
    expect(await readdir(lockFolder)).toEqual(['claim-7']);
  });
});
