import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, releaseBrowser } from './browser.ts';

/**
 * Where the keyboard's focus goes in the customer's chat when what had it goes away: a choice
 * pressed (the choices are removed), the chat ended (the box is disabled).
 */
let h: Harness;
let browser: Browser;

beforeAll(async () => {
  // Any near question is offered as a choice (no paraphrase reaches the threshold).
  h = await startHarness({ config: { knowledge: { threshold: 0.98, suggestFloor: 0.05 } } });
  const created = await h.request('POST', '/api/knowledge/articles', {
    id: 'gift-wrap',
    status: 'published',
    questions: ['可以帮我包装成礼物吗'],
    answer: { zh: '可以，下单时备注“礼物包装”即可，免费。' },
  });
  expect(created.status).toBe(201);
  browser = await launchBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || null);

async function chatPage(customer: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${h.url}/chat.html?customer=${customer}&lang=zh`);
  await page.locator('.chat-message.from-bot').first().waitFor();
  return page;
}

describe("the chat's focus", () => {
  it('should go to the text box when a choice pressed with the keyboard is removed', async () => {
    const page = await chatPage('focus-choice');
    const box = page.getByRole('textbox', { name: '您的消息' });
    await box.fill('礼物包装怎么弄');
    await box.press('Enter');
    const choice = page.getByRole('button', { name: '可以帮我包装成礼物吗' });
    await choice.focus();
    await choice.press('Enter');
    await page.getByText('礼物包装”即可').waitFor();
    expect(await choice.count()).toBe(0);
    expect(await focused(page)).toBe('chat-input');
    await page.context().close();
  });

  it('should go to "Start a new chat" when the chat ends while the customer is in its box', async () => {
    const page = await chatPage('focus-end');
    const box = page.getByRole('textbox', { name: '您的消息' });
    await box.fill('你好');
    await box.press('Enter');
    await page.locator('.chat-message.from-customer').first().waitFor();
    expect(await focused(page)).toBe('chat-input');
    const { conversations } = (await (await h.request('GET', '/api/conversations')).json()) as {
      conversations: { _id: string; customer: { id: string } }[];
    };
    const mine = conversations.find((c) => c.customer.id === 'focus-end');
    expect((await h.request('POST', `/api/conversations/${mine?._id}/close`)).status).toBe(200);
    const again = page.getByRole('button', { name: '开始新的会话' });
    await again.waitFor({ timeout: 15_000 });
    expect(await box.isDisabled()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('chat-new');
    await page.context().close();
  });
});

describe('the widget on a phone, open over the whole screen', () => {
  /** The shop's page with a link before and after the widget, on a phone, the chat open. */
  async function openOnPhone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const shop = await context.newPage();
    await shop.goto(`${h.url}/chat-demo.html`);
    await shop.locator('#xiaoer-chat-button').waitFor();
    await shop.evaluate(() => {
      const link = (text: string) =>
        Object.assign(document.createElement('a'), { href: `#${text}`, textContent: text });
      document.body.prepend(link('before'));
      document.body.append(link('after'));
    });
    await shop.locator('#xiaoer-chat-button').click();
    await shop
      .frameLocator('#xiaoer-chat-frame')
      .locator('.chat-message.from-bot')
      .first()
      .waitFor();
    return shop;
  }
  /** Where the focus is: the shop's element, or the chat's inside its frame. */
  const where = (shop: Page) =>
    shop.evaluate(() => {
      const active = document.activeElement;
      if (!(active instanceof HTMLIFrameElement)) return active?.id || active?.textContent || '';
      const inner = active.contentDocument?.activeElement;
      return `chat:${inner?.id || inner?.className || inner?.tagName}`;
    });

  it('should close on Esc in the chat, with the focus back on the chat button', async () => {
    const shop = await openOnPhone();
    const box = shop.frameLocator('#xiaoer-chat-frame').getByRole('textbox', { name: '您的消息' });
    await box.focus();
    await box.press('Escape');
    await expect.poll(() => shop.locator('#xiaoer-chat-frame').isVisible()).toBe(false);
    const button = shop.getByRole('button', { name: '💬 在线客服' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await where(shop)).toBe('xiaoer-chat-button');
    // Open again, Esc on the close button closes it too.
    await button.click();
    await shop.getByRole('button', { name: '关闭客服' }).press('Escape');
    await expect.poll(() => shop.locator('#xiaoer-chat-frame').isVisible()).toBe(false);
    await shop.context().close();
  });

  it('should keep Tab and Shift+Tab in the chat and its close button', async () => {
    const shop = await openOnPhone();
    const close = shop.getByRole('button', { name: '关闭客服' });
    await close.focus();
    const seen: string[] = [];
    for (let step = 0; step < 6; step++) {
      await shop.keyboard.press('Tab');
      await expect.poll(() => where(shop)).not.toBe('');
      seen.push(await where(shop));
    }
    expect(seen.every((at) => at === 'xiaoer-chat-button' || at.startsWith('chat:'))).toBe(true);
    expect(seen).toContain('xiaoer-chat-button');
    expect(seen).toContain('chat:chat-input');
    // Backwards from the close button: into the chat, at its last control.
    await close.focus();
    await shop.keyboard.press('Shift+Tab');
    await expect.poll(() => where(shop)).toBe('chat:chat-send');
    await shop.context().close();
  });

  it('should say a chat that could not start as an alert, with the focus on it', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    // The conversation cannot be opened; the customer is in the box before the answer comes.
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/chat/conversations', async (route) => {
      await answered;
      await route.fulfill({ status: 503, body: '{}', contentType: 'application/json' });
    });
    await page.goto(`${h.url}/chat.html?customer=focus-failed&lang=zh`);
    await page.getByRole('textbox', { name: '您的消息' }).focus();
    answer();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('无法开始会话，请稍后再试');
    expect(await focused(page)).toBe('chat-error');
    await context.close();
  });
});
