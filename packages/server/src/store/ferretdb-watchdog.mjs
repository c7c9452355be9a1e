// Runs FerretDB as a child and stops it when the Xiaoer process that started us goes away:
// our stdin is a pipe from that process, and the pipe closes however it dies (even SIGKILL).
// Plain JavaScript so it starts in milliseconds without a TypeScript loader.
import { spawn, spawnSync } from 'node:child_process';

const [binary, ...args] = process.argv.slice(2);
// XIAOER_STORE_SCHEDULING=batch (set by ferretdb-process.ts): FerretDB runs under Linux's
// SCHED_BATCH through util-linux's `chrt`, so its threads do not preempt the server's when a
// command wakes them. Where `chrt` is missing or may not set the policy (a container's seccomp
// profile, say: tried once with `true`), or off Linux, it runs as it is.
const batch =
  process.env.XIAOER_STORE_SCHEDULING === 'batch' &&
  process.platform === 'linux' &&
  spawnSync('chrt', ['--batch', '0', 'true'], { stdio: 'ignore' }).status === 0;
const [command, commandArgs] = batch ? ['chrt', ['--batch', '0', binary, ...args]] : [binary, args];
const server = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 5000).unref();
}

server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
server.on('error', (error) => {
  console.error(`ferretdb-watchdog: ${error.message}`);
  process.exit(127);
});
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
