import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, releaseBrowser, logInPage } from './browser.ts';

/**
 * Issue 18 in Chromium: the logged-in console once rendered inside another site's iframe.
 * Now a page elsewhere cannot frame the console; the shop's page (chat.allowedOrigins) can
 * frame the chat, another page cannot.
 */
let h: Harness;
let browser: Browser;
let page: Page;
const pages: Server[] = [];

/** A page on its own origin (127.0.0.1, another port: same site, another origin) with iframes. */
async function framingPage(): Promise<{ url: string; set: (frames: string[]) => void }> {
  let frames: string[] = [];
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>shop</title>${frames.map((src, i) => `<iframe id="f${i}" src="${src}" width="600" height="400"></iframe>`).join('')}`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  pages.push(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (list) => (frames = list),
  };
}

let shop: Awaited<ReturnType<typeof framingPage>>;
let elsewhere: Awaited<ReturnType<typeof framingPage>>;

beforeAll(async () => {
  shop = await framingPage();
  elsewhere = await framingPage();
  h = await startHarness({ config: { chat: { allowedOrigins: [shop.url] } } });
  browser = await launchBrowser();
  page = await logInPage(browser, h.url, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
  for (const server of pages) server.close();
});

/** The frame of `#id` once its navigation settled (a refused frame shows Chromium's error page). */
async function frameOf(id: string): Promise<Frame> {
  const handle = await page.locator(`#${id}`).elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForLoadState();
  return frame!;
}

describe('framing (issue 18)', () => {
  it('should not render the logged-in console in a frame of another page', async () => {
    elsewhere.set([`${h.url}/`]);
    await page.goto(elsewhere.url);
    const frame = await frameOf('f0');
    await page.waitForTimeout(1000);
    expect(await frame.locator('[data-testid="user"]').count()).toBe(0);
    expect(await frame.locator('#root').count()).toBe(0);
  });

  it("should render the chat in the shop's frame, and not in another page's", async () => {
    shop.set([`${h.url}/chat.html?customer=frame-1`]);
    await page.goto(shop.url);
    await (await frameOf('f0')).locator('#chat-input').waitFor();

    elsewhere.set([`${h.url}/chat.html?customer=frame-2`]);
    await page.goto(elsewhere.url);
    const refused = await frameOf('f0');
    await page.waitForTimeout(1000);
    expect(await refused.locator('#chat-input').count()).toBe(0);
  });
});
