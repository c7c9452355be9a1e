import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { userToken } from '../routing/routing-fixture.ts';

/**
 * Issue 21: the sources and channels the configuration names, with their status and no
 * secrets, and a test send through a channel's real connector, its outcome shown. Through the
 * real server, the demo shop's message sink, and a channel whose server is not there.
 */
let h: Harness;

interface Connections {
  sources: {
    id: string;
    kind: string;
    secretSet: boolean;
    intakePath?: string;
    lastEvent?: { type: string };
  }[];
  channels: { channel: string; kind: string; usesDefault: boolean; target?: string }[];
}

const connections = async () =>
  (await (await h.request('GET', '/api/connections')).json()) as Connections;

/** A message sink of our own: what the webhook connector posted, as JSON. */
const received: { to: string; text: string; channel: string }[] = [];
let sink: Server;

beforeAll(async () => {
  sink = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(JSON.parse(body) as { to: string; text: string; channel: string });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  h = await startHarness({
    config: {
      channels: {
        sms: { kind: 'webhook', preset: 'generic', url: `${sinkUrl}/sms` },
        // Nothing listens on port 9 (discard): every delivery fails at once.
        email: { kind: 'webhook', preset: 'generic', url: 'http://127.0.0.1:9/mail' },
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
  sink?.close();
});

describe('sources and channels', () => {
  it('should list the sources with their status and never a secret', async () => {
    await h.shop.createOrder({ orderId: 'CONN-1' });
    await vi.waitFor(async () => {
      const source = (await connections()).sources.find((s) => s.id === SOURCE.id);
      expect(source?.lastEvent?.type).toBe('order.created');
    });
    const response = await h.request('GET', '/api/connections');
    const body = await response.text();
    expect(body).not.toContain(SOURCE.secret);
    const { sources, channels } = JSON.parse(body) as Connections;
    expect(sources).toEqual([
      expect.objectContaining({ id: SOURCE.id, secretSet: true, intakePath: '/api/events' }),
    ]);
    expect(channels.map((c) => c.channel)).toEqual([
      'sms',
      'email',
      'wechat',
      'chat',
      'app',
      'staff',
    ]);
    expect(channels.find((c) => c.channel === 'sms')).toEqual({
      channel: 'sms',
      kind: 'webhook',
      usesDefault: false,
      target: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`,
    });
    expect(channels.find((c) => c.channel === 'wechat')).toEqual({
      channel: 'wechat',
      kind: 'log',
      usesDefault: true,
    });
    expect(channels.find((c) => c.channel === 'email')).toMatchObject({
      usesDefault: false,
      target: 'http://127.0.0.1:9',
    });
    expect(channels.find((c) => c.channel === 'chat')).toMatchObject({ kind: 'chat' });
  });

  it('should deliver a test send through the real connector and say so', async () => {
    const response = await h.request('POST', '/api/channels/sms/test', {
      to: '13800001234',
      text: '测试短信',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      channel: 'sms',
      connector: 'webhook:generic',
    });
    expect(received).toContainEqual(
      expect.objectContaining({ channel: 'sms', to: '13800001234', text: '测试短信' }),
    );
    const { entries } = (await (await h.request('GET', '/api/audit?limit=10')).json()) as {
      entries: { action: string; target: string; details: { ok?: boolean } }[];
    };
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'channel.test',
        target: 'sms',
        details: expect.objectContaining({ ok: true }),
      }),
    );
  });

  it('should show a failed test send with the reason, not succeed', async () => {
    const before = received.length;
    const response = await h.request('POST', '/api/channels/email/test', { to: 'a@example.com' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBeTruthy();
    expect(received.length).toBe(before);
  });

  it('should refuse a bad test send precisely and send nothing', async () => {
    const before = received.length;
    expect((await h.request('POST', '/api/channels/fax/test', { to: '1' })).status).toBe(404);
    expect((await h.request('POST', '/api/channels/sms/test', { to: '   ' })).status).toBe(400);
    expect((await h.request('POST', '/api/channels/sms/test', { to: '1', cc: '2' })).status).toBe(
      400,
    );
    const operator = await userToken(h, 'conn-operator', 'operator');
    expect((await h.request('POST', '/api/channels/sms/test', { to: '1' }, operator)).status).toBe(
      403,
    );
    expect((await h.request('GET', '/api/connections', undefined, operator)).status).toBe(403);
    expect(received.length).toBe(before);
  });
});
