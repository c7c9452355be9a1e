import { beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server/internal';
import { ADMIN_PASSWORD, cloudEvent, SOURCE, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { adminSession, goOnlineInDesk, screenshot } from './browser.ts';

/**
 * Issue 21, the agent desk's tools in Chromium: the name customers see (set by the agent, shown
 * in the customer's chat instead of the login id), quick replies, and the customer's history.
 */
const session = adminSession([], {
  prepare: (h) => seedDemoRouting(h.xiaoer, {}),
  adminPage: false,
});
/**
 * One page per user for the file (a page load is most of what a browser test costs here): a
 * test goes on from where the user's last test left the page, by the console's menu.
 */
const pages = new Map<string, Promise<Page>>();
const logIn = (user: string, password: string): Promise<Page> => {
  const page = pages.get(user) ?? session.logIn(user, password);
  pages.set(user, page);
  return page;
};
let h: Harness;
beforeAll(() => void ({ h } = session));

describe('the display name customers see', () => {
  it('should show the customer the name the agent set on the desk, never the login id', async () => {
    const agent = await logIn('agent-li', DEMO_AGENT_PASSWORD);
    await agent.getByTestId('nav-inbox').click();
    await agent.getByTestId('desk-name-edit').click();
    await agent.getByTestId('desk-name-input').fill('小李（售后）');
    await agent.getByTestId('desk-name-save').click();
    await expect
      .poll(() => agent.getByTestId('desk-display-name').textContent())
      .toBe('小李（售后）');
    await goOnlineInDesk(agent, h, 'agent-li');

    const customer = await (await session.browser.newContext({ locale: 'zh-CN' })).newPage();
    await customer.goto(`${h.url}/chat-demo.html`);
    await customer.locator('#xiaoer-chat-button').click();
    const chat: FrameLocator = customer.frameLocator('#xiaoer-chat-frame');
    await chat.locator('.chat-message.from-bot').first().waitFor();
    await chat.locator('#chat-input').fill('转人工');
    await chat.locator('#chat-input').press('Enter');
    await chat.getByText('客服 小李（售后） 已接入，请讲。').waitFor({ timeout: 15_000 });

    const { conversations } = (await (await h.request('GET', '/api/conversations')).json()) as {
      conversations: { _id: string; agentId?: string }[];
    };
    const mine = conversations.find((c) => c.agentId === 'agent-li');
    await agent.getByTestId(`handoff-${mine?._id}`).click({ timeout: 15_000 });
    await agent.getByTestId('inbox-reply').fill('您好，请问订单有什么问题？');
    await agent.getByTestId('inbox-send').click();
    const answer = chat.locator('.chat-message.from-agent').first();
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.locator('.chat-agent-name').textContent()).toBe('小李（售后）');
    expect(await chat.locator('.chat-messages').textContent()).not.toContain('agent-li');
    // The desk labels the agent's own line with the same name.
    await agent.getByTestId('inbox-messages').getByText('客服 · 小李（售后）').waitFor();
    await screenshot(customer, 'chat-agent-display-name');
    await screenshot(agent, 'desk-display-name');
  });
});

describe('quick replies and the customer history', () => {
  it('should let an operator write a quick reply with placeholders and a preview, and delete one', async () => {
    const operator = await logIn('admin', ADMIN_PASSWORD);
    await operator.getByTestId('nav-quick-replies').click();
    await operator.getByTestId('quick-reply-add').click();
    await operator.getByTestId('quick-reply-title').fill('发货时间');
    await operator.getByTestId('quick-reply-text-zh').fill('您好，');
    await operator.getByTestId('placeholder-customer.name').click();
    await operator.getByTestId('quick-reply-text-zh').press('End');
    await operator.getByTestId('quick-reply-text-zh').pressSequentially('，订单 ');
    await operator.getByTestId('placeholder-order.id').click();
    await operator.getByTestId('quick-reply-text-zh').press('End');
    await operator.getByTestId('quick-reply-text-zh').pressSequentially(' 会在 48 小时内发货。');
    await operator
      .getByTestId('quick-reply-text-en')
      .fill('Hi {{customer.name}}, order {{order.id}} ships within 48 hours.');
    await expect
      .poll(() => operator.getByTestId('quick-reply-preview-zh').textContent())
      .toContain('您好，王小明，订单 A10023 会在 48 小时内发货。');
    await screenshot(operator, 'quick-reply-edit');
    await operator.getByTestId('quick-reply-save').click();
    await operator.getByTestId('quick-reply-发货时间').waitFor();

    await operator.getByTestId('quick-reply-add').click();
    await operator.getByTestId('quick-reply-title').fill('临时');
    await operator.getByTestId('quick-reply-text-en').fill('Temporary');
    await operator.getByTestId('quick-reply-save').click();
    await operator.getByTestId('quick-reply-临时').waitFor();
    await operator.getByTestId('quick-reply-delete-临时').click();
    await operator.getByTestId('quick-reply-delete-ok').click();
    await expect.poll(() => operator.getByTestId('quick-reply-临时').count()).toBe(0);
    await screenshot(operator, 'quick-replies');
    const { quickReplies } = (await (await h.request('GET', '/api/quick-replies')).json()) as {
      quickReplies: { title: string; text: { zh?: string } }[];
    };
    expect(quickReplies).toEqual([
      expect.objectContaining({
        title: '发货时间',
        text: expect.objectContaining({
          zh: '您好，{{customer.name}}，订单 {{order.id}} 会在 48 小时内发货。',
        }),
      }),
    ]);
  });

  it("should fill a quick reply from the conversation and show the customer's earlier conversation and order", async () => {
    await h.shop.createOrder({ orderId: 'QR-1', customer: { id: 'qr-cust' }, total: 256 });
    const earlier = await ChatClient.open(h, { id: 'qr-cust', language: 'zh' }, 'QR-1');
    await earlier.say('可以开发票吗');
    const chat = await ChatClient.open(h, { id: 'qr-cust', name: '张三', language: 'zh' }, 'QR-1');
    await chat.say('转人工');
    await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));

    // A desk of its own: a desk lists the quick replies there were when it loaded.
    const agent = await session.logIn('agent-li', DEMO_AGENT_PASSWORD);
    await agent.getByTestId('nav-inbox').click();
    await agent.getByTestId(`handoff-${chat.id}`).click({ timeout: 15_000 });
    const history = agent.getByTestId('customer-history');
    await history.getByTestId(`history-conversation-${earlier.id}`).waitFor();
    expect(await history.getByTestId(`history-conversation-${earlier.id}`).textContent()).toContain(
      '可以开发票吗',
    );
    expect(await history.getByTestId('history-order-QR-1').textContent()).toContain('256.00');
    // Intents by name, not by id: the earlier conversation asked about an invoice.
    await expect
      .poll(() => history.getByTestId(`history-conversation-${earlier.id}`).textContent())
      .toContain('发票');
    await expect.poll(() => agent.getByTestId('inbox-context').textContent()).toContain('转人工');

    await agent.getByTestId('quick-reply-picker').click();
    await agent.getByTitle('发货时间').click();
    await expect
      .poll(() => agent.getByTestId('inbox-reply').inputValue())
      .toBe('您好，张三，订单 QR-1 会在 48 小时内发货。');
    await screenshot(agent, 'desk-quick-reply-history');
    await agent.getByTestId('inbox-send').click();
    await chat.waitFor(
      (m) => m.from === 'agent' && m.text === '您好，张三，订单 QR-1 会在 48 小时内发货。',
    );
  });
});

