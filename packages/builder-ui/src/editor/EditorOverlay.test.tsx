// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { draft, journey } from '../testing/sample-draft.ts';
import type { JourneyFunnel } from '../analytics/analytics-api.ts';
import { funnel } from '../analytics/fixtures/analytics-fixtures.ts';
import { EditorPage } from './EditorPage.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

/** The funnel of the two nodes on the canvas: most instances are still at `start`. */
const counted: JourneyFunnel = {
  ...funnel,
  nodes: [
    { ...funnel.nodes[1]!, nodeId: 'start', label: 'start', type: 'trigger' },
    { ...funnel.nodes[5]!, nodeId: 'done' },
  ],
};

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), 'http://console.test');
  if (url.pathname === '/api/analytics/journeys/order-lifecycle/funnel') return json(counted);
  if (url.pathname === '/api/workflows/order-lifecycle' && init?.method === 'PUT')
    return json({ ...draft, revision: 2 });
  if (url.pathname === '/api/workflows/order-lifecycle') return json(draft);
  if (url.pathname.endsWith('/versions')) return json({ versions: [] });
  if (url.pathname.endsWith('/scenarios')) return json({ scenarios: [] });
  return json({});
});
beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const openEditor = (overlay?: 'funnel') =>
  render(
    <AntApp>
      <EditorPage
        workflowId="order-lifecycle"
        overlay={overlay}
        canEdit
        canPublish
        onBack={() => {}}
      />
    </AntApp>,
  );
/** The canvas takes a while to come up in jsdom. */
const SLOW = { timeout: 8000 };
const funnelCalls = () =>
  fetchMock.mock.calls.filter(([input]) => String(input).includes('/funnel'));

describe('the analytics overlay on the journey canvas', () => {
  it('should badge the nodes with the last 30 days when toggled on, and take them off again', async () => {
    openEditor();
    await screen.findByTestId('node-start', {}, SLOW);
    expect(screen.queryByTestId('node-badge-start')).toBeNull();
    expect(funnelCalls()).toHaveLength(0);

    fireEvent.click(screen.getByTestId('overlay-toggle'));
    const badge = await screen.findByTestId('node-badge-start', {}, SLOW);
    expect(badge.textContent).toContain('↘ 200');
    expect(badge.textContent).toContain('✕ 50');
    expect(badge.className).toContain('biggest-drop-off');
    expect(screen.getByTestId('node-start').className).toContain('biggest-drop-off');
    expect(screen.getByTestId('node-badge-done').className).not.toContain('biggest-drop-off');

    fireEvent.click(screen.getByTestId('overlay-toggle'));
    await waitFor(() => expect(screen.queryByTestId('node-badge-start')).toBeNull());
  });

  it("should name the live counts' select, which a placeholder alone did not", async () => {
    openEditor();
    await screen.findByTestId('node-start', {}, SLOW);
    expect(screen.getByRole('combobox', { name: 'Live counts' })).toBeTruthy();
  });

  it('should be on from the start when the dashboard opens the canvas with it', async () => {
    openEditor('funnel');
    expect(await screen.findByTestId('node-badge-done', {}, SLOW)).toBeTruthy();
    expect(screen.getByTestId('overlay-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('should leave the journey unchanged: nothing to save, and a save sends no figures', async () => {
    openEditor('funnel');
    await screen.findByTestId('node-badge-start', {}, SLOW);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(
      () => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true),
      SLOW,
    );
    const [, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    const sent = JSON.parse(String(init!.body)) as { document: WorkflowDocument };
    expect(sent.document).toEqual(journey);
  });
});
