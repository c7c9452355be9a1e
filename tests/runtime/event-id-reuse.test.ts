import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';

/**
 * Issue 18: an event id reused for another event is a sender's bug, answered 409 and taken for
 * nothing; the same event again (even with its keys in another order) is a redelivery, 200.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

describe('an event id sent again', () => {
  const first = { ...cloudEvent('counter.opened', { counterId: 'R-1', count: 0 }), id: 'reuse-1' };

  it('should accept the first delivery and start the journey', async () => {
    const response = await h.sendEvents(first);
    expect(response.status).toBe(202);
    await vi.waitFor(
      async () => expect((await h.request('GET', '/api/instances/counter:R-1:1')).status).toBe(200),
      { timeout: 10_000 },
    );
  });

  it('should answer a redelivery of the same data, keys reordered, 200 duplicate', async () => {
    const reordered = { ...first, data: { count: 0, counterId: 'R-1' } };
    const response = await h.sendEvents(reordered);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ events: [{ id: 'reuse-1', status: 'duplicate' }] });
  });

  it('should refuse the id with other data or another type, 409, changing nothing', async () => {
    for (const other of [
      { ...first, data: { counterId: 'R-2', count: 5 } },
      { ...first, type: 'counter.closed' },
    ]) {
      const response = await h.sendEvents(other);
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ events: [{ id: 'reuse-1', status: 'conflict' }] });
    }
    await h.xiaoer.intake.idle();
    expect((await h.request('GET', '/api/instances/counter:R-2:1')).status).toBe(404);
    const stored = (await h.xiaoer.models.Events.findById('demo-shop/reuse-1').lean()) as {
      type: string;
      data: string;
    } | null;
    expect(stored?.type).toBe('counter.opened');
    expect(JSON.parse(stored?.data ?? '{}')).toEqual({ counterId: 'R-1', count: 0 });
  });
});
