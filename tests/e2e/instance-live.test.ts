import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { cloudEvent } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { adminSession } from './browser.ts';

/**
 * Issue 22: the instance page, the instances page and the editor's live counts follow the
 * server's streams (`GET /api/instances/:id/stream`, `GET /api/instances/stream`,
 * `GET /api/workflows/:id/flow/stream`) instead of asking every few seconds, and ask only while
 * a stream fails.
 */
const session = adminSession([]);
let published = false;

/** Opens counter `counterId` and answers its instance id. */
async function openCounter(counterId: string): Promise<string> {
  const { h } = session;
  if (!published) await h.publish(counterWorkflow);
  published = true;
  expect((await h.sendEvents([cloudEvent('counter.opened', { counterId, count: 0 })])).status).toBe(
    202,
  );
  return vi.waitFor(
    async () => {
      const answer = (await (
        await h.request('GET', `/api/instances?workflow=counter&correlation=${counterId}`)
      ).json()) as { instances: { id: string }[] };
      const id = answer.instances[0]?.id;
      if (!id) throw new Error('not started yet');
      return id;
    },
    { timeout: 10_000 },
  );
}

/** The page's requests for the instance (`GET /api/instances/<id>`) and for its stream. */
function watchRequests(page: Page, id: string) {
  const seen = { detail: 0, stream: 0 };
  const path = `/api/instances/${id}`;
  page.on('request', (request) => {
    const pathname = decodeURIComponent(new URL(request.url()).pathname);
    if (pathname === path) seen.detail++;
    if (pathname === `${path}/stream`) seen.stream++;
  });
  return seen;
}

/**
 * While a stream fails the page asks every 3 s: the page's clock (Playwright's, installed
 * once; it runs with real time otherwise) is moved 3 s ahead at each look, instead of waiting.
 */
async function polling(page: Page): Promise<() => Promise<void>> {
  if (!clockInstalled) await page.clock.install();
  clockInstalled = true;
  return () => page.clock.fastForward(3000);
}
let clockInstalled = false;

const count = (page: Page) =>
  page
    .locator('.instance-data')
    .textContent()
    .then((text) => (JSON.parse(text ?? '{}') as { count?: number }).count);

describe('the instance page', () => {
  it('should show each step as it happens, from the stream, without asking again', async () => {
    const { h, page } = session;
    const id = await openCounter('LIVE-1');
    const seen = watchRequests(page, id);
    await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    await page.getByTestId('instance-timeline').waitFor();
    await expect.poll(() => count(page)).toBe(0);

    await h.sendEvents([cloudEvent('counter.bump', { counterId: 'LIVE-1' })]);
    await expect.poll(() => count(page), { timeout: 10_000 }).toBe(1);
    await h.sendEvents([cloudEvent('counter.bump', { counterId: 'LIVE-1' })]);
    await expect.poll(() => count(page), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('instance-timeline').locator('tr.ant-table-row').count()).toBe(3);
    // Both steps came on the one stream; the page never asked for the instance itself.
    expect(seen).toEqual({ detail: 0, stream: 1 });
  });

  it('should ask every few seconds while the stream fails, and still show each step', async () => {
    const { h, page } = session;
    const id = await openCounter('LIVE-2');
    const seen = watchRequests(page, id);
    const stream = `**/api/instances/${encodeURIComponent(id)}/stream`;
    await page.route(stream, (route) => route.abort());
    const later = await polling(page);
    try {
      await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
      await expect.poll(() => count(page), { timeout: 10_000 }).toBe(0);
      await h.sendEvents([cloudEvent('counter.bump', { counterId: 'LIVE-2' })]);
      await expect.poll(async () => (await later(), count(page)), { timeout: 15_000 }).toBe(1);
      expect(seen.detail).toBeGreaterThan(1);
    } finally {
      await page.unroute(stream);
    }
  });
});

/** The page's requests for `path` itself and for `path/stream` (any query). */
function watchPath(page: Page, path: string) {
  const seen = { asked: 0, stream: 0 };
  page.on('request', (request) => {
    const pathname = decodeURIComponent(new URL(request.url()).pathname);
    if (pathname === path) seen.asked++;
    if (pathname === `${path}/stream`) seen.stream++;
  });
  return seen;
}

describe('the instances page', () => {
  it('should show new instances from the stream, without asking for the list', async () => {
    const { h, page } = session;
    const first = await openCounter('LIST-1');
    const seen = watchPath(page, '/api/instances');
    await page.goto(`${h.url}/#/instances`);
    await page.getByTestId(`instance-${first}`).waitFor();
    const next = await openCounter('LIST-2');
    await page.getByTestId(`instance-${next}`).waitFor({ timeout: 15_000 });
    // The list came on the one stream, first and again; the page never asked for it.
    expect(seen).toEqual({ asked: 0, stream: 1 });
  });

  it('should ask every few seconds while the stream fails, and still show new instances', async () => {
    const { h, page } = session;
    const seen = watchPath(page, '/api/instances');
    const stream = '**/api/instances/stream*';
    await page.route(stream, (route) => route.abort());
    const later = await polling(page);
    try {
      // Away and back, the journeys drawn in between: the list's stream of the test before
      // closes, and the list opens a new one, which fails (two hash changes at once could leave
      // the list and its old stream in place).
      await page.goto(`${h.url}/#/workflows`);
      await page.getByTestId('create-from-template').waitFor();
      await page.goto(`${h.url}/#/instances`);
      const next = await openCounter('LIST-3');
      const shown = page.getByTestId(`instance-${next}`);
      await expect
        .poll(async () => (await later(), shown.isVisible()), { timeout: 15_000 })
        .toBe(true);
      await expect
        .poll(async () => (await later(), seen.asked), { timeout: 15_000 })
        .toBeGreaterThan(1);
    } finally {
      await page.unroute(stream);
    }
  });
});

describe("the editor's live counts", () => {
  it('should count an instance reaching a node from the stream, without asking again', async () => {
    const { h, page } = session;
    await openCounter('FLOW-1');
    const seen = watchPath(page, '/api/workflows/counter/flow');
    await page.goto(`${h.url}/#/workflows/counter`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('overlay').click();
    await page.getByText('实时计数 · 1 d').click();
    const resting = async () => Number(await page.getByTestId('count-waitBump').textContent());
    await expect.poll(resting, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await resting();
    await openCounter('FLOW-2');
    await expect.poll(resting, { timeout: 15_000 }).toBe(before + 1);
    expect(seen).toEqual({ asked: 0, stream: 1 });
  });
});
