import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, releaseBrowser, screenshot } from './browser.ts';
import { contrastOf } from './contrast.ts';

/**
 * The customer's chat in Chromium: a shop page with the one-line widget, the chat in its
 * iframe, live answers, text shown as text, and a message written while offline delivered once.
 */
let h: Harness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let chat: FrameLocator;
let host: Server;
let hostUrl: string;

const lines = (from: string) => chat.locator(`.chat-message.from-${from}`);

beforeAll(async () => {
  // A shop's page on another origin, the widget's tag in its <head> (run before the body
  // exists), beside the page's own global and style.
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html><head><script>window.$ = 'the shop';</script>` +
        `<script src="${h.url}/chat-widget.js" data-customer="head-tag" data-lang="en"></script>` +
        `<style>body { background: rgb(1, 2, 3) }</style></head><body><p>shop</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  h = await startHarness({ config: { chat: { allowedOrigins: [hostUrl] } } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
  host?.close();
});

describe('the chat widget on a shop page', () => {
  it('should open the chat from the button and greet the customer', async () => {
    await page.goto(`${h.url}/chat-demo.html`);
    // Its words stand out from its blue at 4.5:1 or more (WCAG AA).
    expect(await contrastOf(page.locator('#xiaoer-chat-button'))).toBeGreaterThanOrEqual(4.5);
    await page.locator('#xiaoer-chat-button').click();
    chat = page.frameLocator('#xiaoer-chat-frame');
    await lines('bot').first().waitFor();
    expect(await lines('bot').first().textContent()).toContain('小二');
    await expect.poll(() => chat.locator('#chat-status').textContent()).toBe('在线');
  });

  it('should show what the customer writes and the answer, live', async () => {
    await chat.locator('#chat-input').fill('qwzx plorf');
    await chat.locator('#chat-input').press('Enter');
    await lines('customer').first().waitFor();
    await expect.poll(() => lines('bot').count()).toBe(2);
    expect(await lines('bot').nth(1).textContent()).toContain('没太明白');
  });

  it('should show markup a customer types as text', async () => {
    const markup = '<img src=x onerror="window.__hacked=1">';
    await chat.locator('#chat-input').fill(markup);
    await chat.locator('#chat-send').click();
    await expect.poll(() => lines('customer').last().textContent()).toBe(markup);
    expect(await chat.locator('.chat-messages img').count()).toBe(0);
    expect(await page.frame({ url: /chat\.html/ })!.evaluate('window.__hacked')).toBeUndefined();
  });

  it("should make a knowledge answer's http(s) addresses links, and nothing else in it", async () => {
    // Answers are Markdown (raw HTML is refused when saved): an address, a link, a script URL.
    const answer =
      '退货流程见 https://shop.example/returns?from=chat&x=1。' +
      '也可以看[退货须知](https://shop.example/rules)，别点 javascript:window.__hacked=1';
    const created = await h.request('POST', '/api/knowledge/articles', {
      id: 'returns-link',
      questions: ['退货流程在哪里看'],
      answer: { zh: answer, en: answer },
    });
    expect(created.status).toBe(201);
    await chat.locator('#chat-input').fill('退货流程在哪里看');
    await chat.locator('#chat-input').press('Enter');
    const line = lines('bot').filter({ hasText: '退货流程见' });
    await line.waitFor();
    expect(await line.textContent()).toBe(
      '退货流程见 https://shop.example/returns?from=chat&x=1。' +
        '也可以看退货须知，别点 javascript:window.__hacked=1',
    );
    const links = (locator: typeof line) =>
      locator
        .locator('a')
        .evaluateAll((found) =>
          found.map((a) => [
            a.getAttribute('href'),
            a.getAttribute('target'),
            a.getAttribute('rel'),
            a.textContent,
          ]),
        );
    expect(await links(line)).toEqual([
      [
        'https://shop.example/returns?from=chat&x=1',
        '_blank',
        'noopener noreferrer',
        'https://shop.example/returns?from=chat&x=1',
      ],
      ['https://shop.example/rules', '_blank', 'noopener noreferrer', '退货须知'],
    ]);
  });

  it("should deliver a message written while offline once, and an agent's answer after it", async () => {
    const listed = (await (await h.request('GET', '/api/conversations')).json()) as {
      conversations: {
        _id: string;
        customer: { id: string; tier: string; verified: boolean };
      }[];
    };
    const conversation = listed.conversations.find((c) => c.customer.id === 'demo-customer');
    // The demo page signs its customer as a shop's server would: verified, and the VIP it says.
    expect(conversation?.customer).toMatchObject({ tier: 'vip', verified: true });
    await context.setOffline(true);
    await chat.locator('#chat-input').fill('断网时写的 / written offline');
    await chat.locator('#chat-input').press('Enter');
    await expect.poll(() => chat.locator('#chat-status').textContent()).toContain('重试');
    await context.setOffline(false);
    await expect
      .poll(() => lines('customer').last().textContent(), { timeout: 20_000 })
      .toBe('断网时写的 / written offline');
    const said =
      '您好，我是客服小李。<b>见</b> https://shop.example/a <a href="javascript:1">x</a>';
    const reply = await h.request('POST', `/api/conversations/${conversation?._id}/messages`, {
      text: said,
    });
    expect(reply.status).toBe(201);
    await lines('agent').first().waitFor({ timeout: 20_000 });
    // An agent's markup is text; only the http(s) address is a link.
    await expect.poll(() => lines('agent').first().textContent()).toContain(said);
    expect(await lines('agent').first().locator('b').count()).toBe(0);
    expect(
      await lines('agent')
        .first()
        .locator('a')
        .evaluateAll((found) => found.map((a) => a.getAttribute('href'))),
    ).toEqual(['https://shop.example/a']);
    await expect.poll(() => chat.locator('#chat-status').textContent()).toBe('在线');
    const stored = (await (
      await h.request('GET', `/api/conversations/${conversation?._id}`)
    ).json()) as { messages: { text: string }[] };
    expect(stored.messages.filter((m) => m.text === '断网时写的 / written offline')).toHaveLength(
      1,
    );
    await screenshot(page, 'chat-widget');
  });

  it("should greet an English browser in English on the demo shop's page", async () => {
    const english = await browser.newContext({ locale: 'en-US' });
    try {
      const shop = await english.newPage();
      await shop.goto(`${h.url}/chat-demo.html`);
      const button = shop.locator('#xiaoer-chat-button');
      await expect.poll(() => button.textContent()).toBe('💬 Chat with us');
      await button.click();
      const frame = shop.frameLocator('#xiaoer-chat-frame');
      await expect.poll(() => frame.locator('#chat-title').textContent()).toBe('Xiaoer service');
    } finally {
      await english.close();
    }
  });

  it("should work from a tag in a foreign page's head, leaving the page's styles and globals alone", async () => {
    const shop = await context.newPage();
    const failures: string[] = [];
    shop.on('pageerror', (error) => failures.push(error.message));
    await shop.goto(hostUrl);
    const button = shop.getByRole('button', { name: '💬 Chat with us' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const frame = shop.frameLocator('#xiaoer-chat-frame');
    await frame.locator('.chat-message.from-bot').first().waitFor();
    expect(await frame.locator('.chat-message.from-bot').first().textContent()).toContain('Xiaoer');
    expect(failures).toEqual([]);
    expect(
      await shop.evaluate(() => [
        (window as unknown as { $: string }).$,
        getComputedStyle(document.body).backgroundColor,
      ]),
    ).toEqual(['the shop', 'rgb(1, 2, 3)']);
    await shop.close();
  });

  it("should fill a phone's screen with the chat, its close button clear of the status", async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const shop = await phone.newPage();
    await shop.goto(`${h.url}/chat-demo.html`);
    await shop.locator('#xiaoer-chat-button').click();
    const status = shop.frameLocator('#xiaoer-chat-frame').locator('#chat-status');
    await expect.poll(() => status.textContent()).toBe('在线');
    const frame = await shop.locator('#xiaoer-chat-frame').boundingBox();
    expect(frame).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
    const close = await shop.getByRole('button', { name: '关闭客服' }).boundingBox();
    const said = await status.boundingBox();
    expect(close && said && said.x + said.width <= close.x).toBe(true);
    await phone.close();
  });
});
