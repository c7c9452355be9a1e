import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { generateWorkflow } from '../../bench/engine/workflow-generator.ts';
import { launchBrowser, logInPage, screenshot, shipped } from './browser.ts';

/**
 * Issue 21 in Chromium (Chinese, 1440x900): a large journey opens without the minimap (it
 * redraws every node on each pan) and shows it on request; in simulation, the customer's
 * answer to a question is picked from the node's options, not typed as JSON.
 */
let h: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(await shipped('order-lifecycle'));
  const large = { ...generateWorkflow(400), id: 'large-400', name: '大旅程 / Large' };
  expect((await h.request('POST', '/api/workflows', large)).status).toBe(201);
  browser = await launchBrowser();
  page = await logInPage(browser, h.url, 'admin', ADMIN_PASSWORD);
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshot(page, `failed-canvas-${context.task.name.replace(/\W+/g, '-')}`).catch(
      () => {},
    );
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the canvas and the simulation, for an operator', () => {
  it('should open a large journey without the minimap, and show it on request', async () => {
    await page.goto(`${h.url}/#/workflows/large-400`);
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    expect(await page.locator('.react-flow__background').count()).toBe(0);
    const toggle = page.getByTestId('toggle-minimap');
    expect(await toggle.getAttribute('title')).toBe('显示或隐藏小地图');
    await toggle.click();
    await page.locator('.react-flow__minimap').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'editor-large-minimap');
    await toggle.click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
  });

  it('should keep the minimap and the dotted background of a small journey', async () => {
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('node-orderCreated').waitFor();
    await page.locator('.react-flow__minimap').waitFor();
    expect(await page.locator('.react-flow__background').count()).toBe(1);
    expect(await page.getByTestId('toggle-minimap').getAttribute('aria-pressed')).toBe('true');
  });

  it("should answer a question in simulation with one of the node's options", async () => {
    await page.getByTestId('simulation-tab').click();
    await page.getByTestId('simulation-start').click();
    await expect.poll(() => page.getByTestId('simulation-node').textContent()).toBe('waitShipment');
    await page.getByTestId('simulation-send-order.shipped').click();
    await expect.poll(() => page.getByTestId('simulation-node').textContent()).toBe('waitDelivery');
    await page.getByTestId('simulation-send-order.delivered').click();
    await page.getByTestId('simulation-duration').fill('1d');
    await page.getByTestId('simulation-advance').click();
    await expect
      .poll(() => page.getByTestId('simulation-node').textContent())
      .toBe('satisfactionSurvey');
    // The answers are the node's options, labelled in the console's language.
    const best = page.getByTestId('simulation-reply-s5');
    expect(await best.textContent()).toContain('5 分');
    expect(await page.locator('[data-testid^="simulation-reply-"]').count()).toBe(5);
    await screenshot(page, 'editor-simulation-reply');
    await best.click();
    await expect.poll(() => page.getByTestId('simulation-status').textContent()).toBe('done');
    expect(
      await page.locator('.react-flow__node.journey-visited[data-id="thankYou"]').count(),
    ).toBe(1);
  });
});
