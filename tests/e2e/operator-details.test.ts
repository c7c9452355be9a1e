import { describe, expect, it } from 'vitest';
import { cloudEvent } from '@xiaoer/server/testing';
import type { InstanceDetail } from '../../packages/builder-ui/src/api/api-client.ts';
import {
  endNode,
  orderTrigger,
  workflowOf,
} from '../../packages/engine/src/testing/fixtures/workflow-builder.ts';
import { adminSession, orderInstance, screenshot } from './browser.ts';

/**
 * Issue 21 in Chromium (Chinese, 1440x900), details an operator relies on: in simulation, the
 * customer's answer is picked from the node's options, not typed as JSON; a waiting
 * instance's run history shows its timer with why it was set and when it is due; a message
 * takes a variable by a click and previews it, with what setData nodes upstream set;
 * auto-layout is one click and undoable; the channel picker says how each channel delivers;
 * the publish dialog lists what blocks publishing.
 */
/**
 * Allowed hours that begin three hours after the test starts (UTC, for an hour): a wait of
 * 30 minutes started now is always moved to their start, whatever the time of day.
 */
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const quiet = { from: hhmm(Date.now() + 3 * 3_600_000), to: hhmm(Date.now() + 4 * 3_600_000) };
const quietHoursJourney = workflowOf(
  [
    orderTrigger(),
    ['pause', 'wait', { duration: '30m', allowedHours: { ...quiet, timeZone: 'UTC' } }],
    endNode(),
  ],
  [
    ['start', 'next', 'pause'],
    ['pause', 'next', 'done'],
  ],
  'quiet-hours',
);
const session = adminSession(['order-lifecycle', quietHoursJourney]);

