import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { cloudEvent } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { adminSession } from './browser.ts';

/**
 * Issue 22: the instance page follows its instance on the server's stream
 * (`GET /api/instances/:id/stream`) instead of asking every 3 s, and asks only while the
 * stream fails.
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
    try {
      await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
      await expect.poll(() => count(page), { timeout: 10_000 }).toBe(0);
      await h.sendEvents([cloudEvent('counter.bump', { counterId: 'LIVE-2' })]);
      await expect.poll(() => count(page), { timeout: 15_000 }).toBe(1);
      expect(seen.detail).toBeGreaterThan(1);
    } finally {
      await page.unroute(stream);
    }
  });
});
