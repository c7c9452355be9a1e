import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server/internal';
import { ADMIN_PASSWORD, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { adminSession, goOnlineInDesk, screenshot } from './browser.ts';
import { contrastOf } from './contrast.ts';

/**
 * The agent desk and the knowledge page in Chromium: a customer asks for a person, the agent
 * sees the conversation with its context, answers, resolves and proposes an article; an
 * operator edits an article and the next identical question gets the new answer. An agent who
 * turned notifications on and looks at another tab gets a browser notification (issue 21).
 */
/** Runs in the page before the console: a recording Notification and a switchable hidden. */
function fakeNotifications(): void {
  const shown: string[] = [];
  class RecordingNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission(): Promise<NotificationPermission> {
      RecordingNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
    constructor(title: string) {
      shown.push(title);
    }
  }
  Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
  Object.defineProperty(Document.prototype, 'hidden', {
    configurable: true,
    get: () => (window as unknown as { tabHidden?: boolean }).tabHidden === true,
  });
}

/** Routing with the demo agents, and an article the knowledge test edits. */
async function prepare(h: Harness): Promise<void> {
  await seedDemoRouting(h.xiaoer, {});
  const created = await h.request('POST', '/api/knowledge/articles', {
    id: 'gift-wrap',
    questions: ['可以礼品包装吗', '能不能帮我包装成礼物'],
    answer: { zh: '可以，下单时勾选“礼品包装”即可，免费。' },
  });
  expect(created.status).toBe(201);
}

const session = adminSession([], { prepare, adminPage: false });
/** The agent pages this file opened: each test closes its own (their polling stops with them). */
const agentPages: Page[] = [];
const logIn = async (user: string, password: string, initScript?: () => void): Promise<Page> => {
  const page = await session.logIn(user, password, initScript);
  agentPages.push(page);
  return page;
};
let h: Harness;
beforeAll(() => void ({ h } = session));

/**
 * What an earlier test left behind is gone: its agent pages are closed and every
 * conversation still with an agent is resolved (a test that failed half way would otherwise
 * leave its customer unread on the same agent's next desk, counted in that test's title).
 */
async function clearDesks(): Promise<void> {
  await Promise.all(agentPages.splice(0).map((page) => page.context().close()));
  for (const status of ['withAgent', 'queued']) {
    const { conversations } = (await (
      await h.request('GET', `/api/conversations?status=${status}`)
    ).json()) as { conversations: { handoffId?: string }[] };
    for (const { handoffId } of conversations)
      if (handoffId) {
        const resolved = await h.request('POST', `/api/handoffs/${handoffId}/resolve`);
        expect(resolved.status).toBe(200);
      }
  }
}

describe('the agent desk', () => {
  // Before, not after, each test: a failed test's page is still there for its screenshot.
  beforeEach(clearDesks);

  it('should bring a customer who asks for a person to the agent with the context, and back', async () => {
    const agent = await logIn('agent-wang', DEMO_AGENT_PASSWORD);
    await agent.getByTestId('nav-inbox').click();
    await goOnlineInDesk(agent, h, 'agent-wang');
    await h.shop.createOrder({ orderId: 'E2E-H1' });
    const chat = await ChatClient.open(h, { id: 'vip-7', tier: 'vip', language: 'zh' }, 'E2E-H1');
    await chat.say('转人工');
    // Not opened yet: the customer's line is unread, on the conversation and in the tab title.
    await agent.getByTestId(`unread-${chat.id}`).waitFor({ timeout: 15_000 });
    await expect.poll(() => agent.title()).toMatch(/^\(\d+\) /);
    await agent.getByTestId(`handoff-${chat.id}`).click({ timeout: 15_000 });
    await agent.getByTestId('inbox-messages').getByText('转人工', { exact: true }).waitFor();
    await expect.poll(() => agent.getByTestId(`unread-${chat.id}`).count()).toBe(0);
    expect(await agent.title()).not.toMatch(/^\(\d+\) /);
    const context = agent.getByTestId('inbox-context');
    await context.getByText('E2E-H1').first().waitFor();
    expect(await context.textContent()).toContain('转人工');
    await agent.getByTestId('inbox-reply').fill('您好，我是客服小王，请问有什么可以帮您？');
    await agent.getByTestId('inbox-send').click();
    await chat.waitFor((m) => m.from === 'agent' && m.text.includes('客服小王'));
    // The transcript reads top to bottom in the order said, scrolled to the newest line.
    const transcript = agent.getByTestId('inbox-messages');
    await transcript.getByText('客服小王', { exact: false }).waitFor();
    const said = (await transcript.locator('.chat-line').allTextContents()).join('\n');
    expect(said.indexOf('转人工')).toBeLessThan(said.indexOf('客服小王'));
    await expect
      .poll(() => transcript.evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight))
      .toBeLessThanOrEqual(2);
    // Every line's sender and the system's lines stand out at 4.5:1 or more (WCAG AA).
    await transcript.locator('.chat-line.from-system').first().waitFor();
    const ratios = await Promise.all(
      [
        ...(await transcript.locator('.chat-line > .ant-typography').all()),
        ...(await transcript.locator('.chat-line.from-system').all()),
      ].map(async (text) => [await text.textContent(), await contrastOf(text)] as const),
    );
    expect(ratios.length).toBeGreaterThan(3);
    expect(ratios.filter(([, ratio]) => ratio < 4.5)).toEqual([]);
    await screenshot(agent, 'agent-desk');

    await agent.getByTestId('inbox-resolve').click();
    await agent.getByTestId('propose-answer').fill('人工客服每天 9:00–21:00 在线。');
    await agent.getByRole('button', { name: '结束并提交为知识草稿' }).click();
    await agent.getByText('待审核').waitFor();
    const drafts = (await (
      await h.request('GET', '/api/knowledge/articles?status=draft')
    ).json()) as {
      articles: { questions: string[]; answer: { zh?: string } }[];
    };
    expect(drafts.articles).toEqual([
      expect.objectContaining({
        questions: ['转人工'],
        answer: { zh: '人工客服每天 9:00–21:00 在线。' },
      }),
    ]);
    expect(await agent.getByTestId(`handoff-${chat.id}`).count()).toBe(0);
    // The keyboard goes on from the list (empty now), not from the page's body.
    await expect
      .poll(() => agent.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('region');
    await agent.getByRole('region', { name: '我的会话（0）' }).waitFor();
  });

  it('should notify an agent with notifications on and the tab hidden of a new customer line, and count it in the title', async () => {
    const agent = await logIn('agent-wang', DEMO_AGENT_PASSWORD, fakeNotifications);
    await agent.getByTestId('nav-inbox').click();
    await goOnlineInDesk(agent, h, 'agent-wang');
    // Turned on once: the button asks the browser, then is gone.
    await agent.getByTestId('desk-notifications').click();
    await agent.getByTestId('desk-notifications').waitFor({ state: 'detached' });
    await agent.evaluate(() => Object.assign(window, { tabHidden: true }));

    await h.shop.createOrder({ orderId: 'NT-1' });
    const chat = await ChatClient.open(h, { id: 'vip-8', tier: 'vip', language: 'zh' }, 'NT-1');
    await chat.say('转人工');
    await agent.getByTestId(`unread-${chat.id}`).waitFor({ timeout: 15_000 });
    await expect.poll(() => agent.title()).toMatch(/^\(1\) /);
    await expect
      .poll(
        () =>
          agent.evaluate(
            () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
          ),
        {
          timeout: 10_000,
        },
      )
      .toEqual(['小二：1 条客户新消息']);
    await screenshot(agent, 'desk-unread-title');
  });
});

describe('the agent desk for an admin without an agent record', () => {
  beforeEach(clearDesks);

  it('should explain it without a request the server refuses (no 4xx in the browser)', async () => {
    const admin = await logIn('admin', ADMIN_PASSWORD);
    const refused: string[] = [];
    admin.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    await admin.getByTestId('nav-inbox').click();
    await admin.getByTestId('inbox-not-agent').waitFor();
    // The queues are the last thing the page asks for: it has asked everything by then.
    await admin.getByTestId('queues').locator('tbody tr').first().waitFor();
    expect(refused).toEqual([]);
  });
});

describe("the desk's conversation list at 1440x900", () => {
  beforeEach(clearDesks);

  /** How many lines the list's title takes: its height over its line height. */
  const linesOf = (agent: Page, title: string) =>
    agent.getByText(title, { exact: true }).evaluate((element) => {
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
      return Math.round(element.getBoundingClientRect().height / lineHeight);
    });

  it("should leave a long transcript where the agent scrolled when the customer writes, and go to the newest line on the agent's reply", async () => {
    const agent = await logIn('agent-wang', DEMO_AGENT_PASSWORD);
    await agent.getByTestId('nav-inbox').click();
    await goOnlineInDesk(agent, h, 'agent-wang');
    const chat = await ChatClient.open(h, { id: 'long-talk', language: 'zh' });
    await chat.say('转人工');
    await agent.getByTestId(`handoff-${chat.id}`).click({ timeout: 15_000 });
    for (let line = 1; line <= 30; line++) await chat.say(`第 ${line} 行`);
    const transcript = agent.getByTestId('inbox-messages');
    await transcript.getByText('第 30 行', { exact: true }).waitFor();
    const fromEnd = () =>
      transcript.evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
    await expect.poll(fromEnd).toBeLessThanOrEqual(2);
    // The agent reads from the top; the customer's next line does not pull the view away.
    await transcript.evaluate((box) => box.scrollTo({ top: 0 }));
    await chat.say('还在吗');
    await transcript.getByText('还在吗', { exact: true }).waitFor();
    expect(await transcript.evaluate((box) => box.scrollTop)).toBe(0);
    await agent.getByTestId('inbox-reply').fill('在的，请讲。');
    await agent.getByTestId('inbox-send').click();
    await transcript.getByText('在的，请讲。', { exact: true }).waitFor();
    await expect.poll(fromEnd).toBeLessThanOrEqual(2);
  });

  it('should keep "My conversations (0)" on one line beside the notifications button, in Chinese and English', async () => {
    const agent = await logIn('agent-wang', DEMO_AGENT_PASSWORD, fakeNotifications);
    await agent.getByTestId('nav-inbox').click();
    await agent.getByTestId('desk-notifications').waitFor();
    expect(await linesOf(agent, '我的会话（0）')).toBe(1);
    await agent.getByTestId('language').click();
    await agent.getByTestId('desk-notifications').getByText('Turn on notifications').waitFor();
    expect(await linesOf(agent, 'My conversations (0)')).toBe(1);
    await screenshot(agent, 'desk-list-title-en');
  });
});

describe('the knowledge page', () => {
  /** The admin's page, one for both tests: the second goes on from where the first left it. */
  let shown: Promise<Page> | undefined;
  const operatorPage = () => (shown ??= logIn('admin', ADMIN_PASSWORD));

  it('should save an edit that answers the next identical question', async () => {
    const first = await ChatClient.open(h);
    await first.say('可以礼品包装吗');
    await first.waitFor((m) => m.text.includes('免费'));

    const operator = await operatorPage();
    await operator.getByTestId('nav-knowledge').click();
    await operator.getByPlaceholder('搜索问题或答案').fill('礼品');
    await operator.getByPlaceholder('搜索问题或答案').press('Enter');
    await operator.getByTestId('article-gift-wrap').click();
    await operator
      .getByTestId('article-answer-zh')
      .fill('可以，礼品包装每单 5 元，下单时勾选即可。');
    await screenshot(operator, 'knowledge-edit');
    await operator.getByTestId('article-save').click();
    await operator.getByText('已保存').waitFor();

    const second = await ChatClient.open(h);
    await second.say('可以礼品包装吗');
    await second.waitFor((m) => m.text.includes('每单 5 元'));
  });

  it('should refuse a CSV with a bad row and import nothing', async () => {
    const operator = await operatorPage();
    await operator.getByTestId('nav-knowledge').click();
    const before = (
      (await (await h.request('GET', '/api/knowledge/articles')).json()) as { total: number }
    ).total;
    await operator.getByTestId('knowledge-import').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,questions,answer_zh\nok-1,问题一,答案一\nbad id!,,\n'),
    });
    const problems = operator.getByTestId('knowledge-import-problems');
    await problems.waitFor();
    // The bad row is on line 3 of the file, the second article; its reasons in Chinese.
    const shown = await problems.innerText();
    expect(shown).toContain('第 3 行（第 2 条）');
    expect(shown).toContain('不应少于 1 个项');
    expect(shown).not.toMatch(/must|missing/);
    const after = (
      (await (await h.request('GET', '/api/knowledge/articles')).json()) as { total: number }
    ).total;
    expect(after).toBe(before);
  });
});
