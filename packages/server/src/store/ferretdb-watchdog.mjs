// Runs FerretDB as a child and stops it when the Xiaoer process that started us goes away:
// our stdin is a pipe from that process, and the pipe closes however it dies (even SIGKILL).
// Plain JavaScript so it starts in milliseconds without a TypeScript loader.
import { spawn } from 'node:child_process';

const [binary, ...args] = process.argv.slice(2);
const server = spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'] });
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
