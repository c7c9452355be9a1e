import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { userToken } from '../routing/routing-fixture.ts';
import { Exposition, scrape } from './exposition.ts';

const TOKEN = 'metrics-token-for-prometheus-only';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    config: { metrics: { token: TOKEN, cacheMs: 0 } },
    // As the server connects (server/store-connection.ts): commands feed the store metrics.
    monitorCommands: true,
  });
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

const get = (path: string, authorization?: string) =>
  fetch(`${h.url}${path}`, { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('should answer 401 without the metrics token or a login, and 403 to an intake API key', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TOKEN}`]) {
      const response = await get('/metrics', authorization);
      expect([authorization, response.status]).toEqual([authorization, 401]);
      const body = (await response.json()) as { error: { code: string; message: { zh: string } } };
      expect(body.error.code).toBe('unauthenticated');
      expect(body.error.message.zh).toBeTruthy();
    }
    const created = await h.request('POST', '/api/api-keys', { name: 'erp', source: SOURCE.id });
    const { key } = (await created.json()) as { key: string };
    expect((await get('/metrics', `Bearer ${key}`)).status).toBe(403);
  });

  it('should serve the text format to the metrics token and to any console login', async () => {
    const response = await get('/metrics', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const scraped = new Exposition(await response.text());
    expect(scraped.text).toContain('# HELP xiaoer_events_received_total ');
    expect(scraped.text).toContain('# TYPE xiaoer_http_request_duration_seconds histogram');
    // prom-client's default process metrics, under their usual names.
    expect(scraped.has('process_cpu_user_seconds_total')).toBe(true);
    expect(scraped.has('nodejs_heap_size_used_bytes')).toBe(true);
    const viewer = await userToken(h, 'metrics-viewer', 'viewer');
    expect((await get('/metrics', `Bearer ${viewer}`)).status).toBe(200);
    expect((await get('/metrics', `Bearer ${h.token}`)).status).toBe(200);
  });

  it("should serve only metrics docs/runtime.md's Metrics table describes", async () => {
    const scraped = await (await get('/metrics', `Bearer ${TOKEN}`)).text();
    const served = [...scraped.matchAll(/^# HELP (xiaoer_\w+) /gm)].map((m) => m[1]);
    const doc = await readFile(new URL('../../docs/runtime.md', import.meta.url), 'utf8');
    const table = doc.split('\n## Metrics\n')[1]?.split('\n## ')[0] ?? '';
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });

  it('should time HTTP requests by route pattern and status, never by raw URL', async () => {
    await h.sendEvents({
      id: 'evt-metrics-http',
      type: 'counter.opened',
      source: '/tests',
      data: { counterId: 'H-1', count: 0 },
    });
    await h.xiaoer.intake.idle();
    const before = await scrape(h, TOKEN);
    const instance = encodeURIComponent('counter:H-1:1');
    for (let n = 0; n < 3; n++)
      expect((await h.request('GET', `/api/instances/${instance}`)).status).toBe(200);
    expect((await h.request('GET', '/api/instances/counter%3ANOPE%3A1')).status).toBe(404);
    // Refused by the route's own permission check: still named by its route.
    expect((await h.request('GET', `/api/instances/${instance}`, undefined, '')).status).toBe(401);
    expect((await h.request('GET', '/api/no-such-route/42')).status).toBe(404);
    const after = await scrape(h, TOKEN);

    const count = (route: string, status: string) =>
      after.value('xiaoer_http_request_duration_seconds_count', { method: 'GET', route, status }) -
      before.value('xiaoer_http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(count('/api/instances/:id', '200')).toBe(3);
    expect(count('/api/instances/:id', '404')).toBe(1);
    expect(count('/api/instances/:id', '401')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    // The signed intake and the scrape itself are timed too.
    expect(
      after.value('xiaoer_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/events',
        status: '202',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      after.value('xiaoer_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/metrics',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);

    const routes = after
      .labelsOf('xiaoer_http_request_duration_seconds_count')
      .map((l) => l['route']);
    expect(routes.filter((route) => /H-1|NOPE|42|%3A/.test(route ?? ''))).toEqual([]);
    expect(after.text).not.toContain('counter:H-1:1');
  });

  it('should count and time the store commands by command and collection', async () => {
    const before = await scrape(h, TOKEN);
    for (const n of [1, 2])
      await h.sendEvents({
        id: `evt-metrics-store-${n}`,
        type: 'counter.opened',
        source: '/tests',
        data: { counterId: `S-${n}`, count: 0 },
      });
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const after = await scrape(h, TOKEN);
    const grew = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    const inbox = { command: 'insert', collection: 'inbox' };
    const sent = grew('xiaoer_store_commands_total', inbox);
    expect(sent).toBeGreaterThanOrEqual(1);
    // Each command sent was answered and timed, and its time falls in one of the buckets.
    expect(grew('xiaoer_store_command_duration_seconds_count', inbox)).toBe(sent);
    expect(grew('xiaoer_store_command_duration_seconds_sum', inbox)).toBeGreaterThan(0);
    expect(grew('xiaoer_store_command_duration_seconds_bucket', { ...inbox, le: '+Inf' })).toBe(
      sent,
    );
    expect(after.has('xiaoer_store_command_duration_seconds_bucket')).toBe(true);
    expect(
      after.labelsOf('xiaoer_store_command_duration_seconds_bucket').map((l) => l['le']),
    ).toContain('0.002');
    // Garbage-collection pauses in buckets of the same size (prom-client's jump 10 → 100 ms).
    expect(after.labelsOf('nodejs_gc_duration_seconds_bucket').map((l) => l['le'])).toContain(
      '0.002',
    );
  });
});
