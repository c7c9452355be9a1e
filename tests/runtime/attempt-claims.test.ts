import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendEffect } from '@xiaoer/engine';
import {
  EffectExecutor,
  effectRecord,
  ProcessLiveness,
  type EffectRecord,
} from '@xiaoer/server/internal';
import { startHarness, TestClock, type Harness } from '@xiaoer/server/testing';

/**
 * An effect attempt claimed by another process: left alone while that process beats, however
 * old the claim (the attempt may wait long for its turn among the calls out), and looked at
 * again once per stale period; taken over once the holder is gone.
 */
const STALE_MS = 3000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

function sendRecord(name: string): EffectRecord {
  const effect: SendEffect = {
    kind: 'send',
    id: 'send-1',
    nodeId: 'notify',
    channel: 'sms',
    to: '13800000000',
    locale: 'zh',
    format: 'text',
    text: `消息 ${name}`,
    expectsResult: false,
  };
  const instance = `claims:${name}:1`;
  return effectRecord(instance, 1, 0, `${instance}:1:0`, effect);
}

describe('effect attempt claims', () => {
  it('should leave a beating process its old claim and take it over once it is gone', async () => {
    const sent: string[] = [];
    const channel = { name: 'sms', send: async (m: { text: string }) => void sent.push(m.text) };
    const models = h.xiaoer.models;
    const holder = new ProcessLiveness(models.Heartbeats, {}, new TestClock());
    await holder.start(() => undefined);
    const executor = new EffectExecutor(
      models,
      {
        orderSystem: { call: async () => ({ ok: true, data: {} }) },
        channels: { sms: channel },
        fallback: channel,
        publisher: { publish: async () => undefined },
      },
      STALE_MS,
      undefined,
      new ProcessLiveness(models.Heartbeats),
    );
    const old = sendRecord('old');
    const fresh = sendRecord('fresh');
    const claim = (record: EffectRecord, startedAt: Date) =>
      models.EffectAttempts.create({
        _id: `${record._id}#0.2`,
        effectKey: record._id,
        attempt: 2,
        startedAt,
        process: holder.id,
      });
    await claim(old, new Date(Date.now() - 60_000));
    await claim(fresh, new Date());

    const busyOld = await executor.run(h.xiaoer.runtime, old, 2, 5);
    const busyFresh = await executor.run(h.xiaoer.runtime, fresh, 2, 5);
    expect(sent).toEqual([]);
    // The fresh claim is looked at again when it goes stale; the old one a stale time from now,
    // under a name of its period (one look-again job each).
    expect(busyFresh?.claim).toBe(`${fresh._id}#0.2`);
    expect(busyOld?.claim).toMatch(/^claims:old:1:1:0#0\.2@\d+$/);
    expect(busyOld?.busyUntil.getTime()).toBeGreaterThan(Date.now() + STALE_MS / 2);

    // The holder stops beating: its attempt is run again here, once.
    await holder.stop();
    await expect
      .poll(async () => (await executor.run(h.xiaoer.runtime, old, 2, 5)) === undefined, {
        timeout: 5000,
        interval: 200,
      })
      .toBe(true);
    expect(sent).toEqual(['消息 old']);
  });
});
