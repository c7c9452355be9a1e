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

/** The streams open on each app (`request.app`), each by the function that ends it for good. */
const openStreams = new WeakMap<object, Set<() => void>>();

/**
 * Ends every event stream open on `app`, and its connection. A stopping server calls it:
 * `server.close()` waits for every connection, and a stream never ends by itself, so one
 * customer with the chat open kept the process from stopping. The connection closes too: kept
 * alive, the browser's reconnect went down it to the stopping process, which still answered.
 * Each browser reconnects (its `retry` hint) to the server that takes over, from the last
 * event it saw.
 */
export function endEventStreams(app: object): void {
  for (const close of [...(openStreams.get(app) ?? [])]) close();
}

/**
 * Answers `request` with server-sent events: the headers, a 2 s reconnect hint, a comment
 * every 25 s while idle; what was subscribed stops when the client goes.
 */
export function openEventStream(request: Request, response: Response): EventStream {
  const streams = openStreams.get(request.app) ?? new Set<() => void>();
  openStreams.set(request.app, streams);
  const end = () => {
    if (!response.writableEnded) response.end();
  };
  const close = () => {
    streams.delete(close);
    end();
    response.socket?.destroySoon();
  };
  streams.add(close);
  response.on('close', () => streams.delete(close));
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
    end,
  };
}
