// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import i18next from 'i18next';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { WorkflowSummary } from '../api/api-client.ts';
import type { ChartOption } from './chart-option.ts';
import { lastDays, todayIn } from './analytics-period.ts';
import { dashboard, emptyDashboard, funnel, staffing } from './fixtures/analytics-fixtures.ts';
import { AnalyticsPage } from './AnalyticsPage.tsx';

// jsdom has no canvas: the lazy echarts chart is replaced by a box listing its series, and the
// options themselves are tested with their builders (*-series.test.ts).
vi.mock('./EChart.tsx', () => ({
  EChart: ({ option }: { option: ChartOption }) => (
    <div data-testid="chart-stub">
      {(Array.isArray(option.series) ? option.series : [])
        .map((series) => String(series.name))
        .join(' | ')}
    </div>
  ),
}));

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

const workflows: WorkflowSummary[] = [
  {
    id: 'order-lifecycle',
    name: '订单全流程',
    revision: 3,
    publishedVersion: 2,
    archived: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'admin',
    problems: 0,
    runningInstances: 4,
  },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The analytics server as the contract has it, answering from the fixtures. */
let answers: { dashboard: () => Response };
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://console.test');
  if (url.pathname === '/api/analytics/dashboard') return answers.dashboard();
  if (url.pathname === '/api/analytics/staffing') return json(staffing);
  if (url.pathname === '/api/workflows') return json({ workflows });
  if (url.pathname === '/api/analytics/journeys/order-lifecycle/funnel') return json(funnel);
  if (url.pathname.startsWith('/api/analytics/export/'))
    return new Response('\uFEFF意图 Intent,次数 Count\n', {
      headers: { 'content-type': 'text/csv' },
    });
  return json({ error: { code: 'not_found', zh: '没有', en: 'Not found' } }, 404);
});

beforeEach(() => {
  answers = { dashboard: () => json(dashboard) };
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('en');
});