describe('sources and channels', () => {
  it('should list the sources and channels and show the outcome of a test send', async () => {
    await h.shop.createOrder({ orderId: 'SRC-1' });
    const admin = await logIn('admin', ADMIN_PASSWORD);
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-connections-tab').click();
    const source = admin.getByTestId(`source-${SOURCE.id}`);
    await expect.poll(() => source.textContent()).toContain('order.created');
    expect(await admin.getByTestId('admin-page').textContent()).not.toContain(SOURCE.secret);
    await admin.getByTestId('channel-test-sms').click();
    await admin.getByTestId('channel-test-to').fill('13800009999');
    await admin.getByTestId('channel-test-send').click();
    await expect
      .poll(() => admin.getByTestId('channel-test-result').textContent())
      .toContain('已送达');
    expect(h.shop.messages).toContainEqual(
      expect.objectContaining({ channel: 'sms', to: '13800009999' }),
    );
    await screenshot(admin, 'admin-channel-test-zh');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('language').click();
    await admin.getByText('Message channels').waitFor();
    await screenshot(admin, 'admin-sources-channels-en');
    await admin.getByTestId('nav-quick-replies').click();
    await admin.getByTestId('quick-replies-page').getByText('Quick replies').first().waitFor();
    await screenshot(admin, 'quick-replies-en');
  });
});

