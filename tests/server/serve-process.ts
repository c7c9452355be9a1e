import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a spawned `xiaoer serve` says it is ready ("press Ctrl+C to stop"); rejects with
 * its output when it exits first. `output()` is everything it wrote so far, stdout and stderr.
 */
export async function untilServing(
  child: ChildProcess,
): Promise<{ output: () => string; exited: Promise<number | null> }> {
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('press Ctrl+C to stop')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  return { output: () => output, exited };
}
