/**
 * A TCP load balancer for benchmarks: each new connection goes to the next backend in turn and
 * stays there (an HTTP keep-alive connection carries all its requests to one server), the way
 * a layer-4 balancer in front of several `xiaoer serve` processes spreads clients. Bytes are
 * piped, not parsed.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

export interface RoundRobinProxy {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
  /** Connections handed to each backend so far, in the order the backends were given. */
  connections(): number[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (`port` 0: any free one) and hands connections out in turn. */
export async function roundRobinProxy(backends: Backend[], port = 0): Promise<RoundRobinProxy> {
  if (backends.length === 0) throw new Error('a round-robin proxy needs at least one backend');
  const counts = backends.map(() => 0);
  const open = new Set<Socket>();
  let next = 0;
  const server: Server = createServer((client) => {
    const index = next;
    next = (next + 1) % backends.length;
    counts[index] = (counts[index] ?? 0) + 1;
    const upstream = connect(backends[index] as Backend);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    }
    // Either side failing or closing ends the other: the client sees the server go away.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    connections: () => [...counts],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
