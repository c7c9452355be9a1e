import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkflowDocument } from '@xiaoer/engine';
import { ADMIN_PASSWORD, SOURCE, cloudEvent, type Harness } from '@xiaoer/server/testing';
import { adminSession, screenshot, shipped } from './browser.ts';

/**
 * An operator in Chromium (Chinese, 1440x900) against the real server and store: build and
 * publish a four-node journey from a template and see its first run; the editor's safety
 * rails (Ctrl+S, the leave guard, the publish dialog's change list); a 20-node journey that
 * fits the window; the empty-canvas guide.
 */
const session = adminSession(['order-lifecycle']);
let h: Harness;
let page: Page;
beforeAll(() => void ({ h, page } = session));

const stored = async (id: string) =>
  (await (await h.request('GET', `/api/workflows/${id}`)).json()) as {
    revision: number;
    document: WorkflowDocument;
  };

describe('an operator in the console', () => {
  it('should start a journey from a template', async () => {
    await page.getByTestId('create-from-template').click();
    await page.getByTestId('template-order-thank-you').click();
    // The id and name come from the template; the operator keeps them.
    expect(await page.getByTestId('new-id').inputValue()).toBe('order-thank-you');
    await screenshot(page, 'operator-new-from-template');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('node-thankYou').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(4);
    // The nodes say what they do.
    expect(await page.getByTestId('summary-thankYou').textContent()).toMatch(/^短信: 【小二商城】/);
    expect(await page.getByTestId('summary-orderCreated').textContent()).toBe('当 order.created');
    expect(await page.getByTestId('problem-count').textContent()).toBe('校验通过');
    await screenshot(page, 'operator-editor-from-template');
    // The trigger's data is a list of fields, not a JSON Schema text; picking changes nothing.
    await page.getByTestId('node-orderCreated').click();
    const fields = page.getByTestId('data-fields');
    await fields.waitFor();
    expect(await fields.locator('input').first().inputValue()).toBe('orderId');
    expect(await page.getByTestId('event-picker-root_event').count()).toBe(1);
    expect(await page.getByText('有未保存的修改').count()).toBe(0);
    await screenshot(page, 'operator-trigger-form');
  });

  it('should save with Ctrl+S, and ask before leaving unsaved edits', async () => {
    await page.getByTestId('node-thankYou').click();
    // The message previews with the sample order.
    expect(await page.getByTestId('preview-root_message_zh').textContent()).toContain(
      '张三您好，感谢您的订单 SIM-1001',
    );
    const label = page.getByTestId('inspector').locator('input').first();
    await label.fill('致谢 / Thanks');
    await label.blur();
    await page.getByText('有未保存的修改').waitFor();
    // Leaving asks; staying keeps the edit.
    await page.getByText('全部旅程').click();
    await page.getByText('离开后这些修改会丢失。要先保存吗？').waitFor();
    await screenshot(page, 'operator-leave-guard');
    await page.getByRole('button', { name: '留下', exact: true }).click();
    expect(await page.getByTestId('node-thankYou').isVisible()).toBe(true);
    expect(page.url()).toContain('#/workflows/order-thank-you');

    await page.keyboard.press('Control+s');
    await page.getByText('已保存（修订 2）').waitFor();
    expect(await page.getByText('有未保存的修改').count()).toBe(0);
    expect((await stored('order-thank-you')).document.nodes[1]?.label).toBe('致谢 / Thanks');
  });

  it('should publish after a dialog that lists what goes live, and see the first run', async () => {
    await page.getByTestId('publish').click();
    const changes = page.getByTestId('publish-changes');
    await expect.poll(() => changes.locator('[data-kind="node-added"]').count()).toBe(4);
    expect(await changes.locator('[data-kind="edge-added"]').count()).toBe(3);
    await page.getByTestId('publish-note').fill('从模板发布 / from the template');
    await screenshot(page, 'operator-publish-dialog');
    await page.getByTestId('publish-ok').click();
    await page.getByText('已发布版本 1').waitFor();

    await h.shop.createOrder({ orderId: 'OP-1' });
    const id = 'order-thank-you:OP-1:1';
    await expect
      .poll(
        async () => {
          const response = await h.request('GET', `/api/instances/${id}`);
          return response.ok ? ((await response.json()) as { status: string }).status : '';
        },
        { timeout: 15_000 },
      )
      .toBe('done');
    await page.getByTestId('nav-instances').click();
    await page.getByTestId(`instance-${id}`).click();
    await page.getByTestId('instance-canvas').locator('.react-flow__node').first().waitFor();
    expect(await page.getByTestId('instance-status').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('instance-status').textContent()).toBe('已完成');
    expect(await page.locator('.react-flow__edge.journey-path').count()).toBe(2);
    await screenshot(page, 'operator-first-run');
  });

  it("should open a node's steps like an execution view, and mark a send to nobody", async () => {
    // A click on the message node shows the steps in and out of it, opened.
    await page.getByTestId('instance-canvas').getByTestId('node-thankYou').click();
    await page.getByTestId('instance-node-steps').waitFor();
    const send = page.getByTestId('instance-timeline').getByTestId('step-effect-send').first();
    await send.waitFor();
    expect(await send.textContent()).toContain('感谢您的订单 OP-1');
    expect(await send.textContent()).toMatch(/1380000\d{4}/);
    expect(await send.getAttribute('data-alarm')).toBe('');
    expect(
      await page
        .getByTestId('instance-timeline')
        .getByTestId('step-event-data')
        .first()
        .textContent(),
    ).toContain('"orderId": "OP-1"');
    await screenshot(page, 'operator-run-history');

    // An order without a phone number: the message goes to nobody, and the history says so.
    await h.sendEvents(
      cloudEvent('order.created', { orderId: 'OP-2', customer: { name: '无号码', phone: '' } }),
    );
    const id = 'order-thank-you:OP-2:1';
    await expect
      .poll(async () => (await h.request('GET', `/api/instances/${id}`)).status, {
        timeout: 15_000,
      })
      .toBe(200);
    // The list flags it already; the first run, which reached its customer, is not flagged.
    await page.goto(`${h.url}/#/instances`);
    const flagged = page.getByTestId(`alarms-${id}`);
    await expect
      .poll(() => flagged.getAttribute('data-alarms'), { timeout: 10_000 })
      .toBe('empty-recipient');
    expect(await flagged.textContent()).toBe('接收人为空');
    expect(
      await page.getByTestId('alarms-order-thank-you:OP-1:1').getAttribute('data-alarms'),
    ).toBe('');
    await screenshot(page, 'operator-instances-flagged');
    await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    await page.getByTestId('instance-alarms').waitFor();
    expect(await page.locator('.step-alarm').count()).toBeGreaterThan(0);
    await page.locator('.step-alarm .ant-table-row-expand-icon').first().click();
    const empty = page.getByTestId('instance-timeline').getByTestId('step-effect-send').first();
    expect(await empty.getAttribute('data-alarm')).toBe('empty-recipient');
    expect(await empty.textContent()).toContain('（接收人为空）');
    await screenshot(page, 'operator-run-empty-recipient');
  });

  it('should list the field that changed when publishing again', async () => {
    await page.goto(`${h.url}/#/workflows/order-thank-you`);
    await page.getByTestId('node-thankYou').click();
    await page.locator('#root_message_zh').fill('【小二商城】谢谢 {{customer.name}}！');
    await page.getByTestId('publish').click();
    const changes = page.getByTestId('publish-changes');
    await changes.locator('[data-kind="field"]').first().waitFor();
    // The node by its label, the field by the inspector's labels (not config.message.zh).
    expect(await changes.textContent()).toContain('致谢 / Thanks · 消息内容 › 中文');
    expect(await changes.locator('[data-kind="node-added"]').count()).toBe(0);
    // The first run replays through the edited journey: the message it sent would differ.
    const replay = page.getByTestId('publish-replay');
    await replay.waitFor();
    expect(await replay.textContent()).toMatch(/用最近 \d+ 个实例重放/);
    await screenshot(page, 'operator-publish-again');
    await page.getByRole('button', { name: '取消', exact: true }).click();
  });

  it('should fit the 20-node order lifecycle into the window', async () => {
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('node-orderCreated').waitFor();
    await page.getByTestId('canvas').waitFor({ state: 'visible' });
    const expected = (await shipped('order-lifecycle')).nodes.length;
    // Nodes are measured, then fitted: read the boxes once the canvas settled (or fail after 10 s).
    const outside = async () => {
      const canvas = await page.getByTestId('canvas').boundingBox();
      const boxes = await page
        .locator('.react-flow__node')
        .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
      if (!canvas || boxes.length !== expected) return -1;
      return boxes.filter(
        (box) =>
          box.left < canvas.x - 1 ||
          box.right > canvas.x + canvas.width + 1 ||
          box.top < canvas.y - 1 ||
          box.bottom > canvas.y + canvas.height + 1,
      ).length;
    };
    await expect.poll(outside, { timeout: 10_000 }).toBe(0);
    // Each node can be clicked on its own: no two drawn nodes overlap.
    const overlapping = await page.locator('.react-flow__node').evaluateAll((nodes) =>
      nodes.flatMap((a, i) =>
        nodes.slice(i + 1).flatMap((b) => {
          const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
          const apart =
            p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
          return apart ? [] : [`${a.getAttribute('data-id')} / ${b.getAttribute('data-id')}`];
        }),
      ),
    );
    expect(overlapping).toEqual([]);
    // The page is the window: no panel below the fold.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      900,
    );
    await screenshot(page, 'operator-order-lifecycle-fit');
    await page.getByTestId('language').click();
    await page.getByTestId('summary-confirmOrder').getByText('SMS:').waitFor();
    await screenshot(page, 'operator-order-lifecycle-fit-en');
    await page.getByTestId('language').click();
  });

  it('should guide on an empty canvas and fill it from a template', async () => {
    await page.getByText('全部旅程').click();
    await page.getByTestId('create-workflow').click();
    // The id follows the name (a Chinese one gives journey-1) until one is typed.
    await page.getByTestId('new-name').fill('从向导开始');
    expect(await page.getByTestId('new-id').inputValue()).toBe('journey-1');
    await page.getByTestId('new-id').fill('from-guide');
    await page.getByTestId('new-name').fill('从向导开始 / From the guide');
    expect(await page.getByTestId('new-id').inputValue()).toBe('from-guide');
    await page.getByTestId('new-name').fill('从向导开始');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('empty-canvas-guide').waitFor();
    await screenshot(page, 'operator-empty-canvas');
    await page.getByTestId('empty-canvas-guide').getByTestId('template-order-thank-you').click();
    await page.getByTestId('guide-use-template').click();
    await page.getByTestId('node-thankYou').waitFor();
    expect(await page.getByTestId('empty-canvas-guide').count()).toBe(0);
    await page.keyboard.press('Control+s');
    await page.getByText('已保存（修订 2）').waitFor();
    const saved = await stored('from-guide');
    expect(saved.document.name).toBe('从向导开始');
    expect(saved.document.nodes.map((n) => n.id)).toEqual([
      'orderCreated',
      'thankYou',
      'thanked',
      'notDelivered',
    ]);
  });

  it('should run the shop from the admin pages: users, API keys, dead letters, audit', async () => {
    // An operator action to find in the audit log.
    expect(
      (
        await h.request(
          'POST',
          `/api/instances/${encodeURIComponent('order-thank-you:OP-2:1')}/cancel`,
        )
      ).status,
    ).toBe(200);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-page').waitFor();
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-new-id').fill('agent zhang');
    await page.getByTestId('user-new-submit').click();
    await page.getByText('1–64 个字母、数字或 _ . @ -').waitFor();
    await page.getByTestId('user-new-id').fill('agent-zhang');
    await page.getByTestId('user-new-password').fill('zhang-password-1');
    await page.getByTestId('user-new-submit').click();
    await page.getByTestId('user-agent-zhang').waitFor();
    const users = (await (await h.request('GET', '/api/users')).json()) as {
      users: { id: string; role: string }[];
    };
    expect(users.users).toContainEqual(
      expect.objectContaining({ id: 'agent-zhang', role: 'agent' }),
    );
    await screenshot(page, 'operator-admin-users');

    // A skill group for refunds, then the new user serves it: an agent, without the API.
    await page.getByTestId('admin-skill-groups-tab').click();
    await page.getByTestId('skill-group-add').click();
    await page.getByTestId('skill-group-id').fill('after-sales');
    await page.getByTestId('skill-group-title-zh').fill('售后');
    await page.getByTestId('skill-group-title-en').fill('After-sales');
    await page.getByTestId('skill-group-intents').click();
    await page.keyboard.type('退款'); // the list is long: search it as an operator would
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^退款$/ })
      .click();
    await page.getByTestId('skill-group-title-en').click(); // the list closes
    await page.getByTestId('skill-group-save').click();
    await page.getByTestId('skill-group-after-sales').getByText('退款').waitFor();
    const saved = (await (await h.request('GET', '/api/skill-groups/after-sales')).json()) as {
      title: { zh: string; en: string };
      intents: string[];
    };
    expect(saved).toMatchObject({ title: { zh: '售后', en: 'After-sales' }, intents: ['refund'] });
    await screenshot(page, 'operator-admin-skill-groups');

    await page.getByRole('tab', { name: '用户与角色' }).click();
    expect(await page.getByTestId('user-capacity-agent-zhang').count()).toBe(0); // not an agent yet
    await page.getByTestId('user-skills-agent-zhang').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^售后$/ })
      .click();
    await page.getByTestId('user-capacity-agent-zhang').waitFor();
    const agents = (await (await h.request('GET', '/api/agents')).json()) as {
      agents: { _id: string; skills: string[]; maxConcurrent: number }[];
    };
    expect(agents.agents).toContainEqual(
      expect.objectContaining({ _id: 'agent-zhang', skills: ['after-sales'] }),
    );
    await page.getByTestId('admin-page').locator('h3').click(); // the list closes
    const capacity = page.getByTestId('user-capacity-agent-zhang');
    await capacity.fill('5');
    await capacity.press('Enter');
    await expect
      .poll(async () => {
        const after = (await (await h.request('GET', '/api/agents')).json()) as typeof agents;
        return after.agents.find((agent) => agent._id === 'agent-zhang')?.maxConcurrent;
      })
      .toBe(5);

    await page.getByRole('tab', { name: 'API 密钥' }).click();
    await page.getByTestId('key-name').fill('shop key!');
    await page.getByTestId('key-create').click();
    // What a name may be and which source to choose, in the console's words (not a regex).
    await page.getByText('1–64 个字母、数字或 _ . -').waitFor();
    await page.getByText('请选择事件来源').waitFor();
    await page.getByTestId('key-name').fill('shop-key');
    await page.getByTestId('key-source').click();
    await page.getByTitle(SOURCE.id, { exact: true }).click();
    await page.getByTestId('key-create').click();
    expect(await page.getByTestId('key-secret').textContent()).toMatch(/^\S{20,}/);
    await screenshot(page, 'operator-admin-keys');

    await page.getByTestId('admin-audit-tab').click();
    await page.getByTestId('audit-log').getByText('instance.cancel').waitFor();
    await page.getByTestId('admin-dead-tab').click();
    await screenshot(page, 'operator-admin-dead-letters');
  });

  it('should open the chat full screen on a phone and close it again', async () => {
    const phone = await page
      .context()
      .browser()!
      .newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        reducedMotion: 'reduce',
      });
    try {
      const shop = await phone.newPage();
      await shop.goto(`${h.url}/chat-demo.html`);
      await shop.locator('#xiaoer-chat-button').click();
      const frame = shop.locator('#xiaoer-chat-frame');
      await frame.waitFor();
      expect(await frame.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      expect(await shop.locator('#xiaoer-chat-button').textContent()).toBe('✕');
      await shop.frameLocator('#xiaoer-chat-frame').locator('.chat').waitFor();
      await screenshot(shop, 'operator-chat-phone');
      await shop.locator('#xiaoer-chat-button').click();
      expect(await frame.isVisible()).toBe(false);
      expect(await shop.locator('#xiaoer-chat-button').textContent()).toBe('💬 在线客服');
    } finally {
      await phone.close();
    }
  });

  it('should keep every section, the language switch and logout in reach on a 900-px laptop', async () => {
    // An agent's row has the widest controls (display name, skill groups, capacity).
    const agent = 'agent-narrow';
    expect(
      (
        await h.request('POST', '/api/users', {
          id: agent,
          password: 'narrow-pass-1',
          role: 'agent',
        })
      ).status,
    ).toBe(201);
    expect(
      (await h.request('PUT', `/api/agents/${agent}`, { displayName: '窄屏 Narrow' })).status,
    ).toBe(200);
    const narrow = await session.logIn('admin', ADMIN_PASSWORD);
    try {
      await narrow.setViewportSize({ width: 900, height: 800 });
      const inView = async (testId: string) => {
        const box = await narrow.getByTestId(testId).boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= 900 && box.y + box.height <= 64;
      };
      // The menu gives up the sections that do not fit to its "more" item, not the header's end.
      await expect.poll(() => inView('language')).toBe(true);
      expect(await inView('logout')).toBe(true);
      expect(await inView('nav-more')).toBe(true);
      // The title stays on one line.
      expect((await narrow.locator('.shell-title').boundingBox())?.height).toBeLessThan(32);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBe(900);
      // A section under "more" opens from it.
      await narrow.getByTestId('nav-more').hover();
      await narrow.locator('.ant-menu-submenu-popup').getByTestId('nav-admin').click();
      await narrow.getByTestId('user-add').waitFor();
      expect(narrow.url()).toContain('#/admin');
      // The users' table, wider in English, scrolls in itself: the page under the header does not.
      await narrow.getByTestId('language').click();
      await narrow.getByText('Users and roles').waitFor();
      await narrow.getByTestId(`user-name-${agent}`).waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBe(900);
      const reset = narrow.getByTestId(`user-reset-${agent}`);
      await reset.scrollIntoViewIfNeeded();
      const resetBox = await reset.boundingBox();
      expect(resetBox && resetBox.x + resetBox.width).toBeLessThanOrEqual(900);
      await screenshot(narrow, 'operator-narrow-admin');
      // The editor's canvas keeps the middle of the window.
      await narrow.goto(`${h.url}/#/workflows/order-lifecycle`);
      await narrow.getByTestId('canvas').waitFor({ state: 'visible' });
      expect((await narrow.getByTestId('canvas').boundingBox())?.width).toBeGreaterThanOrEqual(400);
      await screenshot(narrow, 'operator-narrow-editor');
    } finally {
      await narrow.context().close();
    }
  });

  // Every page in both languages, with a screenshot of each, is i18n-pages.test.ts's walk;
  // here the switch in the header turns an open page's menu over, and back.
  it('should switch a page already open to English and back from the header', async () => {
    await page.goto(`${h.url}/#/analytics`);
    await page.getByTestId('user').waitFor();
    const nav = page.getByTestId('nav-analytics');
    expect(await nav.textContent()).toBe('数据分析');
    await page.getByTestId('language').click();
    await expect.poll(() => nav.textContent()).toBe('Analytics');
    expect(await page.getByTestId('nav-knowledge').textContent()).toBe('Knowledge');
    // The other language's name as it is written, and in that language for a screen reader.
    expect(await page.getByTestId('language').textContent()).toBe('中文');
    expect(await page.getByTestId('language').locator('[lang="zh-CN"]').count()).toBe(1);
    await screenshot(page, 'page-analytics-en');
    // Back to Chinese for whoever comes next.
    await page.getByTestId('language').click();
    await expect.poll(() => nav.textContent()).toBe('数据分析');
    expect(await page.getByTestId('language').textContent()).toBe('English');
    expect(await page.getByTestId('language').locator('[lang="en"]').count()).toBe(1);
  });
});
