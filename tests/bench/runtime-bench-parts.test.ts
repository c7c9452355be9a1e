import { describe, expect, it } from 'vitest';
import { validate } from '@xiaoer/engine';
import { journeyTest } from '@xiaoer/engine/testing';
import { echoWorkflow } from '../../bench/runtime/echo-workflow.ts';
import { percentile, waitUntil } from '../../bench/runtime/measure.ts';

describe('runtime benchmark parts', () => {
  it('should take percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([
      50, 95, 99,
    ]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('should give up waiting after the timeout and say so', async () => {
    expect(await waitUntil(() => false, 50)).toBe(false);
    let calls = 0;
    expect(await waitUntil(() => ++calls === 3, 5_000)).toBe(true);
  });

  it('should send one message per ping and wait for the next (the echo journey)', () => {
    expect(validate(echoWorkflow).valid).toBe(true);
    const t = journeyTest(echoWorkflow);
    t.trigger({ sessionId: 'S-1', phone: '13800000000' });
    t.send('bench.ping', { sessionId: 'S-1', n: 1 });
    t.send('bench.ping', { sessionId: 'S-1', n: 2 });
    expect(t.messages.map((m) => m.text)).toEqual(['回声 1', '回声 2']);
    t.expectNode('waitPing');
  });
});
