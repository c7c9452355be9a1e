import { Agent, createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { endEventStreams, openEventStream } from './event-stream.ts';

/** A stopping server ends its event streams, and their connections with them. */
const app = express();
app.get('/stream', (request, response) => {
  openEventStream(request, response).send('message', '{"n":1}', 1);
});
const server = createServer(app);
// Idle kept-alive connections stay open (Node's default closes them after 5 s).
server.keepAliveTimeout = 10 * 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const port = (server.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('endEventStreams', () => {
  it('should end each open stream and close its kept-alive connection', async () => {
    const agent = new Agent({ keepAlive: true });
    const response = await new Promise<IncomingMessage>((resolve) =>
      get({ port, host: '127.0.0.1', path: '/stream', agent }, resolve),
    );
    const body: string[] = [];
    response.on('data', (chunk: Buffer) => body.push(chunk.toString()));
    await new Promise((resolve) => response.once('data', resolve));
    const closed = new Promise((resolve) => response.socket.once('close', resolve));
    const ended = new Promise((resolve) => response.once('end', resolve));

    endEventStreams(app);
    await ended;
    // Kept alive, the browser's reconnect would go down this connection to a stopping server.
    await closed;
    expect(body.join('')).toContain('id: 1\nevent: message\ndata: {"n":1}');
    agent.destroy();
  });
});
