import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { userToken } from '../routing/routing-fixture.ts';
import { openStream } from './event-stream-client.ts';
import { counterWorkflow } from './test-workflows.ts';

/**
 * Issue 22: the instance page follows its instance as server-sent events instead of asking
 * every 3 s. The stream sends the detail `GET /api/instances/:id` answers, at once and after
 * each step of that instance (read through this process's unwritten copy, so a step shows
 * before the instance's document is written).
 */
interface Detail {
  id: string;
  node: string;
  revision: number;
  data: { count?: number };
  timeline: { revision: number; event: { type: string } }[];
}

let h: Harness;
let instanceId: string;
let otherId: string;

const counterOf = async (counterId: string) => {
  const listed = (await (
    await h.request('GET', `/api/instances?workflow=counter&correlation=${counterId}`)
  ).json()) as { instances: { id: string }[] };
  return listed.instances[0]?.id;
};

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
  const sent = await h.sendEvents([
    cloudEvent('counter.opened', { counterId: 'S-1', count: 0 }),
    cloudEvent('counter.opened', { counterId: 'S-2', count: 0 }),
  ]);
  expect(sent.status).toBe(202);
  await vi.waitFor(
    async () => {
      instanceId = (await counterOf('S-1')) ?? '';
      otherId = (await counterOf('S-2')) ?? '';
      expect(instanceId && otherId).toBeTruthy();
    },
    { timeout: 10_000 },
  );
});
afterAll(async () => h?.close());

const follow = (id: string, token = h.token) =>
  openStream<Detail>(`${h.url}/api/instances/${id}/stream`, token, 'instance');

describe('the instance stream', () => {
  it('should send the detail at once, then again after an event moves the instance', async () => {
    const stream = await follow(instanceId);
    const first = await stream.waitFor(() => true);
    expect(first.id).toBe(instanceId);
    expect(first.node).toBe('waitBump');
    expect(first.data.count).toBe(0);

    const sent = await h.sendEvents([cloudEvent('counter.bump', { counterId: 'S-1' })]);
    expect(sent.status).toBe(202);
    const moved = await stream.waitFor((detail) => detail.data.count === 1);
    expect(moved.revision).toBeGreaterThan(first.revision);
    expect(moved.timeline.map((step) => step.event.type)).toContain('counter.bump');
    // The same detail the instance route answers.
    const answered = (await (
      await h.request('GET', `/api/instances/${instanceId}`)
    ).json()) as Detail;
    expect(answered.revision).toBe(moved.revision);
    expect(moved.timeline).toEqual(answered.timeline);

    await stream.close();
    await expect.poll(() => h.xiaoer.instanceFeed.openStreams).toBe(0);
  });

  it("should not send another instance's steps", async () => {
    const stream = await follow(instanceId);
    const first = await stream.waitFor(() => true);
    await h.sendEvents([cloudEvent('counter.bump', { counterId: 'S-2' })]);
    await vi.waitFor(
      async () => {
        const other = (await (
          await h.request('GET', `/api/instances/${otherId}`)
        ).json()) as Detail;
        expect(other.data.count).toBe(1);
      },
      { timeout: 10_000 },
    );
    await h.xiaoer.runtime.idle();
    expect(stream.events.every((detail) => detail.id === instanceId)).toBe(true);
    expect(stream.events.at(-1)?.revision).toBe(first.revision);
    await stream.close();
  });

  it('should show a step another server made, at its next sweep', async () => {
    const other = await startHarness({ store: h.store });
    try {
      const stream = await follow(otherId);
      const first = await stream.waitFor(() => true);
      const sent = await other.sendEvents([cloudEvent('counter.bump', { counterId: 'S-2' })]);
      expect(sent.status).toBe(202);
      await vi.waitFor(
        async () => {
          const seen = (await (
            await other.request('GET', `/api/instances/${otherId}`)
          ).json()) as Detail;
          expect(seen.revision).toBeGreaterThan(first.revision);
        },
        { timeout: 10_000 },
      );
      // The other server's steps and document are stored; this one hears of them by its sweep.
      await other.xiaoer.runtime.idle();
      expect(stream.events.at(-1)?.revision).toBe(first.revision);
      await h.clock.advance(2000);
      const moved = await stream.waitFor((detail) => detail.revision > first.revision);
      expect(moved.data.count).toBe((first.data.count ?? 0) + 1);
      await stream.close();
    } finally {
      await other.close();
    }
  });

  it('should answer 404 for an unknown instance', async () => {
    const response = await h.request('GET', '/api/instances/no-such-instance/stream');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'instance-not-found',
    );
  });

  it('should refuse an unauthenticated request and an API key', async () => {
    const anonymous = await h.request('GET', `/api/instances/${instanceId}/stream`, undefined, '');
    expect(anonymous.status).toBe(401);
    const { key } = await h.xiaoer.auth.createApiKey('stream-key', 'shop', 'admin');
    const byKey = await h.request('GET', `/api/instances/${instanceId}/stream`, undefined, key);
    expect(byKey.status).toBe(403);
    expect(h.xiaoer.instanceFeed.openStreams).toBe(0);
  });

  it('should let a viewer follow an instance', async () => {
    const viewer = await userToken(h, 'stream-viewer', 'viewer');
    const stream = await follow(instanceId, viewer);
    expect((await stream.waitFor(() => true)).id).toBe(instanceId);
    await stream.close();
  });
});
