import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { pingOnChannel, pingWorkflow } from './test-workflows.ts';

/** The ping journey, its message sent on the working default channel instead of `sms`. */
const pingOk = pingOnChannel('10ms', 'ping-ok', 'email');
/** The ping journey, its message sent on a channel that refuses it for good (a 400). */
const pingRefused = pingOnChannel('10ms', 'ping-refused', 'wechat');

interface Row {
  id: string;
  alarms?: string[];
}

let h: Harness;
let refusing: Server;
beforeAll(async () => {
  refusing = createServer((_request, response) => {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end('{"error":"bad recipient"}');
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  const { port } = refusing.address() as AddressInfo;
  h = await startHarness({
    config: {
      channels: {
        // SMS goes to a port nobody listens on: every attempt fails and is retried, the next
        // attempt only after ten minutes, so the send stays retrying through the test.
        sms: { kind: 'webhook', preset: 'generic', url: 'http://127.0.0.1:9/sms' },
        wechat: { kind: 'webhook', preset: 'generic', url: `http://127.0.0.1:${port}/wechat` },
      },
      delivery: { retryDelayMs: 600_000, maxAttempts: 3 },
    },
  });
  await h.publish(pingWorkflow('10ms'), pingOk, pingRefused);
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => refusing?.close(resolve));
});

const rows = async (): Promise<Map<string, Row>> => {
  const response = await h.request('GET', '/api/instances?pageSize=200');
  expect(response.status).toBe(200);
  const { instances } = (await response.json()) as { instances: Row[] };
  return new Map(instances.map((row) => [row.id, row]));
};

const sendStatuses = async (id: string) => {
  const detail = (await (
    await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)
  ).json()) as { effects: { effect: { kind: string }; status: string }[] };
  return detail.effects.filter((e) => e.effect.kind === 'send').map((e) => e.status);
};

describe('issue 21: the instances list flags runs that need a look', () => {
  it('should flag a send that is retrying, one refused for good and one to nobody, and not a good send', async () => {
    await h.sendEvents([
      cloudEvent('ping.started', { orderId: 'AL-FAIL', phone: '13800000000' }),
      cloudEvent('ping-refused.started', { orderId: 'AL-REFUSED', phone: '13800000002' }),
      cloudEvent('ping-ok.started', { orderId: 'AL-OK', phone: '13800000001' }),
      cloudEvent('ping-ok.started', { orderId: 'AL-NOBODY', phone: '' }),
    ]);
    await vi.waitFor(
      async () => {
        const listed = await rows();
        // Its first attempt failed; the second waits ten minutes: flagged already.
        expect(await sendStatuses('ping:AL-FAIL:1')).toEqual(['pending']);
        expect(listed.get('ping:AL-FAIL:1')?.alarms).toEqual(['failed-effect']);
        expect(await sendStatuses('ping-refused:AL-REFUSED:1')).toEqual(['dead']);
        expect(listed.get('ping-refused:AL-REFUSED:1')?.alarms).toEqual(['failed-effect']);
        expect(listed.get('ping-ok:AL-NOBODY:1')?.alarms).toContain('empty-recipient');
        expect(await sendStatuses('ping-ok:AL-OK:1')).toEqual(['done']);
      },
      { timeout: 20_000, interval: 200 },
    );
    // The good send was delivered, and its row carries no alarm.
    const good = (await rows()).get('ping-ok:AL-OK:1');
    expect(good).toBeDefined();
    expect(good?.alarms).toBeUndefined();
  });

  it('should still flag the failed sends when the list is read again (from what it remembers)', async () => {
    const again = await rows();
    expect(again.get('ping:AL-FAIL:1')?.alarms).toEqual(['failed-effect']);
    expect(again.get('ping-refused:AL-REFUSED:1')?.alarms).toEqual(['failed-effect']);
    expect(again.get('ping-ok:AL-OK:1')?.alarms).toBeUndefined();
  });
});
