import { Agent, createServer, get, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { openEventStream } from '../http/event-stream.ts';
import { drainable } from './http-drain.ts';

/** A stopping server ends its event streams, and their connections with them. */
describe('drainable', () => {
  it('should end each open stream and close its kept-alive connection', async () => {
    const app = express();
    app.get('/stream', (request, response) => {
      openEventStream(request, response).send('message', '{"n":1}', 1);
    });
    const server = createServer(app);
    // Idle kept-alive connections stay open (Node's default closes them after 5 s).
    server.keepAliveTimeout = 10 * 60_000;
    const connections = drainable(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true });
    const response = await new Promise<IncomingMessage>((resolve) =>
      get({ port, host: '127.0.0.1', path: '/stream', agent }, resolve),
    );
    const body: string[] = [];
    response.on('data', (chunk: Buffer) => body.push(chunk.toString()));
    await new Promise((resolve) => response.once('data', resolve));
    const closed = new Promise((resolve) => response.socket.once('close', resolve));
    const ended = new Promise((resolve) => response.once('end', resolve));

    // Without the drain, `server.close()` waits for the stream, which never ends by itself.
    await connections.drain(60_000);
    await ended;
    // Kept alive, the browser's reconnect would go down this connection to a stopping server.
    await closed;
    expect(body.join('')).toContain('id: 1\nevent: message\ndata: {"n":1}');
    agent.destroy();
  });

  it('should close a connection that never sent a request, instead of waiting out the grace', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    const connections = drainable(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const accepted = new Promise((resolve) => server.once('connection', resolve));
    const silent = connect(port, '127.0.0.1');
    await accepted;
    const closed = new Promise((resolve) => silent.once('close', resolve));

    // A grace far longer than the test's timeout: the old drain waited all of it.
    await connections.drain(60 * 60_000);
    await closed;
    expect(silent.destroyed).toBe(true);
    expect(server.listening).toBe(false);
  });
});
