import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, logInPage, releaseBrowser, screenshot } from './browser.ts';

/**
 * A spent budget in the console (`http.consoleBudgets`): the try-a-message box says, in the
 * console's language, how many tries a minute there are and in how many seconds to try again.
 */
let h: Harness;
let browser: Browser;
let current: Page | undefined;

beforeAll(async () => {
  h = await startHarness({ config: { http: { consoleBudgets: { classificationsPerMinute: 1 } } } });
  browser = await launchBrowser();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && current)
    await screenshot(current, `failed-${context.task.name.replace(/\W+/g, '-')}`).catch(() => {});
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

describe('a spent budget in the console', () => {
  it('should say in zh and in en when to try a message again', async () => {
    const page = await logInPage(browser, h.url, 'admin', ADMIN_PASSWORD);
    current = page;
    await page.getByTestId('nav-knowledge').click();
    const box = page.getByTestId('try-message').locator('input');
    await box.fill('我要退款');
    await box.press('Enter');
    await page.getByTestId('try-result').waitFor();
    await box.fill('我要退货');
    await box.press('Enter');
    await page
      .getByText(/已达上限：意图识别测试每位用户每分钟最多 1 次。请在 \d+ 秒后再试。/)
      .waitFor();
    await screenshot(page, 'budget-spent');

    await page.getByTestId('language').click();
    await box.fill('I want a refund');
    await box.press('Enter');
    await page
      .getByText(
        /Limit reached: test classifications, at most 1 per user a minute\. Try again in \d+ s\./,
      )
      .waitFor();
  });
});
