import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '@xiaoer/server';
import { base64Hmac } from '@xiaoer/server/internal';

/**
 * What a shutdown (SIGTERM, `RunningServer.close()`) does to the HTTP side. Found sending
 * SIGTERM to `xiaoer serve` while a customer had the chat open: the chat's event stream never
 * ends by itself, the server waited for it, and the process was still running 35 s later
 * (until a second signal killed it without stopping the runtime).
 */
let folder: string;
let running: RunningServer | undefined;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-shutdown-'));
});
afterAll(async () => {
  await running?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Opens a GET and resolves with the response as soon as its headers came. */
function open(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    httpRequest(url, resolve).on('error', reject).end();
  });
}

/** Sends `text` on a new connection to `port`; resolves with all the answer. */
async function onNewConnection(port: number, text: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  const answer = readAll(socket);
  socket.write(text);
  return answer;
}

/** Everything `socket` receives until the server closes it. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => resolve(text));
    socket.once('error', reject);
  });
}

const WOO = { id: 'woo', kind: 'woocommerce' as const, secret: 'shutdown-woo-secret-0123' };

/**
 * WooCommerce's `order.created` delivery of the REST API docs' sample order (see
 * tests/fixtures/platforms/PROVENANCE.md), with the headers WooCommerce signs it with
 * (`X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the body with the webhook's secret).
 */