describe('details an operator relies on', () => {
  it("should answer a question in simulation with one of the node's options", async () => {
    const { h, page } = session;
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('node-orderCreated').waitFor();
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
    await expect
      .poll(() => page.getByTestId('simulation-status').getAttribute('data-status'))
      .toBe('done');
    expect(
      await page.locator('.react-flow__node.journey-visited[data-id="thankYou"]').count(),
    ).toBe(1);
  });

  it("should show a waiting instance's timer with its purpose and due time in the run history", async () => {
    const { h, page } = session;
    const id = await orderInstance(h, 'TM-1');
    await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    await page.getByTestId('instance-canvas').getByTestId('node-waitShipment').click();
    const timer = page.getByTestId('instance-timeline').getByTestId('step-effect-timer').first();
    await timer.waitFor();
    // The order-system's shipment is awaited 48 hours: the timer says so, in Chinese. Its
    // delay reads in days from 48 hours on, so a due time a millisecond later than the step
    // says "2天" (it failed once in CI that way); both are the same 48 hours.
    expect(await timer.textContent()).toMatch(/^超时到期 .+（(48小时|2天) 后）已排定$/);
    await screenshot(page, 'run-history-timer');
  });

  it('should show the exact time a wait asked for and where the allowed hours moved it (issue 21)', async () => {
    const { h, page } = session;
    await h.sendEvents(cloudEvent('order.created', { orderId: 'QH-1' }));
    const id = 'quiet-hours:QH-1:1';
    await expect
      .poll(async () => (await h.request('GET', `/api/instances/${id}`)).status)
      .toBe(200);
    const detail = (await (
      await h.request('GET', `/api/instances/${id}`)
    ).json()) as InstanceDetail;
    // The engine recorded what the journey asked for beside the due time: 30 minutes after
    // the event, moved to the start of the allowed hours (which begin 3 h after the test).
    const step = detail.timeline.find((s) => s.to === 'pause');
    const timer = step?.effects.find((e) => e.kind === 'schedule');
    const asked = new Date(Date.parse(step?.event.at ?? '') + 30 * 60_000);
    const due = new Date(asked);
    due.setUTCHours(Number(quiet.from.slice(0, 2)), Number(quiet.from.slice(3)), 0, 0);
    if (due < asked) due.setUTCDate(due.getUTCDate() + 1);
    expect(timer).toEqual({
      kind: 'schedule',
      id: 'pause#2:wait',
      nodeId: 'pause',
      timerId: 'pause#2:wait',
      purpose: 'wait',
      requestedAt: asked.toISOString(),
      requestedDelayMs: 30 * 60_000,
      dueAt: due.toISOString(),
      allowedHours: { ...quiet, timeZone: 'UTC' },
    });
    await page.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    await page.getByTestId('instance-canvas').getByTestId('node-pause').click();
    const reason = page.getByTestId('instance-timeline').getByTestId('step-timer-reason').first();
    await reason.waitFor();
    // The history shows those times as recorded, in the allowed hours' time zone.
    const inUtc = new Intl.DateTimeFormat('zh-CN', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    expect(await reason.getAttribute('data-moved')).toBe('true');
    expect(await reason.getAttribute('data-requested-at')).toBe(asked.toISOString());
    const text = (await reason.textContent()) ?? '';
    expect(text.startsWith(` 要求等待 30分钟（至 ${inUtc.format(asked)}），`)).toBe(true);
    expect(text).toContain(`因允许时段 ${quiet.from}–${quiet.to}（UTC）顺延 `);
    expect(text.endsWith(`，至 ${inUtc.format(due)}`)).toBe(true);
    await screenshot(page, 'run-history-allowed-hours');
  });

  it('should preview a variable a setData node sets upstream, not leave it empty (issue 21)', async () => {
    const { h, page } = session;
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('node-satisfactionSurvey').click();
    // orderNumber comes from the orderNumberOrId node (the order number, or else the order id).
    await expect
      .poll(() => page.getByTestId('preview-root_question_zh').textContent())
      .toContain('您的订单 SIM-1001 已签收');
    expect(await page.getByTestId('preview-root_question_en').textContent()).toContain(
      'Your order SIM-1001 was delivered',
    );
  });

  it('should add a variable to a message by clicking it, and preview the message', async () => {
    const { h, page } = session;
    await page.goto(`${h.url}/#/workflows/order-lifecycle`);
    await page.getByTestId('node-thankYou').click();
    const variables = page.getByTestId('variables-root_message_zh');
    await variables.waitFor();
    expect(await variables.textContent()).toContain('orderId');
    const message = page.locator('#root_message_zh');
    await message.fill('订单 ');
    await variables.getByText('orderId', { exact: true }).click();
    expect(await message.inputValue()).toBe('订单 {{orderId}}');
    // The preview renders it with the sample order, not the placeholder.
    await expect
      .poll(() => page.getByTestId('preview-root_message_zh').textContent())
      .toMatch(/^预览（示例数据）： 订单 [^{\s]+$/);
    await screenshot(page, 'editor-variable-picked');
  });

  it('should lay the journey out again with one click, and undo it', async () => {
    const { page } = session;
    const node = page.locator('.react-flow__node[data-id="satisfactionSurvey"]');
    const before = await node.getAttribute('style');
    await page.getByRole('button', { name: '自动布局' }).click();
    await expect.poll(() => node.getAttribute('style')).not.toBe(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => node.getAttribute('style')).toBe(before);
  });

  it('should offer the channels with how the server delivers each, in the picker', async () => {
    const { page } = session;
    await page.getByTestId('node-confirmOrder').click();
    await page.getByTestId('channel-picker-root_channel').click();
    // The test server sends every channel through its default webhook, the chat to the chat window.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(expect.arrayContaining(['短信 (sms) · Webhook', '在线聊天 (chat) · 聊天窗口']));
    await screenshot(page, 'editor-channel-picker');
    await page.keyboard.press('Escape');
  });

  it("should open the publish dialog with the journey's problems listed, and publish only once they are fixed", async () => {
    const { page } = session;
    await page.getByTestId('node-confirmOrder').click();
    const to = page.locator('#root_to');
    const recipient = await to.inputValue();
    await to.fill('{{customer.phone');
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('1 个问题');
    await page.getByTestId('publish').click();
    expect(await page.getByTestId('publish-problems').textContent()).toContain(
      '还有 1 个问题，修正后才能发布。',
    );
    // The node by its label on the canvas and the field by its label in the inspector.
    expect(await page.getByTestId('publish-problem-list').textContent()).toContain(
      '发送消息 · 订单确认 / Confirmation › 接收人',
    );
    expect(await page.getByTestId('publish-ok').isDisabled()).toBe(true);
    await screenshot(page, 'publish-dialog-problems');
    // A click on the problem closes the dialog and puts the cursor in the field it is about.
    await page.getByTestId('publish-problem-list').locator('.problem').first().click();
    await page.getByTestId('publish-problems').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('root_to');
    await to.fill(recipient);
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('校验通过');
    await page.getByTestId('publish').click();
    await page.getByText('校验通过：没有问题。').waitFor();
    expect(await page.getByTestId('publish-ok').isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByText('校验通过：没有问题。').waitFor({ state: 'detached' });
  });

  it("should show an operator the channels' delivery health above the instances, and a viewer not (issue 21)", async () => {
    const { h, logIn } = session;
    await h.xiaoer.auth.createUser('ops-li', 'ops-li-密码-123', 'operator');
    await h.xiaoer.auth.createUser('viewer-wang', 'viewer-wang-密码-123', 'viewer');
    const operator = await logIn('ops-li', 'ops-li-密码-123');
    await operator.goto(`${h.url}/#/instances`);
    const card = operator.getByTestId('channel-deliveries');
    await card.waitFor();
    expect(await card.textContent()).toContain('渠道投递状态');
    // The order journey tells the customer by SMS, through the demo shop's webhook.
    await orderInstance(h, 'DLV-1');
    await h.sendEvents(cloudEvent('order.shipped', { orderId: 'DLV-1', trackingNumber: 'SF9' }));
    await expect
      .poll(
        async () => {
          const { channels } = (await (
            await h.request('GET', '/api/channels/deliveries')
          ).json()) as { channels: { channel: string; delivered: number }[] };
          return channels.find((c) => c.channel === 'sms')?.delivered ?? 0;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await operator.reload();
    await card.waitFor();
    const sms = card.getByTestId('delivery-sms');
    expect(await sms.getAttribute('data-state')).toBe('ok');
    expect(await sms.textContent()).toMatch(/^短信Webhook正常送达 [1-9]\d* · 失败 0$/);
    expect(await operator.locator('[data-testid^="delivery-"][data-state]').count()).toBe(6);
    await screenshot(operator, 'instances-channel-deliveries');
    await operator.context().close();
    const viewer = await logIn('viewer-wang', 'viewer-wang-密码-123');
    await viewer.goto(`${h.url}/#/instances`);
    await viewer.getByTestId('filter-workflow').waitFor();
    expect(await viewer.getByTestId('channel-deliveries').count()).toBe(0);
    await viewer.context().close();
  });

  it("should show a viewer the customer's data masked on the instance page, and say so", async () => {
    const { h, logIn } = session;
    await h.shop.createOrder({
      orderId: 'PII-1',
      customer: { name: '王小明', phone: '13912345678', email: 'wang@example.com' },
    });
    const id = `order-lifecycle:PII-1:1`;
    await expect
      .poll(async () => (await h.request('GET', `/api/instances/${id}`)).status, {
        timeout: 15_000,
      })
      .toBe(200);
    await h.xiaoer.auth.createUser('viewer-zhao', 'viewer-zhao-密码-123', 'viewer');
    const viewer = await logIn('viewer-zhao', 'viewer-zhao-密码-123');
    await viewer.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    const data = viewer.locator('.instance-data');
    await data.waitFor();
    const shown = (await data.textContent()) ?? '';
    expect(shown).toContain('139****5678');
    expect(shown).toContain('王**');
    expect(shown).not.toContain('13912345678');
    expect(shown).not.toContain('王小明');
    const hint = viewer.getByTestId('personal-data-hidden');
    expect(await hint.textContent()).toBe('已隐藏部分个人信息');
    await hint.hover();
    await viewer.getByText(/客户的手机号、邮箱、姓名和详细地址以脱敏形式显示/).waitFor();
    await viewer.context().close();
    // An operator, who runs the journey, sees it whole, and no hint.
    await h.xiaoer.auth.createUser('ops-zhou', 'ops-zhou-密码-123', 'operator');
    const operator = await logIn('ops-zhou', 'ops-zhou-密码-123');
    await operator.goto(`${h.url}/#/instances/${encodeURIComponent(id)}`);
    await operator
      .locator('.instance-data')
      .getByText(/13912345678/)
      .waitFor();
    expect(await operator.getByTestId('personal-data-hidden').count()).toBe(0);
    await operator.context().close();
  });
});
