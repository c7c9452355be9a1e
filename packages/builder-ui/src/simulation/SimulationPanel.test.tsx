// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { WorkflowDocument } from '@xiaoer/engine';
import orderThankYou from '../../../../workflows/templates/order-thank-you.json';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { BrowserSimulation, SAMPLE_ORDER } from './browser-simulation.ts';
import { SimulationPanel } from './SimulationPanel.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

const ISO_MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The starter template: order created → a thank-you SMS (a send, answered) → the end. */
const thankYou = orderThankYou as unknown as WorkflowDocument;

function showFinishedJourney() {
  const document = thankYou;
  const simulation = new BrowserSimulation(document, SAMPLE_ORDER);
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