describe('sources added from the console', () => {
  it('should let an operator add a webhook sender, rotate its secret (shown once each), stop the old one after a leak and scope its event types', async () => {
    await h.xiaoer.auth.createUser('ops-src', 'ops-src-密码-123', 'operator');
    const operator = await logIn('ops-src', 'ops-src-密码-123');
    await operator.getByTestId('nav-admin').click();
    // The configuration file's source is listed, read-only: no rotate button.
    const configured = operator.getByTestId(`source-${SOURCE.id}`);
    await expect.poll(() => configured.textContent()).toContain('配置文件（只读）');
    expect(await operator.getByTestId(`source-rotate-${SOURCE.id}`).count()).toBe(0);

    await operator.getByTestId('source-add').click();
    await operator.getByTestId('source-new-id').fill('Bad Id');
    await operator.getByTestId('source-create').click();
    await operator.getByText('只能用小写字母、数字和 -').waitFor();
    await operator.getByTestId('source-new-id').fill('erp-e2e');
    await operator.getByTestId('source-create').click();
    const secretText = operator.getByTestId('source-secret');
    await secretText.waitFor();
    const secret = (await secretText.textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(40);
    await operator.getByTestId('source-erp-e2e').waitFor();
    await screenshot(operator, 'admin-source-secret-once-zh');
    const event = (id: string) => cloudEvent('order.created', { orderId: id });
    expect(
      (await h.sendEvents(event('SRC-E2E-1'), { source: 'erp-e2e', secret })).status,
    ).toBeLessThan(300);

    // Once closed (or on another visit) only the last four characters show.
    await operator.reload();
    const row = operator.getByTestId('source-erp-e2e');
    await expect.poll(() => row.textContent()).toContain(`…${secret.slice(-4)}`);
    expect(await operator.getByTestId('admin-page').textContent()).not.toContain(secret);

    // Rotating keeps the old secret taken for a day unless told otherwise (WooCommerce never
    // resends a refused delivery): the sender switches without losing one.
    await operator.getByTestId('source-rotate-erp-e2e').click();
    await operator.getByText('旧密钥继续有效', { exact: false }).waitFor();
    await operator.getByTestId('source-rotate-confirm').click();
    await expect.poll(() => operator.getByTestId('source-secret').textContent()).not.toBe(secret);
    const rotated = (await operator.getByTestId('source-secret').textContent()) ?? '';
    expect(rotated.length).toBeGreaterThanOrEqual(40);
    expect(
      (await h.sendEvents(event('SRC-E2E-2'), { source: 'erp-e2e', secret })).status,
    ).toBeLessThan(300);
    expect(
      (await h.sendEvents(event('SRC-E2E-3'), { source: 'erp-e2e', secret: rotated })).status,
    ).toBeLessThan(300);
    await expect.poll(() => row.textContent()).toContain(`…${rotated.slice(-4)}`);
    await expect
      .poll(() => operator.getByTestId('source-previous-erp-e2e').textContent())
      .toContain(`旧密钥 …${secret.slice(-4)} 仍可用`);

    // The old secret leaked: stopped now, after a confirmation, the new one untouched.
    await operator.getByTestId('source-end-grace-erp-e2e').click();
    await operator.getByText(`立即停用 "erp-e2e" 的旧密钥 …${secret.slice(-4)}？`).waitFor();
    await operator.getByTestId('source-end-grace-confirm').click();
    await expect
      .poll(() => operator.getByTestId('source-previous-erp-e2e').textContent())
      .toContain(`旧密钥 …${secret.slice(-4)} 已于`);
    expect(await operator.getByTestId('source-end-grace-erp-e2e').count()).toBe(0);
    expect((await h.sendEvents(event('SRC-E2E-4'), { source: 'erp-e2e', secret })).status).toBe(
      401,
    );
    expect(
      (await h.sendEvents(event('SRC-E2E-5'), { source: 'erp-e2e', secret: rotated })).status,
    ).toBeLessThan(300);

    // Scoped to coupons in the console, the sender's order events are refused from then on.
    const scope = operator.getByTestId('source-event-types-erp-e2e');
    expect(await scope.textContent()).toBe('所有类型');
    await operator.getByTestId('source-event-types-edit-erp-e2e').click();
    await operator.getByTestId('source-event-types-input').fill('coupon.*');
    await operator.getByTestId('source-event-types-save').click();
    await expect.poll(() => scope.textContent()).toBe('coupon.*');
    expect(
      (await h.sendEvents(event('SRC-E2E-6'), { source: 'erp-e2e', secret: rotated })).status,
    ).toBe(403);
    await operator.getByTestId('language').click();
    await operator.getByText('Shown this once only', { exact: false }).waitFor();
    await screenshot(operator, 'admin-sources-en');
  });
});
