import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadJourney } from '../journeys/journey-files.ts';
import { erpMapping } from '../platforms/platform-fixtures.ts';
import { signedHeaders } from '@xiaoer/server';
import { ADMIN_PASSWORD, cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { launchBrowser, releaseBrowser, logInPage, screenshot } from './browser.ts';

/**
 * An operator on the events page in Chromium (Chinese): what became of each received event,
 * the node a parked one waits behind, the pointers of invalid data, filters, the link to the
 * instance's run view and the warning for a source no journey listens to.
 */
const QUIET = {
  id: 'quiet-erp',
  kind: 'mapped' as const,
  secret: 'quiet-secret-0123456789',
  mapping: { type: { pointer: '/event', values: { STOCK: 'stock.changed' } }, data: {} },
};
/** An ERP's own JSON, mapped to order events: its order without a name is shown invalid. */
const ERP = {
  id: 'e2e-erp',
  kind: 'mapped' as const,
  secret: 'e2e-erp-secret-0123456789',
  mapping: erpMapping,
};
let h: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ config: { sources: [QUIET, ERP] } });
  await h.publish(loadJourney('order-lifecycle'));
  const customer = { name: '韩梅梅', phone: '+8613800138000' };
  await h.sendEvents(cloudEvent('order.created', { orderId: 'E2E-1', customer, paid: false }));
  await h.xiaoer.intake.idle();
  await h.sendEvents(cloudEvent('order.delivered', { orderId: 'E2E-1' }));
  // Over /api/events such data is refused (422); a platform's webhook is shown as invalid.
  const nameless = JSON.stringify({
    msgId: 'E2E-2',
    event: 'ORDER_NEW',
    order: { code: 'E2E-2', receiver: { mobile: '13800138000' } },
  });
  await fetch(`${h.url}/api/webhooks/mapped/${ERP.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(ERP.id, ERP.secret, nameless) },
    body: nameless,
  });
  await h.xiaoer.intake.idle();
  await h.xiaoer.runtime.idle();
  browser = await launchBrowser();
  page = await logInPage(browser, h.url, 'admin', ADMIN_PASSWORD);
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await screenshot(page, `failed-events-${context.task.name.replace(/\W+/g, '-')}`).catch(
      () => {},
    );
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

describe('the events page', () => {
  it('should show each event with its outcome, why, and warn of a source no journey hears', async () => {
    await page.getByTestId('nav-events').click();
    await page.getByTestId('event-started').waitFor();
    expect(await page.getByTestId('unheard-sources').textContent()).toContain('quiet-erp');
    expect(await page.getByTestId('event-waiting').textContent()).toBe(
      '实例 order-lifecycle:E2E-1:1 正停在节点 waitPayment，等的不是这个事件',
    );
    expect(await page.getByTestId('event-invalid').textContent()).toContain('数据不合法');
    expect(await page.getByTestId('event-problem').textContent()).toBe(
      '/data/customer/name 缺少必填属性 "name"',
    );
    await screenshot(page, 'events-page');
  });

  it('should filter by outcome and by order', async () => {
    await page.getByTestId('filter-order').locator('input').fill('E2E-2');
    await page.getByTestId('filter-order').locator('input').press('Enter');
    await page.getByTestId('event-started').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid^="event-"][data-row-key]').count()).toBe(1);
    await page.getByTestId('filter-order').locator('input').fill('');
    await page.getByTestId('filter-order').locator('input').press('Enter');
    await page.getByTestId('event-started').waitFor();
    await page.getByTestId('filter-outcome').click();
    await page.getByTitle('暂存（旅程还没等到这一步）').click();
    await page.getByTestId('event-started').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid^="event-"][data-row-key]').count()).toBe(1);
    expect(await page.getByTestId('event-parked').count()).toBe(1);
  });

  it('should open the run view of an instance the event reached', async () => {
    await page
      .getByTestId('event-parked')
      .getByTestId('event-instance-order-lifecycle:E2E-1:1')
      .click();
    await page.waitForURL(/#\/instances\/order-lifecycle%3AE2E-1%3A1$/);
    await page.getByText('waitPayment').first().waitFor();
  });
});
