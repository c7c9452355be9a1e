import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_PASSWORD, seedDemoRouting, type QualityReport } from '@xiaoer/server/internal';
import { ADMIN_PASSWORD, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';
import { adminSession, goOnlineInDesk, screenshot } from './browser.ts';

/**
 * Quality inspection in Chromium: an agent promises to come back and leaves a follow-up task
 * from the desk, resolves, and the handoff's report has no finding; an operator reviews it on
 * the quality page and the score that counts (and the agent's average) changes.
 */
const session = adminSession([], {
  prepare: (h) => seedDemoRouting(h.xiaoer, {}),
  adminPage: false,
});
const logIn = session.logIn;
let h: Harness;
beforeAll(() => void ({ h } = session));

describe('the quality page', () => {
  it('should show a resolved handoff’s report and take an operator’s override', async () => {
    const agent = await logIn('agent-li', DEMO_AGENT_PASSWORD);
    await agent.getByTestId('nav-inbox').click();
    await goOnlineInDesk(agent, h, 'agent-li');
    const chat = await ChatClient.open(h, { id: 'q-cust', tier: 'normal', language: 'zh' });
    await chat.say('转人工');
    await agent.getByTestId(`handoff-${chat.id}`).click({ timeout: 15_000 });
    await agent.getByTestId('inbox-reply').fill('您好，我核实一下，稍后回复您。');
    await agent.getByTestId('inbox-send').click();
    await chat.waitFor((m) => m.from === 'agent');
    await agent.getByTestId('inbox-follow-up').click();
    await agent.getByTestId('follow-up-note').fill('核实发票');
    await agent.getByTestId('follow-up-save').click();
    await agent.getByTestId('inbox-follow-up').getByText('(1)').waitFor();
    const agentToken = (await h.xiaoer.auth.login('agent-li', DEMO_AGENT_PASSWORD))?.token;
    const resolved = await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      {},
      agentToken,
    );
    const { handoffId } = (await resolved.json()) as { handoffId: string };
    const report = await vi.waitFor(
      async () => {
        const response = await h.request('GET', `/api/quality/reports/${handoffId}`);
        if (response.status !== 200) throw new Error('not inspected yet');
        return (await response.json()) as QualityReport;
      },
      { timeout: 10_000, interval: 100 },
    );
    // Greeted, answered at once, and the promise has its task.
    expect(report).toMatchObject({ score: 100, findings: [] });

    const operator = await logIn('admin', ADMIN_PASSWORD);
    await operator.getByTestId('nav-quality').click();
    await operator.getByTestId(`score-${handoffId}`).getByText('100').waitFor();
    // Agents go by their display names, as the desk shows them; the login id is not shown.
    const reports = operator.getByTestId('quality-reports');
    expect(await reports.textContent()).toContain('小李 Li');
    expect(await reports.textContent()).not.toContain('agent-li');
    await operator.getByTestId(`override-${handoffId}`).click();
    await operator.getByTestId('override-score').fill('70');
    await operator.getByTestId('override-note').fill('承诺时间过长 / promised too late');
    await screenshot(operator, 'quality-override');
    await operator.getByTestId('override-save').click();
    await operator.getByTestId(`score-${handoffId}`).getByText('已复核').waitFor();
    expect(await operator.getByTestId(`score-${handoffId}`).textContent()).toContain('70');
    await operator.getByTestId('quality-agents-tab').click();
    await operator.getByTestId('quality-agents').getByText('小李 Li').waitFor();
    expect(await operator.getByTestId('quality-agents').textContent()).toContain('70');
    expect(await operator.getByTestId('quality-agents').textContent()).not.toContain('agent-li');
    await screenshot(operator, 'quality-agents');
    await operator.getByTestId('quality-rules-tab').click();
    await operator.getByTestId('rule-noGreeting-enabled').click();
    await operator.getByTestId('quality-rules-save').click();
    await operator.getByText('规则版本 2').waitFor();
    await screenshot(operator, 'quality-rules');
    const rules = (await (await h.request('GET', '/api/quality/rules')).json()) as {
      rules: { id: string; enabled: boolean }[];
    };
    expect(rules.rules.find((r) => r.id === 'noGreeting')?.enabled).toBe(false);

    const saved = (await (
      await h.request('GET', `/api/quality/reports/${handoffId}`)
    ).json()) as QualityReport;
    expect(saved).toMatchObject({
      score: 100,
      effectiveScore: 70,
      override: { score: 70, by: 'admin' },
      agentId: 'agent-li',
      agentName: '小李 Li',
    });
  }, 90_000);
});
