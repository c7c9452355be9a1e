#!/usr/bin/env node
// Entry point of the `xiaoer` command. The packages ship TypeScript sources; tsx loads them.
//
// `xiaoer serve` runs the server in a worker thread of this process, for one reason: a worker is
// the only way a program can choose its own young generation (V8 reads the semi-space size once,
// when a heap is made, so `node --max-semi-space-size` must otherwise be typed by whoever starts
// it). The server allocates short-lived objects for every event; with Node's default 16 MB
// semi-space it spends about a seventh of its busy time in scavenges at 64 concurrent clients,
// with 64 MB about half of that (docs/performance.md). One process still: a SIGKILL ends the
// server with it, as before, and the embedded store's watchdog sees the same pid. Signals reach
// only this thread, which forwards SIGINT/SIGTERM for the graceful shutdown
// (src/cli/stop-signals.ts); a second one, or one before the server listens for them, ends the
// process at once. `XIAOER_YOUNG_GENERATION_MB=0`, or a `--max-semi-space-size` given to node,
// runs the server in this thread instead.
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

/** Young generation of the server's thread: two 64 MB semi-spaces and as much for large objects. */
const youngGenerationMb = Number(process.env.XIAOER_YOUNG_GENERATION_MB ?? 192);
const argv = isMainThread ? process.argv : workerData.argv;
const serving = argv[2] === 'serve' && !argv.includes('--help') && !argv.includes('-h');
const sized = process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'));

if (isMainThread && serving && youngGenerationMb > 0 && !sized) {
  const server = new Worker(new URL(import.meta.url), {
    // The thread's own stdout is a pipe to this one: it learns here whether a terminal shows it.
    workerData: { argv, stdoutIsTTY: Boolean(process.stdout.isTTY) },
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
  });
  let listening = false;
  let forwarded = false;
  server.on('message', (message) => {
    if (message?.type === 'xiaoer:stop-handler') listening = true;
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!listening || forwarded) process.exit(signal === 'SIGINT' ? 130 : 143);
      forwarded = true;
      server.postMessage({ type: 'xiaoer:stop-signal', signal });
    });
  }
  server.on('error', (error) => {
    process.stderr.write(`${error?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
  server.on('exit', (code) => process.exit(process.exitCode || code));
} else {
  register();
  const { runCli } = await import('../src/cli/program.ts');
  await runCli(argv);
}