const showPage = async (onShowOnCanvas = vi.fn()) => {
  render(
    <AntApp>
      <AnalyticsPage onShowOnCanvas={onShowOnCanvas} />
    </AntApp>,
  );
  await screen.findByTestId('kpi-conversations');
  return onShowOnCanvas;
};
const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('the analytics dashboard', () => {
  it('should ask for the last 30 days of all channels', async () => {
    await showPage();
    const asked = () =>
      fetchMock.mock.calls
        .map(([input]) => new URL(String(input), 'http://console.test'))
        .findLast((url) => url.pathname === '/api/analytics/dashboard')!;
    const { from, to } = lastDays(30, todayIn(dashboard.period.timeZone));
    await waitFor(() => expect(Object.fromEntries(asked().searchParams)).toEqual({ from, to }));
  });

  it("should end the last 30 days and plan staffing on the shop's today, not the browser's", async () => {
    // 12:00 UTC: the browser's (UTC) 30 November, already 1 December 02:00 on Kiritimati (UTC+14).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    try {
      answers.dashboard = () =>
        json({ ...dashboard, period: { ...dashboard.period, timeZone: 'Pacific/Kiritimati' } });
      await showPage();
      const asked = (path: string) =>
        fetchMock.mock.calls
          .map(([input]) => new URL(String(input), 'http://console.test'))
          .filter((url) => url.pathname === path)
          .map((url) => Object.fromEntries(url.searchParams));
      await waitFor(() =>
        expect(asked('/api/analytics/dashboard').at(-1)).toEqual({
          from: '2026-11-02',
          to: '2026-12-01',
        }),
      );
      await waitFor(() =>
        expect(asked('/api/analytics/staffing').at(-1)).toMatchObject({ date: '2026-12-02' }),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('should show the key figures, formatted, with the change against the previous period', async () => {
    await showPage();
    expect(text('kpi-conversations')).toContain('150');
    expect(text('kpi-conversations-change')).toContain('+25.0% vs previous period');
    expect(text('kpi-automation-rate')).toContain('75.0%');
    expect(text('kpi-automation-rate')).toContain('90 of 120 closed');
    // Conversations handed to a person at least once, of the closed; the handoffs beside.
    expect(text('kpi-handoff-rate')).toContain('Conversations handed to a person25.0%');
    expect(text('kpi-handoff-rate')).toContain(
      '30 of 120 closed handed to a person at least once; 45 handoffs in all',
    );
    expect(text('kpi-resolution-rate')).toContain('90.0%');
    expect(text('kpi-first-response')).toContain('4.2 s');
    expect(text('kpi-wait')).toContain('1.6 min');
    // Averages with their median and 90th percentile.
    expect(text('kpi-wait')).toContain('p50 1 min · p90 3.5 mins · 40 measured');
    expect(text('kpi-abandoned')).toContain('Abandoned in queue20.0%');
    expect(text('kpi-abandoned')).toContain(
      '10 of 50 queue waits ended with the customer gone, after 2.5 mins on average',
    );
    expect(text('kpi-handling')).toContain('7.2 min');
    expect(text('kpi-handling')).toContain('p50 6 mins · p90 14 mins · 38 measured');
    expect(text('kpi-satisfaction')).toContain('4.3 / 5');
    expect(text('kpi-satisfaction')).toContain('25 ratings');
    expect(text('rolled-up-to')).toContain('Counted up to');
  });

  it('should flag a spiking intent with a red tag, and only that one', async () => {
    await showPage();
    expect(text('spike-logistics.complaint')).toBe('Spike');
    expect(screen.queryByTestId('spike-order.status')).toBeNull();
    expect(text('intent-refund.request')).toContain('—'); // no previous count: no change
    await act(() => i18next.changeLanguage('zh'));
    expect(text('spike-logistics.complaint')).toBe('激增');
  });

  it('should list the heatmap peaks, the charts and every agent', async () => {
    await showPage();
    expect(text('peaks')).toContain('Sun 21:00 · 50 a day (50 in all)');
    expect(screen.getByTestId('heatmap')).toBeTruthy();
    expect(await screen.findAllByTestId('chart-stub')).not.toHaveLength(0);
    expect(text('agent-li.lei')).toContain('李雷');
    expect(text('agent-li.lei')).toContain('88.0%');
    expect(text('agent-han.meimei')).toContain('— (0)');
    // Resolved by a supervisor for the agent: beside their own resolutions, not among them.
    expect(text('resolved-by-supervisor-li.lei')).toBe(' +2 by a supervisor');
    expect(screen.queryByTestId('resolved-by-supervisor-han.meimei')).toBeNull();
  });

  it('should say there is no data rather than draw empty charts', async () => {
    answers.dashboard = () => json(emptyDashboard);
    await showPage();
    expect(screen.getByTestId('volume-empty')).toBeTruthy();
    expect(screen.queryByTestId('heatmap')).toBeNull();
    expect(screen.getByTestId('intents-empty')).toBeTruthy();
    expect(text('kpi-automation-rate')).toContain('—');
    expect(text('kpi-handoff-rate')).toContain('—');
    expect(text('kpi-wait')).toContain('p50 — · p90 — · 0 measured');
    expect(text('kpi-abandoned')).toContain('—');
    expect(text('kpi-conversations-change')).toBe('no data in the previous period');
    expect(text('rolled-up-to')).toBe('Nothing has been counted yet.');
  });

  it("should show the API's refusal in the language shown", async () => {
    answers.dashboard = () =>
      json(
        {
          error: {
            code: 'bad_range',
            zh: '日期范围不能超过 366 天',
            en: 'The range may not be longer than 366 days',
          },
        },
        400,
      );
    render(
      <AntApp>
        <AnalyticsPage onShowOnCanvas={vi.fn()} />
      </AntApp>,
    );
    expect((await screen.findByTestId('analytics-error')).textContent).toContain(
      'The range may not be longer than 366 days',
    );
    await act(() => i18next.changeLanguage('zh'));
    expect(text('analytics-error')).toContain('日期范围不能超过 366 天');
  });

  it('should plan staffing for tomorrow at 80/20 and mark the hours short of agents', async () => {
    await showPage();
    await screen.findByTestId('staffing-hour-10');
    const asked = fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://console.test'))
      .find((url) => url.pathname === '/api/analytics/staffing')!;
    expect(asked.searchParams.get('targetLevel')).toBe('0.8');
    expect(asked.searchParams.get('targetSeconds')).toBe('20');
    expect(screen.getByTestId('staffing-hour-10').className).toContain('analytics-row-alert');
    expect(screen.getByTestId('staffing-hour-9').className).not.toContain('analytics-row-alert');
    expect(text('staffing-table')).toContain('Misses target');
    expect(screen.getByTestId('staffing-chart')).toBeTruthy();
  });

  it('should name its filters for screen readers, once a value hides the placeholder too', async () => {
    await showPage();
    await screen.findByTestId('funnel-node-waitPayment');
    expect(screen.getByRole('combobox', { name: 'Channel' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Journey' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Service level target (%)' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Answer within (s)' })).toBeTruthy();
  });

  it("should show the first journey's funnel, its biggest drop-offs, and open it on the canvas", async () => {
    const onShowOnCanvas = await showPage();
    await screen.findByTestId('funnel-node-waitPayment');
    expect(text('funnel-node-waitPayment')).toContain('Biggest drop-off');
    expect(text('funnel-node-waitPayment')).toContain('30 min');
    expect(text('funnel-node-notify')).toContain('75.0%');
    expect(screen.queryByTestId('drop-off-survey')).toBeNull();
    fireEvent.click(screen.getByTestId('show-on-canvas'));
    expect(onShowOnCanvas).toHaveBeenCalledWith('order-lifecycle');
  });

  it('should draw the funnel as instances reached per node, and say so in words', async () => {
    await showPage();
    const chart = await screen.findByRole('figure', { name: /Journey funnel chart/ });
    // The canvas is for the eye; its words are read instead.
    await waitFor(() =>
      expect(within(chart).getByTestId('chart-stub').textContent).toBe(
        'Moved on | Ended here | Waiting | Dropped',
      ),
    );
    expect(within(chart).getByTestId('chart-stub').closest('[aria-hidden="true"]')).toBeTruthy();
    const lines = within(screen.getByTestId('funnel-chart-text'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toHaveLength(funnel.nodes.length);
    expect(lines[1]).toBe(
      '等待付款: 200 instances reached (100.0%); 150 moved on, 0 waiting, 50 dropped',
    );
    expect(lines.at(-1)).toBe('完成: 120 instances reached (60.0%); 120 ended here, 0 waiting');
    await i18next.changeLanguage('zh');
    await waitFor(() => expect(screen.getByRole('figure', { name: /旅程漏斗图/ })).toBeTruthy());
    expect(
      within(screen.getByTestId('funnel-chart-text')).getAllByRole('listitem')[1]?.textContent,
    ).toBe('等待付款：到达实例 200（100.0%），已继续 150，等待中 0，流失 50');
  });

  it("should download a table's CSV with the table's filters", async () => {
    // jsdom has no object URLs.
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await showPage();
    fireEvent.click(screen.getByTestId('export-intents'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const { from, to } = lastDays(30, todayIn(dashboard.period.timeZone));
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/analytics/export/intents.csv?from=${from}&to=${to}`,
      { credentials: 'same-origin' },
    );
    expect(createObjectURL).toHaveBeenCalled();
    for (const table of ['volume', 'agents', 'staffing', 'funnel'])
      expect(screen.getByTestId(`export-${table}`)).toBeTruthy();
    click.mockRestore();
    Object.assign(URL, { createObjectURL: undefined, revokeObjectURL: undefined });
  });
});
