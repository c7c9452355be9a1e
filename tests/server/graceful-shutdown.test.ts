import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '@xiaoer/server';

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

describe('graceful shutdown', () => {
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
