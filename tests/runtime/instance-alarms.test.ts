import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { pingOnEmail, pingWorkflow } from './test-workflows.ts';

/** The ping journey, its message sent on the working default channel instead of `sms`. */
const pingOk = pingOnEmail('10ms', 'ping-ok');

interface Row {
  id: string;
  alarms?: string[];
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    config: {
      // SMS goes to a port nobody listens on: every delivery fails.
      channels: { sms: { kind: 'webhook', preset: 'generic', url: 'http://127.0.0.1:9/sms' } },
    },
  });
  await h.publish(pingWorkflow('10ms'), pingOk);
});
afterAll(async () => h?.close());

const rows = async (): Promise<Map<string, Row>> => {
  const response = await h.request('GET', '/api/instances?pageSize=200');
  expect(response.status).toBe(200);
  const { instances } = (await response.json()) as { instances: Row[] };
  return new Map(instances.map((row) => [row.id, row]));
};

const effectsDone = async (id: string) => {
  const detail = (await (
    await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)
  ).json()) as { effects: { effect: { kind: string }; status: string }[] };
  return detail.effects.filter((e) => e.effect.kind === 'send').map((e) => e.status);
};

describe('issue 21: the instances list flags runs that need a look', () => {
  it('should flag a failed send and a send to nobody, and not a good send', async () => {
    await h.sendEvents([
      cloudEvent('ping.started', { orderId: 'AL-FAIL', phone: '13800000000' }),
      cloudEvent('ping-ok.started', { orderId: 'AL-OK', phone: '13800000001' }),
      cloudEvent('ping-ok.started', { orderId: 'AL-NOBODY', phone: '' }),
    ]);
    await vi.waitFor(
      async () => {
        const listed = await rows();
        expect(listed.get('ping:AL-FAIL:1')?.alarms).toEqual(['failed-effect']);
        expect(listed.get('ping-ok:AL-NOBODY:1')?.alarms).toContain('empty-recipient');
        expect(await effectsDone('ping-ok:AL-OK:1')).toEqual(['done']);
      },
      { timeout: 20_000, interval: 200 },
    );
    // The good send was delivered, and its row carries no alarm.
    const good = (await rows()).get('ping-ok:AL-OK:1');
    expect(good).toBeDefined();
    expect(good?.alarms).toBeUndefined();
  });

  it('should still flag the failed send when the list is read again (from what it remembers)', async () => {
    const again = await rows();
    expect(again.get('ping:AL-FAIL:1')?.alarms).toEqual(['failed-effect']);
    expect(again.get('ping-ok:AL-OK:1')?.alarms).toBeUndefined();
  });
});
