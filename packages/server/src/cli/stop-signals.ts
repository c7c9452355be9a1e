import { isMainThread, parentPort } from 'node:worker_threads';

/** What the `xiaoer` bin's main thread posts to the server's thread when it gets a signal. */
export interface StopSignalMessage {
  type: 'xiaoer:stop-signal';
  signal: 'SIGINT' | 'SIGTERM';
}

/** What the server's thread posts once it listens for forwarded signals (before that, the bin ends the process on one). */
export interface StopHandlerMessage {
  type: 'xiaoer:stop-handler';
}

function isStopSignal(message: unknown): message is StopSignalMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'xiaoer:stop-signal'
  );
}

/**
 * Calls `stop` once on the first SIGINT or SIGTERM. `xiaoer serve` runs the server in a worker
 * thread of the bin (see bin/xiaoer.mjs: that is how it sets the young generation's size), and
 * signals reach only the main thread, which forwards them here as a message; run in the main
 * thread (a test, an embedding program), it listens to the process's signals itself.
 */
export function onStopSignal(stop: (signal: string) => void): void {
  if (isMainThread || !parentPort) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const port = parentPort;
  const listener = (message: unknown): void => {
    if (!isStopSignal(message)) return;
    port.off('message', listener);
    stop(message.signal);
  };
  port.on('message', listener);
  port.postMessage({ type: 'xiaoer:stop-handler' } satisfies StopHandlerMessage);
}
