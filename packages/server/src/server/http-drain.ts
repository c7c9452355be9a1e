import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long a shutdown waits for the requests in flight to be answered before it closes their
 * connections (a load balancer's health check has long seen `/readyz` answer 503 by then).
 */
export const DRAIN_GRACE_MS = 10_000;

/** Stops an HTTP server the way a shutdown needs. */
export interface HttpDrain {
  /**
   * Ends the open connections and resolves once every one is closed: idle ones at once, live
   * streams (server-sent events: the chat, the desk, the console) ended now (their clients
   * reconnect, to another process behind a load balancer), requests in flight once answered,
   * without keeping their connection alive, and whatever is left after `graceMs`.
   *
   * New connections are still taken while requests are in flight (their requests answered on a
   * closing connection too); the server stops listening once none is, or at `graceMs`.
   */
  drain(graceMs?: number): Promise<void>;
}

function isEventStream(response: ServerResponse): boolean {
  return String(response.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

/**
 * Lets the connection go once this response is answered, instead of keeping it alive. (The
 * socket is taken now: once a response finished, Node has let go of it for the next request.)
 */
function closeAfter(response: ServerResponse): void {
  const socket = response.socket;
  if (!response.headersSent) response.setHeader('Connection', 'close');
  else response.once('finish', () => socket?.destroySoon());
}

/**
 * Follows the responses `server` has open, for {@link HttpDrain.drain}. Without it a shutdown
 * waited for every open chat stream to end, which it never does by itself (a customer's open
 * chat page kept `xiaoer serve` from stopping on SIGTERM), and for every kept-alive
 * connection's idle timeout.
 *
 * The listener stays open while requests are in flight: closed at once, a delivery that came on
 * a new connection during the drain was refused at the socket, and a sender that never sends a
 * refused delivery again (WooCommerce) lost it. The application answers what comes meanwhile
 * (http/shutting-down.ts: 503 with Retry-After but for those deliveries).
 *
 * A connection that never sent a byte (a client's spare connection, a port check) is closed
 * once the server stops listening: Node counts it as waiting for its first request, not idle,
 * so it held the drain for the whole grace.
 */
export function drainable(server: Server): HttpDrain {
  const open = new Set<ServerResponse>();
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  let draining = false;
  /** During a drain: stops listening once no request is in flight. */
  let settle = (): void => undefined;
  server.on('request', (_request, response: ServerResponse) => {
    open.add(response);
    response.once('close', () => {
      open.delete(response);
      settle();
    });
    if (draining) closeAfter(response);
  });
  return {
    drain: (graceMs = DRAIN_GRACE_MS) =>
      new Promise<void>((resolve) => {
        draining = true;
        let listening = true;
        const stopListening = () => {
          if (!listening) return;
          listening = false;
          // Waits for every connection to close (Node closes the idle ones now).
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
        };
        const timer = setTimeout(() => {
          stopListening();
          server.closeAllConnections();
        }, graceMs);
        settle = () => {
          if (open.size === 0) stopListening();
        };
        server.closeIdleConnections();
        for (const response of open) {
          if (isEventStream(response)) {
            const socket = response.socket;
            response.end(() => socket?.destroySoon());
          } else closeAfter(response);
        }
        settle();
      }),
  };
}
