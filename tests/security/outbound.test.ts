import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPERATIONS, HttpOrderSystem } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { pingWorkflow } from '../runtime/test-workflows.ts';

/**
 * Issue 18, secrets and outbound calls: credentials never reach a stored error, the order
 * system client stays on its origin, and an order id cannot climb out of its path segment.
 */
interface Site {
  url: string;
  paths: string[];
  server: Server;
}

/** A real HTTP server answering `answer(path)` and recording every path it was asked. */
async function site(
  answer: (path: string) => { status: number; headers?: Record<string, string>; body?: unknown },
): Promise<Site> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    const { status, headers = {}, body = {} } = answer(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, server };
}

let elsewhere: Site;
let erp: Site;
let h: Harness;
const TOKEN = 'dt0ken5ecret0123456789abcdef';
const SIGNING = 'SECdingtalk-signing-secret';

beforeAll(async () => {
  elsewhere = await site(() => ({ status: 200, body: { orderId: 'X', address: 'attacker data' } }));
  erp = await site((path) => {
    if (path.startsWith('/api/orders/away'))
      return { status: 302, headers: { location: `${elsewhere.url}/orders/away` } };
    if (path.startsWith('/api/orders/moved'))
      return { status: 301, headers: { location: '/api/orders/A-1' } };
    return { status: 200, body: { orderId: 'A-1', path } };
  });
  h = await startHarness({
    config: {
      channels: {
        sms: {
          kind: 'webhook',
          preset: 'dingtalk',
          url: `http://127.0.0.1:9/robot/send?access_token=${TOKEN}`,
          secret: SIGNING,
        },
      },
      delivery: { retryDelayMs: 50, maxAttempts: 2 },
    },
  });
  await h.publish(pingWorkflow('10ms'));
});
afterAll(async () => {
  await h?.close();
  for (const s of [elsewhere, erp]) s?.server.close();
});

const orders = () =>
  new HttpOrderSystem({
    baseUrl: `${erp.url}/api`,
    operations: DEFAULT_OPERATIONS,
    timeoutMs: 3000,
  });

const PATH_ATTACKS = [
  { name: 'an order id of ..', orderId: '..' },
  { name: 'an order id of .', orderId: '.' },
  { name: 'an empty order id', orderId: '' },
  { name: 'an order id with a slash', orderId: '../../admin' },
  { name: 'an order id with a backslash', orderId: '..\\refunds' },
];

describe('outbound calls (issue 18)', () => {
  it.each(PATH_ATTACKS)(
    'should refuse $name as a path value, calling nothing',
    async ({ orderId }) => {
      const before = erp.paths.length;
      // A failed call the journey sees, not retried: no attempt could make it a path segment.
      const outcome = await orders().call(
        'refund',
        { orderId, amount: 1 },
        { idempotencyKey: 'k' },
      );
      expect(outcome).toMatchObject({
        ok: false,
        retryable: false,
        error: { code: 'invalid-path-value' },
      });
      expect(erp.paths.length).toBe(before);
    },
  );

  it('should not follow a redirect to another origin, and not take its answer', async () => {
    const outcome = await orders().call('getOrder', { orderId: 'away' }, { idempotencyKey: 'k' });
    expect(outcome).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'redirect-elsewhere' },
    });
    expect(elsewhere.paths).toEqual([]);
  });

  it('should still follow a redirect within the order system', async () => {
    const outcome = await orders().call('getOrder', { orderId: 'moved' }, { idempotencyKey: 'k' });
    expect(outcome).toEqual({ ok: true, data: { orderId: 'A-1', path: '/api/orders/A-1' } });
  });

  it('should keep the webhook token and signature out of dead letters and effect errors', async () => {
    await h.sendEvents(cloudEvent('ping.started', { orderId: 'S-1', phone: '13800000000' }));
    const detail = await vi.waitFor(
      async () => {
        const response = await h.request('GET', '/api/instances/ping:S-1:1');
        const body = (await response.json()) as { deadLetters?: unknown[] };
        expect(body.deadLetters).toHaveLength(1);
        return body;
      },
      { timeout: 15_000, interval: 100 },
    );
    const shown =
      JSON.stringify(detail) + (await (await h.request('GET', '/api/dead-letters')).text());
    expect(shown).toContain('access_token=***');
    for (const collection of ['effects', 'deadLetters']) {
      const stored = JSON.stringify(await h.connection.collection(collection).find({}).toArray());
      expect(stored).toContain('127.0.0.1:9/robot/send');
      expect(stored).not.toContain(TOKEN);
      expect(stored).not.toMatch(/sign=[^*]/);
    }
    expect(shown).not.toContain(TOKEN);
  });
});
