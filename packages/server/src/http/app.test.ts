import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { StoreProbe } from './health.route.ts';

const open: Server[] = [];

/** Serves the app on a real loopback port and returns its base URL. */
async function serve(store: StoreProbe, bodyLimit?: number): Promise<string> {
  const server = createApp({ store, bodyLimit }).listen(0, '127.0.0.1');
  open.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(
    open.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

const answering: StoreProbe = { kind: 'ferretdb-sqlite', ping: async () => ({ ok: 1 }) };

describe('GET /api/health', () => {
  it('should report ok with the store kind when the store answers', async () => {
    const base = await serve(answering);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: { kind: 'ferretdb-sqlite', reachable: true },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  // Without the health check's own deadline this request would hang.
  it('should answer 503 degraded when the store never answers its ping', async () => {
    const silent: StoreProbe = { kind: 'external', ping: () => new Promise(() => {}) };
    const base = await serve(silent);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      store: { kind: 'external', reachable: false },
    });
  });

  it('should answer 503 when the ping throws', async () => {
    const failing: StoreProbe = {
      kind: 'external',
      ping: () => Promise.reject(new Error('socket closed')),
    };
    const response = await fetch(`${await serve(failing)}/api/health`);
    expect(response.status).toBe(503);
  });

  // Issue 18: a full disk answered pings while every write failed, and health said "ok".
  it('should answer 503 with Retry-After when the store answers but cannot write', async () => {
    const full: StoreProbe = {
      kind: 'ferretdb-sqlite',
      ping: async () => ({ ok: 1 }),
      write: () => Promise.reject(new Error('database or disk is full')),
    };
    const base = await serve(full);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      store: { reachable: true, writable: false },
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });
});

describe('errors', () => {
  it('should answer malformed JSON with 400 malformed-json in zh and en', async () => {
    const response = await fetch(`${await serve(answering)}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"orderId": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: object } };
    expect(body.error.code).toBe('malformed-json');
    expect(body.error.message).toEqual({
      zh: expect.stringContaining('JSON'),
      en: expect.stringContaining('not valid JSON'),
    });
  });

  it('should answer a body over the limit with 413', async () => {
    const response = await fetch(`${await serve(answering, 1024)}/api/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x'.repeat(4096) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
  });

  it('should answer an unknown endpoint with 404 naming it', async () => {
    const response = await fetch(`${await serve(answering)}/api/orders/%3Cscript%3E`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: { en: string } } };
    expect(body.error.code).toBe('not-found');
    expect(body.error.message.en).toContain('GET /api/orders/');
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('should not announce the framework', async () => {
    const response = await fetch(`${await serve(answering)}/api/health`);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
