import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@xiaoer/engine';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { pingOnEmail, pingWorkflow } from '../runtime/test-workflows.ts';
import { userToken } from '../routing/routing-fixture.ts';

/**
 * Issue 21: operators (not only admins) see how each channel's deliveries go: the connector's
 * kind, attempts delivered and failed, the last failure; never a target or a credential.
 * Through the real server and runtime: SMS to a sink of our own, email to a port nobody
 * listens on, both URLs carrying secrets.
 */
let h: Harness;
let sink: Server;
let operator: string;

const SMS_TOKEN = 'sms-path-token-0123456789abcdef';
const SMS_KEY = 'sms-query-secret-42';
const MAIL_KEY = 'mail-query-secret-77';

interface Deliveries {
  since: string;
  hours: number;
  channels: {
    channel: string;
    kind: string;
    usesDefault: boolean;
    delivered: number;
    failed: number;
    state: string;
    lastDeliveredAt?: string;
    lastFailure?: { code: string; message: string; retryable: boolean; at: string };
  }[];
}

const deliveries = async (token = operator) => {
  const response = await h.request('GET', '/api/channels/deliveries', undefined, token);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, body: JSON.parse(text) as Deliveries };
};

beforeAll(async () => {
  sink = createServer((request, response) => {
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  h = await startHarness({
    config: {
      channels: {
        sms: {
          kind: 'webhook',
          preset: 'generic',
          url: `${sinkUrl}/hook/${SMS_TOKEN}?access_token=${SMS_KEY}`,
        },
        // Nothing listens on port 9 (discard): every delivery fails at once.
        email: {
          kind: 'webhook',
          preset: 'generic',
          url: `http://127.0.0.1:9/mail?key=${MAIL_KEY}`,
        },
      },
    },
  });
  await h.publish(pingWorkflow('100ms'), pingOnEmail('100ms', 'ping-mail'));
  operator = await userToken(h, 'deliveries-operator', 'operator');
});
afterAll(async () => {
  await h?.close();
  sink?.close();
});

describe("channels' delivery status for operators", () => {
  it('should show every channel idle before anything was sent', async () => {
    const { body } = await deliveries();
    expect(body.hours).toBe(24);
    expect(body.channels.map((c) => c.channel)).toEqual([...CHANNELS]);
    expect(body.channels.find((c) => c.channel === 'wechat')).toEqual({
      channel: 'wechat',
      kind: 'log',
      usesDefault: true,
      delivered: 0,
      failed: 0,
      state: 'idle',
    });
  });

  it("should count a journey's delivered and failed messages and show the last failure, with no secret", async () => {
    const sent = await h.sendEvents([
      cloudEvent('ping.started', { orderId: 'DLV-1', phone: '13800000001' }),
      cloudEvent('ping-mail.started', { orderId: 'DLV-2', phone: 'a@example.com' }),
    ]);
    expect(sent.status).toBeLessThan(300);
    await vi.waitFor(
      async () => {
        const { body } = await deliveries();
        expect(body.channels.find((c) => c.channel === 'sms')).toMatchObject({
          delivered: 1,
          failed: 0,
          state: 'ok',
          lastDeliveredAt: expect.any(String),
        });
        expect(body.channels.find((c) => c.channel === 'email')).toMatchObject({
          kind: 'webhook',
          delivered: 0,
          failed: expect.any(Number),
          state: 'failing',
          lastFailure: expect.objectContaining({ code: expect.any(String), retryable: true }),
        });
      },
      { timeout: 20_000 },
    );
    const { text, body } = await deliveries();
    expect(body.channels.find((c) => c.channel === 'email')?.failed).toBeGreaterThan(0);
    // The failure reads as an instance's effect error does: its URL with the key hidden.
    expect(body.channels.find((c) => c.channel === 'email')?.lastFailure?.message).toContain(
      'key=***',
    );
    for (const secret of [SMS_TOKEN, SMS_KEY, MAIL_KEY, '/hook/'])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('"target"');
  });

  it('should not count an admin test send as a delivery', async () => {
    const before = (await deliveries()).body.channels.find((c) => c.channel === 'sms');
    const sent = await h.request('POST', '/api/channels/sms/test', { to: '13800000002' });
    expect(((await sent.json()) as { ok: boolean }).ok).toBe(true);
    const after = (await deliveries()).body.channels.find((c) => c.channel === 'sms');
    expect(after?.delivered).toBe(before?.delivered);
  });

  it('should answer admins and operators, and refuse agents, viewers and anonymous callers', async () => {
    expect((await h.request('GET', '/api/channels/deliveries')).status).toBe(200);
    for (const role of ['agent', 'viewer'] as const) {
      const token = await userToken(h, `deliveries-${role}`, role);
      const refused = await h.request('GET', '/api/channels/deliveries', undefined, token);
      expect(refused.status).toBe(403);
      const body = await refused.text();
      expect(body).not.toContain('delivered');
      expect(body).toContain('operator');
    }
    expect((await h.request('GET', '/api/channels/deliveries', undefined, '')).status).toBe(401);
    // The admin's list, with targets, stays the admin's.
    expect((await h.request('GET', '/api/connections', undefined, operator)).status).toBe(403);
  });
});
