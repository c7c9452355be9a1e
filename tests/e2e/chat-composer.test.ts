import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, releaseBrowser } from './browser.ts';
import { contrastOf } from './contrast.ts';

/**
 * The customer's chat page used for real, on a phone and on a desktop: the text box (its
 * label, Enter and Shift+Enter, the focus), messages refused (too long, too many) kept in the
 * box with the reason in the customer's language, and the stream coming back after the server
 * turned it away.
 */
let h: Harness;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  // Three messages a minute per conversation, and one live stream per customer.
  h = await startHarness({
    config: { chat: { limits: { messagesPerConversation: 3, streamsPerCustomer: 1 } } },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

async function chatPage(
  customer: string,
  lang: 'zh' | 'en',
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${h.url}/chat.html?customer=${customer}&lang=${lang}`);
  await page.locator('.chat-message.from-bot').first().waitFor();
  return page;
}

describe('the chat page used for real', () => {
  it('should label its box, send on Enter, start a line on Shift+Enter and keep the focus, on a phone', async () => {
    const page = await chatPage('phone-en', 'en', { width: 375, height: 667 });
    const box = page.getByRole('textbox', { name: 'Your message' });
    expect(await box.getAttribute('aria-describedby')).toBe('chat-hint');
    await box.pressSequentially('first line');
    await box.press('Shift+Enter');
    await box.pressSequentially('مرحبا');
    await box.press('Enter');
    const mine = page.locator('.chat-message.from-customer');
    await expect.poll(() => mine.last().textContent()).toBe('first line\nمرحبا');
    expect(await mine.last().getAttribute('dir')).toBe('auto');
    expect(await box.inputValue()).toBe('');

    const long = 'x'.repeat(600);
    await box.fill(long);
    await page.locator('#chat-send').click();
    await expect.poll(() => mine.last().textContent()).toBe(long);
    // The focus stays in the box; a word without spaces wraps inside the screen.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    const tooLong = 'y'.repeat(2001);
    await box.fill(tooLong);
    await box.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The message is too long (2001 characters, at most 2000); shorten it and send again.');
    expect(await box.inputValue()).toBe(tooLong);
    // The reason is tied to the box, which says it is not sendable, until a send goes through.
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.getAttribute('aria-describedby')).toBe('chat-hint chat-error');
    await box.fill('shorter');
    await box.press('Enter');
    await expect.poll(() => mine.last().textContent()).toBe('shorter');
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    expect(await box.getAttribute('aria-describedby')).toBe('chat-hint');
    expect(errors).toEqual([]);
  });

  it('should show every text at a contrast of at least 4.5:1, on a page in Chinese', async () => {
    const page = await chatPage('contrast-zh', 'zh', { width: 1280, height: 800 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    // One line of each kind, a choice and a reason shown, with the page's own styles.
    await page.evaluate(() => {
      const line = (from: string, text: string) => {
        const item = document.createElement('li');
        item.className = `chat-message from-${from}`;
        item.textContent = text;
        document.getElementById('chat-messages')?.append(item);
        return item;
      };
      line('customer', '我的快递到哪了');
      const name = document.createElement('span');
      name.className = 'chat-agent-name';
      name.textContent = '小美';
      line('agent', '我来帮您查').prepend(name);
      line('system', '客服小美已接入');
      const option = document.createElement('button');
      option.textContent = '查物流';
      document.getElementById('chat-options')?.append(option);
      const problem = document.getElementById('chat-error') as HTMLElement;
      problem.textContent = '这条消息没有发出，请稍后再试。';
      problem.hidden = false;
    });
    const texts = [
      '#chat-title',
      '#chat-status',
      '.from-customer',
      '.from-bot',
      '.from-agent',
      '.chat-agent-name',
      '.from-system',
      '#chat-options button',
      '#chat-send',
      '#chat-error',
    ];
    const ratios = Object.fromEntries(
      await Promise.all(
        texts.map(
          async (text) =>
            [text, Math.round((await contrastOf(page.locator(text).first())) * 100) / 100] as const,
        ),
      ),
    );
    expect(Object.entries(ratios).filter(([, ratio]) => ratio < 4.5)).toEqual([]);
  });

  it('should keep a message the server refuses as too many in the box, and say so in Chinese', async () => {
    const page = await chatPage('desktop-zh', 'zh', { width: 1280, height: 800 });
    const box = page.getByRole('textbox', { name: '您的消息' });
    for (const text of ['一', '二', '三']) {
      await box.fill(text);
      await box.press('Enter');
      await expect
        .poll(() => page.locator('.chat-message.from-customer').last().textContent())
        .toBe(text);
    }
    await box.fill('第四条');
    await box.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('您发送得太快了，请稍等片刻再发送。');
    expect(await box.inputValue()).toBe('第四条');
    expect(await page.locator('.chat-message.from-customer').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('should follow the conversation once the server lets the stream in after turning it away', async () => {
    // The customer's one stream is taken (another tab): the server answers this page's 429.
    const opened = await h.request('POST', '/api/chat/conversations', {
      customer: { id: 'two-tabs' },
    });
    const other = (await opened.json()) as { id: string; token: string };
    const taken = new AbortController();
    const stream = await fetch(
      `${h.url}/api/chat/conversations/${other.id}/stream?token=${other.token}`,
      { signal: taken.signal },
    );
    expect(stream.status).toBe(200);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${h.url}/chat.html?customer=two-tabs&lang=zh`);
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe('连接中…');
    taken.abort();
    await page.locator('.chat-message.from-bot').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe('在线');
  });

  it('should stay where the customer scrolled up when an answer comes, and show their own line', async () => {
    const page = await chatPage('reader-en', 'en', { width: 375, height: 667 });
    const { conversations } = (await (await h.request('GET', '/api/conversations')).json()) as {
      conversations: { _id: string; customer: { id: string } }[];
    };
    const id = conversations.find((c) => c.customer.id === 'reader-en')?._id;
    const answer = (text: string) =>
      h.request('POST', `/api/conversations/${id}/messages`, { text });
    for (let line = 1; line <= 12; line++) await answer(`Answer ${line}: ${'words '.repeat(20)}`);
    const log = page.getByRole('log');
    const fromEnd = () =>
      log.evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
    await page.getByText('Answer 12:').waitFor();
    await expect.poll(fromEnd).toBeLessThanOrEqual(2);
    await log.evaluate((box) => box.scrollTo({ top: 0 }));
    await answer('One more answer');
    await page.getByText('One more answer').waitFor();
    expect(await log.evaluate((box) => box.scrollTop)).toBe(0);
    await page.getByRole('textbox', { name: 'Your message' }).fill('thanks');
    await page.getByRole('textbox', { name: 'Your message' }).press('Enter');
    await page.locator('.chat-message.from-customer', { hasText: 'thanks' }).waitFor();
    await expect.poll(fromEnd).toBeLessThanOrEqual(2);
  });

  it('should notice a chat closed for idleness, and start a new one on request', async () => {
    const page = await chatPage('idle-en', 'en', { width: 1280, height: 800 });
    // Every conversation with the bot is idle a second from now: the idle timer closes them.
    await h.xiaoer.desk.closeIdle(0, Date.now() + 1000);
    await expect
      .poll(() => page.locator('#chat-status').textContent())
      .toBe('The conversation has ended');
    expect(await page.getByRole('textbox', { name: 'Your message' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Start a new chat' }).click();
    await page.locator('.chat-message.from-bot').first().waitFor();
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe('Online');
    expect(await page.locator('.chat-message').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
