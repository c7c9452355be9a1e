import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendEffect } from '@xiaoer/engine';
import { EffectExecutor, effectRecord, type EffectRecord } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/**
 * A process has at most so many messages and calls out at once; only the call holds a place,
 * so attempts waiting on the store behind it do not keep the next call from going out.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

function sendRecord(n: number): EffectRecord {
  const effect: SendEffect = {
    kind: 'send',
    id: `send-${n}`,
    nodeId: 'notify',
    channel: 'sms',
    to: '13800000000',
    locale: 'zh',
    format: 'text',
    text: `消息 ${n}`,
    expectsResult: false,
  };
  const instance = `outgoing:O-${n}:1`;
  return effectRecord(instance, 1, 0, `${instance}:1:0`, effect);
}

describe('outgoing calls', () => {
  it('should have at most the limit of sends out at once and deliver every one', async () => {
    let out = 0;
    let most = 0;
    const delivered: string[] = [];
    const releases: (() => void)[] = [];
    const channel = {
      name: 'sms',
      send: async (message: { text: string }) => {
        out++;
        most = Math.max(most, out);
        await new Promise<void>((resolve) => releases.push(resolve));
        out--;
        delivered.push(message.text);
      },
    };
    const unused = {
      name: 'unused',
      send: async () => {
        throw new Error('not this channel');
      },
    };
    const executor = new EffectExecutor(
      h.xiaoer.models,
      {
        orderSystem: {
          call: async () => {
            throw new Error('no calls here');
          },
        },
        channels: { sms: channel },
        fallback: unused,
        publisher: { publish: async () => undefined },
      },
      30_000,
      undefined,
      undefined,
      3,
    );
    const runs = Array.from({ length: 10 }, (_, n) =>
      executor.run(h.xiaoer.runtime, sendRecord(n), 1, 5, { stored: false }),
    );
    // Three go out; the rest wait for a place, not for the store.
    await expect.poll(() => releases.length).toBe(3);
    expect(out).toBe(3);
    // Each finished send gives its place to the next, never more than three at a time.
    for (let finished = 0; finished < 10; finished++) {
      await expect.poll(() => releases.length).toBeGreaterThan(0);
      expect(out).toBeLessThanOrEqual(3);
      releases.shift()?.();
    }
    await Promise.all(runs);
    expect(most).toBe(3);
    expect(delivered).toHaveLength(10);
    const records = await h.xiaoer.models.Effects.find({ instanceId: /^outgoing:/ }).lean();
    expect(records.filter((r) => r.status === 'done')).toHaveLength(10);
  });
});