async function wooDelivery(orderId?: number): Promise<{ head: string; body: string }> {
  const sample = await readFile(
    new URL('../fixtures/platforms/woocommerce-order.json', import.meta.url),
    'utf8',
  );
  // Another order is another event (the sample's events are named after its order id).
  const body =
    orderId === undefined
      ? sample
      : JSON.stringify({ ...(JSON.parse(sample) as object), id: orderId });
  const head = [
    `POST /api/webhooks/woocommerce/${WOO.id} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-WC-Webhook-Topic: order.created',
    'X-WC-Webhook-Source: https://shop.example.com/',
    `X-WC-Webhook-Signature: ${base64Hmac(WOO.secret, body)}`,
    'X-WC-Webhook-Delivery-ID: 41',
  ].join('\r\n');
  return { head, body };
}

async function startWith(data: string): Promise<RunningServer> {
  return startServer({
    port: 0,
    dataDirectory: data,
    env: { XIAOER_ADMIN_PASSWORD: 'shutdown-test-password' },
    config: { sources: [WOO] },
    publishShipped: false,
    log: pino({ level: 'silent' }),
  });
}

describe('graceful shutdown', () => {
  it(
    'should still take a WooCommerce delivery arriving while the server drains, durably, since WooCommerce never sends it again',
    { timeout: 120_000 },
    async () => {
      const data = path.join(folder, 'woo-data');
      running = await startWith(data);
      const { port } = new URL(running.url);
      const { head, body } = await wooDelivery();
      // A delivery under way when the shutdown begins: its first bytes came, the rest comes
      // after (a slow shop server, a large order). Its connection is not idle, so the drain
      // waits for its answer.
      const socket = connect(Number(port), '127.0.0.1');
      const answer = readAll(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(head.slice(0, 20));
      // Another round trip, so the server has read those first bytes before it stops.
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const closing = running.close();
      socket.write(`${head.slice(20)}\r\n\r\n${body}`);
      const text = await answer;
      await closing;
      running = undefined;
      // Before: 503 shutting-down, and WooCommerce lost the order.
      expect(text).toMatch(/^HTTP\/1\.1 202 /);
      expect(text.toLowerCase()).toContain('connection: close');
      const taken = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as {
        events: { id: string; status: string }[];
      };
      expect(taken.events).toEqual([expect.objectContaining({ status: 'accepted' })]);

      // Recorded for good: the next process knows the delivery.
      running = await startWith(data);
      const again = await fetch(`${running.url}/api/webhooks/woocommerce/${WOO.id}`, {
        method: 'POST',
        headers: Object.fromEntries(
          head
            .split('\r\n')
            .slice(2)
            .filter((line) => !line.startsWith('Content-Length'))
            .map((line) => line.split(': ') as [string, string]),
        ),
        body,
      });
      expect(await again.json()).toEqual({
        events: [{ id: taken.events[0]?.id, status: 'duplicate' }],
      });
      await running.close();
      running = undefined;
    },
  );

  it(
    'should take WooCommerce deliveries on new connections while the drain lasts, and answer the rest 503 (ops45)',
    { timeout: 120_000 },
    async () => {
      running = await startWith(path.join(folder, 'new-connections-data'));
      const port = Number(new URL(running.url).port);
      // A delivery in flight when the shutdown begins (its body still coming) keeps the drain going.
      const slow = await wooDelivery();
      const socket = connect(port, '127.0.0.1');
      const slowAnswer = readAll(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const half = slow.body.length >> 1;
      socket.write(`${slow.head}\r\n\r\n${slow.body.slice(0, half)}`);
      // Another round trip, so the server has begun answering it before it stops.
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const closing = running.close();

      // Before: every new connection was refused at the socket, and WooCommerce lost the order.
      const other = await wooDelivery(728);
      const taken = await onNewConnection(port, `${other.head}\r\n\r\n${other.body}`);
      expect(taken).toMatch(/^HTTP\/1\.1 202 /);
      expect(taken.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(taken.slice(taken.indexOf('\r\n\r\n') + 4))).toEqual({
        events: [
          expect.objectContaining({ id: expect.stringMatching(/^woo-728-/), status: 'accepted' }),
        ],
      });
      // Everything else is asked to come back later (elsewhere, behind a load balancer).
      const get = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
      const refused = await onNewConnection(port, get('/api/health'));
      expect(refused).toMatch(/^HTTP\/1\.1 503 /);
      expect(refused.toLowerCase()).toContain('retry-after: 5');
      expect(refused).toContain('"code":"shutting-down"');
      expect(await onNewConnection(port, get('/readyz'))).toMatch(/^HTTP\/1\.1 503 /);
      expect(await onNewConnection(port, get('/healthz'))).toMatch(/^HTTP\/1\.1 200 /);

      // The drain ends with the last request in flight; then the server stops listening.
      socket.write(slow.body.slice(half));
      expect(await slowAnswer).toMatch(/^HTTP\/1\.1 202 /);
      await closing;
      running = undefined;
      await expect(onNewConnection(port, get('/healthz'))).rejects.toThrow(/ECONNREFUSED/);
    },
  );

  it(
    'should end open chat streams and stop, instead of waiting for the customer to leave',
    { timeout: 60_000 },
    async () => {
      running = await startServer({
        port: 0,
        dataDirectory: path.join(folder, 'data'),
        env: { XIAOER_ADMIN_PASSWORD: 'shutdown-test-password' },
        config: { sources: [{ id: 'shop', kind: 'xiaoer', secret: 'shutdown-test-secret-0123' }] },
        publishShipped: false,
        log: pino({ level: 'silent' }),
      });
      const opened = await fetch(`${running.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: 'u-shutdown' } }),
      });
      expect(opened.status).toBe(201);
      const { id, token } = (await opened.json()) as { id: string; token: string };
      const stream = await open(
        `${running.url}/api/chat/conversations/${id}/stream?token=${token}`,
      );
      expect(stream.statusCode).toBe(200);
      expect(stream.headers['content-type']).toContain('text/event-stream');
      const ended = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.resume();

      await running.close();
      await ended;
      // Stopped for good: nothing listens any more.
      await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
      running = undefined;
    },
  );

  it('should answer every request but the probes 503 with Retry-After once shutdown began', async () => {
    let accepting = true;
    const app = createApp({
      store: { kind: 'external', ping: async () => {} },
      consoleDirectory: false,
      accepting: () => accepting,
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    try {
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      accepting = false;
      const refused = await fetch(`${base}/api/health`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('connection')).toBe('close');
      const body = (await refused.json()) as {
        error: { code: string; message: { zh: string; en: string } };
      };
      expect(body.error.code).toBe('shutting-down');
      expect(body.error.message.zh).toContain('正在停止');
      expect(body.error.message.en).toContain('shutting down');
      const events = await fetch(`${base}/api/events`, { method: 'POST', body: '{}' });
      expect(events.status).toBe(503);
      // WooCommerce's deliveries too, once the intake cannot record them (here: no intake).
      const woo = await fetch(`${base}/api/webhooks/woocommerce/shop`, { method: 'POST' });
      expect(woo.status).toBe(503);
      // The probes answer for themselves: alive, and not ready.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not-ready' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
