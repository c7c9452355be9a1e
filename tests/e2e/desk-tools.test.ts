import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { goOnlineInDesk, launchBrowser, logInPage, screenshot } from './browser.ts';

/**
 * Issue 21, the agent desk's tools in Chromium: the name customers see (set by the agent, shown
 * in the customer's chat instead of the login id), quick replies, and the customer's history.
 */
let h: Harness;
let browser: Browser;
/** The page last logged in: pictured when a test fails. */
let current: Page | undefined;

async function logIn(user: string, password: string): Promise<Page> {
  current = await logInPage(browser, h.url, user, password);
  return current;
}

async function isOnline(id: string): Promise<boolean> {
  const { agents } = (await (await h.request('GET', '/api/agents')).json()) as {
    agents: { _id: string; status: string }[];
  };
  return agents.some((a) => a._id === id && a.status === 'online');
}

beforeAll(async () => {
  h = await startHarness();
  await seedDemoRouting(h.xiaoer, {});
  browser = await launchBrowser();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && current)
    await screenshot(current, `failed-${context.task.name.replace(/\W+/g, '-')}`).catch(() => {});
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

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
    await goOnlineInDesk(agent, () => isOnline('agent-li'));

    const customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
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
