import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { INSTANCE_STREAMS_PER_USER } from '@xiaoer/server/internal';
import { userToken } from '../routing/routing-fixture.ts';
import { openStream, type OpenStream } from './event-stream-client.ts';
import { counterWorkflow } from './test-workflows.ts';

/**
 * Issue 22: the instances page and the editor's live counts follow server-sent events
 * (`GET /api/instances/stream`, `GET /api/workflows/:id/flow/stream`) instead of asking every
 * few seconds; same role, filters and errors as the list and the counts; each user keeps at
 * most INSTANCE_STREAMS_PER_USER live pages open.
 */
interface List {
  instances: { id: string; correlation: string; node: string }[];
  total: number;
}
interface Flow {
  workflow: string;
  nodes: Record<string, number>;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

const open = async (counterId: string) =>
  expect((await h.sendEvents([cloudEvent('counter.opened', { counterId, count: 0 })])).status).toBe(
    202,
  );
const watchList = (query: string, token = h.token) =>
  openStream<List>(`${h.url}/api/instances/stream${query}`, token, 'list');
const openLive = () => h.xiaoer.liveQueries.openStreams;

describe('the instances list stream', () => {
  it('should send the list at once, then again when an instance starts or moves', async () => {
    await open('L-1');
    // L-1's document is written behind its steps: stored before the stream's first answer,
    // which must hold it (waited for, an answer without it would come at the 3 s sweep).
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const stream = await watchList('?workflow=counter&pageSize=50');
    const first = await stream.waitFor(() => true);
    expect(first.instances.map((i) => i.correlation)).toContain('L-1');
    await open('L-2');
    // Its step is committed: the list is read again after the settling pause (500 ms), which
    // the clock moves past rather than waits.
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    await h.clock.advance(500);
    const grown = await stream.waitFor((list) =>
      list.instances.some((i) => i.correlation === 'L-2'),
    );
    // The same answer the list route gives.
    const listed = (await (
      await h.request('GET', '/api/instances?workflow=counter&pageSize=50')
    ).json()) as List;
    expect(grown.total).toBe(listed.total);
    await stream.close();
    await expect.poll(openLive).toBe(0);
  });

  it("should hold the list's filters: bad ones are the list's 400, and nothing is opened", async () => {
    for (const query of ['?status=sleeping', '?nope=1']) {
      const stream = await h.request('GET', `/api/instances/stream${query}`);
      const list = await h.request('GET', `/api/instances${query}`);
      expect(stream.status).toBe(400);
      expect(((await stream.json()) as { error: { code: string } }).error.code).toBe(
        ((await list.json()) as { error: { code: string } }).error.code,
      );
    }
    expect(openLive()).toBe(0);
  });

  it("should hold the list's role: no login 401, an API key 403, a viewer may", async () => {
    expect((await h.request('GET', '/api/instances/stream', undefined, '')).status).toBe(401);
    const { key } = await h.xiaoer.auth.createApiKey('list-stream-key', 'shop', 'admin');
    expect((await h.request('GET', '/api/instances/stream', undefined, key)).status).toBe(403);
    const viewer = await userToken(h, 'list-viewer', 'viewer');
    const stream = await watchList('?workflow=counter', viewer);
    expect((await stream.waitFor(() => true)).total).toBeGreaterThan(0);
    await stream.close();
  });
});

describe("the editor's counts stream", () => {
  it('should send the counts at once, then again after a step of that journey', async () => {
    await open('F-1');
    // F-1's document is written behind its steps: stored before the stream's first count.
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const stream = await openStream<Flow>(
      `${h.url}/api/workflows/counter/flow/stream?since=${since}`,
      h.token,
      'flow',
    );
    try {
      const first = await stream.waitFor(() => true);
      expect(first.workflow).toBe('counter');
      const resting = first.nodes['waitBump'] ?? 0;
      await open('F-2');
      await h.xiaoer.intake.idle();
      await h.xiaoer.runtime.idle();
      await h.clock.advance(500);
      const moved = await stream.waitFor((flow) => (flow.nodes['waitBump'] ?? 0) > resting);
      expect(moved.nodes['waitBump']).toBe(resting + 1);
    } finally {
      await stream.close();
    }
    const bad = await h.request('GET', '/api/workflows/counter/flow/stream?hours=2');
    expect(bad.status).toBe(400);
  });
});

describe('live pages per user', () => {
  it('should refuse one more than the cap with a 429 in zh and en, until one closes', async () => {
    const operator = await userToken(h, 'many-pages', 'operator');
    const streams: OpenStream<unknown>[] = [];
    for (let i = 0; i < INSTANCE_STREAMS_PER_USER; i++)
      streams.push(await watchList(`?page=${i + 1}`, operator));
    expect(openLive()).toBe(INSTANCE_STREAMS_PER_USER);

    const refused = await h.request('GET', '/api/instances/stream', undefined, operator);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    const { error } = (await refused.json()) as {
      error: { code: string; message: { zh: string; en: string } };
    };
    expect(error.code).toBe('too-many-streams');
    expect(error.message.zh).toContain(`最多 ${INSTANCE_STREAMS_PER_USER} 个`);
    expect(error.message.en).toContain(`at most ${INSTANCE_STREAMS_PER_USER} per user`);
    // The cap counts every live page: an instance's and the counts' streams too.
    const instanceId = (await h
      .request('GET', '/api/instances?workflow=counter')
      .then((r) => r.json())) as List;
    const id = instanceId.instances[0]!.id;
    expect(
      (await h.request('GET', `/api/instances/${id}/stream`, undefined, operator)).status,
    ).toBe(429);
    expect(
      (await h.request('GET', '/api/workflows/counter/flow/stream', undefined, operator)).status,
    ).toBe(429);
    // Nothing was opened by the refusals; another user is not held by this one's pages.
    expect(openLive()).toBe(INSTANCE_STREAMS_PER_USER);
    const other = await watchList('', h.token);
    await other.close();

    await streams.pop()!.close();
    await vi.waitFor(() => expect(openLive()).toBe(INSTANCE_STREAMS_PER_USER - 1));
    // The slot comes back as the response closes.
    const again = await vi.waitFor(() => watchList('', operator));
    await again.close();
    for (const stream of streams) await stream.close();
    await expect.poll(openLive).toBe(0);
  });
});
