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
/** A queue nobody waits in: the server says its longest wait is 0 seconds. */
const presale: QueueSummary = {
  group: 'presale',
  waiting: 0,
  oldestWaitSeconds: 0,
  onlineAgents: 1,
  availableAgents: 1,
};

/** The answers the server gives an admin who has no agent profile, and the paths asked. */
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const asked: string[] = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://console.test');
  asked.push(url.pathname);
  if (url.pathname === '/api/agents')
    return json({
      agents: [
        {
          _id: 'agent-wang',
          displayName: '小王',
          skills: ['logistics'],
          maxConcurrent: 3,
          status: 'online',
        },
      ],
    });
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
  if (url.pathname === '/api/queues') return json({ queues: [logistics, presale] });
  if (url.pathname === '/api/skill-groups')
    return json({
      skillGroups: [
        { _id: 'logistics', title: { zh: '物流', en: 'Logistics' } },
        { _id: 'presale', title: { zh: '售前', en: 'Pre-sales' } },
      ],
    });
  return json({});
});

/** The streams the desk opens (none sends here). */
const openedStreams: string[] = [];
class SilentEventSource {
  constructor(readonly url: string) {
    openedStreams.push(url);
  }
  addEventListener() {}
  close() {}
}

beforeEach(() => {
  openedStreams.length = 0;
  asked.length = 0;
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', SilentEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const openDesk = (userId = 'admin') =>
  render(
    <AntApp>
      <AgentInboxPage userId={userId} />
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
  });

  it('should ask nothing of the agent it is not (no inbox, no inbox stream: both a 404)', async () => {
    await i18n.changeLanguage('zh');
    openDesk();
    await screen.findByTestId('inbox-not-agent');
    await screen.findByText('物流');
    expect(asked).toContain('/api/agents');
    expect(asked.filter((path) => path.startsWith('/api/agents/me'))).toEqual([]);
    expect(openedStreams).toEqual([]);
  });

  it('should say so in Chinese', async () => {
    await i18n.changeLanguage('zh');
    openDesk();
    expect((await screen.findByTestId('inbox-not-agent')).textContent).toContain('你还不是客服');
    expect(await screen.findByText('物流')).toBeTruthy();
  });
});

describe('the agent desk for an agent', () => {
  it('should follow their inbox and not say they are not an agent', async () => {
    await i18n.changeLanguage('zh');
    openDesk('agent-wang');
    await vi.waitFor(() => expect(openedStreams).toEqual(['/api/agents/me/inbox/stream']));
    expect(screen.queryByTestId('inbox-not-agent')).toBeNull();
  });
});

describe("the desk's queues", () => {
  /** The cells of the queue table's row for a skill group, by its shown name. */
  const rowOf = async (groupName: string) => {
    const cell = await screen.findByText(groupName);
    return [...(cell.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
  };

  it('should show a dash, not 0 ms, as the longest wait of an empty queue', async () => {
    await i18n.changeLanguage('en');
    openDesk();
    expect(await rowOf('Pre-sales')).toEqual(['Pre-sales', '0', '—', '1']);
    expect(await rowOf('Logistics')).toEqual(['Logistics', '2', '1.5 mins', '0']);
  });

  it('should show a dash, not 0毫秒, in Chinese too', async () => {
    await i18n.changeLanguage('zh');
    openDesk();
    expect(await rowOf('售前')).toEqual(['售前', '0', '—', '1']);
  });
});
