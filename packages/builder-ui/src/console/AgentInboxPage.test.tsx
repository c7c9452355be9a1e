// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { QueueSummary } from '../api/service-api.ts';
import { AgentInboxPage } from './AgentInboxPage.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

const logistics: QueueSummary = {
  group: 'logistics',
  waiting: 2,
  oldestWaitSeconds: 90,
  onlineAgents: 0,
  availableAgents: 0,
};

/** The answers the server gives an admin who has no agent profile. */
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://console.test');
  if (url.pathname === '/api/agents/me/inbox')
    return json(
      {
        error: {
          code: 'unknown-agent',
          message: { zh: '用户 "admin" 不是客服', en: 'User "admin" is not an agent' },
        },
      },
      404,
    );
  if (url.pathname === '/api/intents') return json({ intents: [] });
  if (url.pathname === '/api/queues') return json({ queues: [logistics] });
  if (url.pathname === '/api/skill-groups')
    return json({ skillGroups: [{ _id: 'logistics', title: { zh: '物流', en: 'Logistics' } }] });
  return json({});
});

/** The inbox stream, which the server answers with a 404 for a non-agent: it never sends. */
const closedStreams: string[] = [];
class SilentEventSource {
  constructor(readonly url: string) {}
  addEventListener() {}
  close() {
    closedStreams.push(this.url);
  }
}

beforeEach(() => {
  closedStreams.length = 0;
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', SilentEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const openDesk = () =>
  render(
    <AntApp>
      <AgentInboxPage />
    </AntApp>,
  );

describe('the agent desk for someone who is not an agent', () => {
  it('should say so in English, show the queues, and offer no status to set', async () => {
    await i18n.changeLanguage('en');
    openDesk();
    const notice = await screen.findByTestId('inbox-not-agent');
    expect(notice.textContent).toContain('You are not an agent');
    expect(await screen.findByText('Logistics')).toBeTruthy();
    expect(screen.getByTestId('queues').textContent).toContain('1.5 mins');
    expect(screen.queryByTestId('agent-status')).toBeNull();
    expect(closedStreams).toEqual(['/api/agents/me/inbox/stream']);
  });

  it('should say so in Chinese', async () => {
    await i18n.changeLanguage('zh');
    openDesk();
    expect((await screen.findByTestId('inbox-not-agent')).textContent).toContain('你还不是客服');
    expect(await screen.findByText('物流')).toBeTruthy();
  });
});
