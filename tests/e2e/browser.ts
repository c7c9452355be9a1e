import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Screenshots of the main screens, kept as test artifacts (not committed). */
export const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url);

/** A journey shipped in `workflows/`, by file name. */
export const shipped = async (name: string): Promise<WorkflowDocument> =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${name}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

/** Starts headless Chromium; a missing browser fails with what to install. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** A new browser context as a reduced-motion, Chinese desktop, logged in to the console. */
export async function logInPage(
  browser: Browser,
  url: string,
  user: string,
  password: string,
  /** The browser's clock zone (the shop's, where dates matter). */
  timezoneId?: string,
): Promise<Page> {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('username').fill(user);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('login').click();
  await page.getByTestId('user').waitFor();
  return page;
}

/**
 * Sets the agent desk's status to online and waits until the server has it. Under load the
 * desk's first load of the status can land after the click and show "away" again (seen in CI),
 * so the click is repeated until the server says online.
 */
export async function goOnlineInDesk(page: Page, isOnline: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByTestId('agent-status').getByText('在线').click();
    const online = await vi
      .waitFor(
        async () => {
          if (!(await isOnline())) throw new Error('not online yet');
        },
        { timeout: 3000, interval: 300 },
      )
      .then(
        () => true,
        () => false,
      );
    if (online) return;
  }
  throw new Error('The agent desk did not go online');
}
