import type { Request, Response } from 'express';

/** How often an idle stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 25_000;

export interface EventStream {
  /** Sends one event (`data` is JSON text), with an id the browser resumes after. */
  send(event: string, data: string, id?: number): void;
  /** Whether the client has gone. */
  readonly closed: boolean;
  /** Calls `stop` once the client goes. */
  onClose(stop: () => void): void;
  /** Ends the stream from this side. */
  end(): void;
}

/**
 * Answers `request` with server-sent events: the headers, a 2 s reconnect hint, a comment
 * every 25 s while idle; what was subscribed stops when the client goes.
 */
export function openEventStream(request: Request, response: Response): EventStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write('retry: 2000\n\n');
  const stops: (() => void)[] = [];
  let closed = false;
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  request.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    for (const stop of stops) stop();
  });
  return {
    send(event, data, id) {
      response.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`);
    },
    get closed() {
      return closed;
    },
    onClose(stop) {
      if (closed) stop();
      else stops.push(stop);
    },
    end() {
      response.end();
    },
  };
}
