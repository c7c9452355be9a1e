// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { WorkflowDocument } from '@xiaoer/engine';
import orderThankYou from '../../../../workflows/templates/order-thank-you.json';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { journey } from '../testing/sample-draft.ts';
import { BrowserSimulation, SAMPLE_ORDER } from './browser-simulation.ts';
import { SimulationPanel } from './SimulationPanel.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

const ISO_MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The starter template: order created → a thank-you SMS (a send, answered) → the end. */
const thankYou = orderThankYou as unknown as WorkflowDocument;

/** The panel showing `simulation` of `document`, as the editor draws it. */
function showSimulation(document: WorkflowDocument, simulation: BrowserSimulation) {
  render(
    <SimulationPanel
      document={document}
      canSave={false}
      simulation={simulation}
      onChange={() => {}}
    />,
  );
  return simulation;
}

const showFinishedJourney = () =>
  showSimulation(thankYou, new BrowserSimulation(thankYou, SAMPLE_ORDER));

describe("the simulation panel speaks the console's language", () => {
  it('should show the status, the virtual clock and the effects in Chinese', async () => {
    await i18n.changeLanguage('zh');
    const simulation = showFinishedJourney();
    expect(simulation.status).toBe('done');
    expect(screen.getByTestId('simulation-status').textContent).toBe('已结束');
    expect(screen.getByTestId('simulation-status').dataset['status']).toBe('done');
    const clock = screen.getByTestId('simulation-clock').textContent ?? '';
    expect(clock).not.toMatch(ISO_MOMENT);
    expect(clock).toMatch(/^虚拟时钟 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2} \(UTC\+08:00\)$/);
    const timeline = screen.getByTestId('simulation-timeline');
    expect(timeline.textContent).not.toMatch(ISO_MOMENT);
    expect(within(timeline).getAllByText('发送').length).toBeGreaterThan(0);
    expect(within(timeline).queryByText('send')).toBeNull();
  });

  it('should show them in English', async () => {
    await i18n.changeLanguage('en');
    showFinishedJourney();
    expect(screen.getByTestId('simulation-status').textContent).toBe('Ended');
    expect(screen.getByTestId('simulation-clock').textContent).toMatch(
      /^Virtual clock \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \(UTC\+08:00\)$/,
    );
    expect(screen.getByTestId('simulation-timeline').textContent).not.toMatch(ISO_MOMENT);
    expect(
      within(screen.getByTestId('simulation-timeline')).getAllByText('Send').length,
    ).toBeGreaterThan(0);
  });
});

/** Order created → hand off to an agent → the end, from either of its outcomes. */
const handOff: WorkflowDocument = {
  ...journey,
  nodes: [
    ...journey.nodes,
    {
      id: 'agent',
      type: 'handoffToAgent',
      position: { x: 300, y: 200 },
      config: { conversation: '{{orderId}}', group: 'after-sales' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'agent' },
    { id: 'e2', source: 'agent', sourceHandle: 'resolved', target: 'done' },
    { id: 'e3', source: 'agent', sourceHandle: 'abandoned', target: 'done' },
  ],
};

describe('the simulation names events and calls by what they mean', () => {
  it('should offer 人工服务结束 and the 转人工 call, not handoff.resolved and xiaoer.handoffToAgent', async () => {
    await i18n.changeLanguage('zh');
    const simulation = showSimulation(handOff, new BrowserSimulation(handOff, SAMPLE_ORDER));
    expect(simulation.node).toBe('agent');
    const panel = screen.getByTestId('simulation').textContent ?? '';
    expect(screen.getByTestId('simulation-send-handoff.resolved').textContent).toMatch(
      /发送\s*人工服务结束/,
    );
    expect(panel).toContain('转人工');
    expect(panel).not.toContain('xiaoer.handoffToAgent');
    expect(within(screen.getByTestId('simulation-timeline')).getByText('订单创建')).toBeTruthy();
  });
});

describe("the simulation's clock", () => {
  it('should go to the next timer with one click, so a 2-day wait needs no typed duration', async () => {
    await i18n.changeLanguage('zh');
    const waiting: WorkflowDocument = {
      ...journey,
      nodes: [
        ...journey.nodes,
        { id: 'pause', type: 'wait', position: { x: 150, y: 200 }, config: { duration: '2d' } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pause' },
        { id: 'e2', source: 'pause', sourceHandle: 'next', target: 'done' },
      ],
    };
    const simulation = showSimulation(waiting, new BrowserSimulation(waiting, SAMPLE_ORDER));
    expect(simulation.node).toBe('pause');
    const started = Date.parse(simulation.now);
    const toNextTimer = screen.getByTestId('simulation-to-next-timer');
    expect(toNextTimer.textContent).toBe('拨到这时');
    fireEvent.click(toNextTimer);
    expect(simulation.status).toBe('done');
    expect(Date.parse(simulation.now) - started).toBe(2 * 24 * 3_600_000);
  });
});
