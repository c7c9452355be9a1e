// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { WorkflowDocument } from '@xiaoer/engine';
import { runScenario, type Scenario } from '@xiaoer/engine/testing';
import orderThankYou from '../../../../workflows/templates/order-thank-you.json';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { lateNight } from '../testing/late-night-scenario.ts';
import { journey } from '../testing/sample-draft.ts';
import { shipped } from '../testing/shipped.ts';
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

/** The panel as the editor keeps it: each change of the simulation draws it again. */
function LivePanel({
  document,
  canSave = false,
}: {
  document: WorkflowDocument;
  canSave?: boolean;
}) {
  const [simulation, setSimulation] = useState<BrowserSimulation | null>(null);
  const [, redraw] = useState(0);
  return (
    <SimulationPanel
      document={document}
      canSave={canSave}
      simulation={simulation}
      onChange={(changed) => {
        setSimulation(changed);
        redraw((n) => n + 1);
      }}
    />
  );
}

/** The text of the timeline's rows that carry `mark`. */
const markedRow = (mark: string) =>
  screen
    .getAllByTestId('simulation-mark')
    .filter((tag) => tag.dataset['mark'] === mark)
    .map((tag) => tag.closest('tr')?.textContent ?? '');

describe('the simulation parks events that come early, when asked to', () => {
  it('should offer a labelled switch, send early events, and mark parked and offered-again steps', async () => {
    await i18n.changeLanguage('zh');
    render(<LivePanel document={await shipped('order-lifecycle')} />);
    const parking = screen.getByRole('switch', { name: '暂存提前到达的事件' });
    expect(parking.getAttribute('aria-checked')).toBe('false');
    expect(parking.getAttribute('aria-describedby')).toBe('simulation-park-early-help');
    expect(document.getElementById('simulation-park-early-help')?.textContent).toContain(
      '旅程走到等待它的步骤时再交给它',
    );
    fireEvent.click(parking);
    expect(parking.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitShipment');
    // Fixed while it runs: the run keeps the mode it started with.
    expect(screen.getByRole('switch', { name: '暂存提前到达的事件' })).toHaveProperty(
      'disabled',
      true,
    );

    const early = screen.getByTestId('simulation-send-early-order.delivered');
    expect(early.textContent).toMatch(/提前发送：\s*订单签收/);
    fireEvent.click(early);
    fireEvent.change(screen.getByTestId('simulation-payload'), {
      target: { value: '{"text": "5"}' },
    });
    fireEvent.click(screen.getByTestId('simulation-send-early-customer.replied'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitShipment');
    expect(markedRow('parked')).toHaveLength(2);
    expect(markedRow('parked')[0]).toContain('已暂存：当前步骤尚未等待');
    expect(screen.getByTestId('simulation-still-parked').textContent).toBe(
      '仍暂存：订单签收和客户回复',
    );

    fireEvent.change(screen.getByTestId('simulation-payload'), {
      target: { value: '{"orderId": "SIM-1001"}' },
    });
    fireEvent.click(screen.getByTestId('simulation-send-order.shipped'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitBeforeSurvey');
    const [offered] = markedRow('offeredTaken');
    expect(offered).toContain('订单签收');
    expect(offered).toContain('再次提供，已接收');
    expect(offered).toMatch(/原发送于 \d{4}年/);
    expect(offered).toContain('waitDelivery → ');

    fireEvent.click(screen.getByTestId('simulation-to-next-timer'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('satisfactionSurvey');
    expect(markedRow('offeredLetGo')[0]).toContain('客户回复');
    const letGo = screen.getByTestId('simulation-let-go');
    expect(within(letGo).getByRole('heading').textContent).toBe('放下的事件（从未被接收）');
    expect(letGo.querySelector('li')?.textContent).toMatch(
      /客户回复\s*在 satisfactionSurvey：节点拒绝了它$/,
    );
    expect(screen.queryByTestId('simulation-still-parked')).toBeNull();
  });

  it('should say the same in English', async () => {
    await i18n.changeLanguage('en');
    render(<LivePanel document={await shipped('order-lifecycle')} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Park events that come early' }));
    expect(document.getElementById('simulation-park-early-help')?.textContent).toContain(
      'kept aside (parked)',
    );
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(document.getElementById('simulation-park-early-help')?.textContent).toContain(
      'Stop the simulation to change this.',
    );
    fireEvent.change(screen.getByTestId('simulation-payload'), {
      target: { value: '{"text": "5"}' },
    });
    const early = screen.getByTestId('simulation-send-early-customer.replied');
    expect(early.textContent).toMatch(/Send early:\s*Customer replied/);
    fireEvent.click(early);
    expect(markedRow('parked')[0]).toContain('Parked: not awaited yet');
    fireEvent.change(screen.getByTestId('simulation-payload'), {
      target: { value: '{"orderId": "SIM-1001"}' },
    });
    fireEvent.click(screen.getByTestId('simulation-send-order.shipped'));
    fireEvent.click(screen.getByTestId('simulation-send-order.delivered'));
    fireEvent.click(screen.getByTestId('simulation-to-next-timer'));
    expect(markedRow('offeredLetGo')[0]).toContain('Offered again, let go');
    expect(markedRow('offeredLetGo')[0]).toMatch(/sent at \d{1,2} \w{3} \d{4}/);
    const letGo = screen.getByTestId('simulation-let-go');
    expect(within(letGo).getByRole('heading').textContent).toBe('Events let go (never taken)');
    expect(letGo.querySelector('li')?.textContent).toMatch(
      /Customer replied\s*at satisfactionSurvey: the node refused it$/,
    );
  });

  it('should refuse early events as before with the switch off, offering none', async () => {
    await i18n.changeLanguage('zh');
    render(<LivePanel document={await shipped('order-lifecycle')} />);
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(
      screen.getByRole('switch', { name: '暂存提前到达的事件' }).getAttribute('aria-checked'),
    ).toBe('false');
    expect(screen.queryByTestId('simulation-send-early-order.delivered')).toBeNull();
    expect(screen.queryByTestId('simulation-let-go')).toBeNull();
  });

  it('should show a replayed scenario with early: park in its mode', async () => {
    await i18n.changeLanguage('en');
    const lifecycle = await shipped('order-lifecycle');
    const simulation = showSimulation(
      lifecycle,
      BrowserSimulation.replay(lifecycle, {
        early: 'park',
        trigger: SAMPLE_ORDER,
        steps: [{ event: 'order.delivered', data: { orderId: 'SIM-1001' } }],
      }),
    );
    expect(simulation.node).toBe('waitShipment');
    const parking = screen.getByRole('switch', { name: 'Park events that come early' });
    expect(parking.getAttribute('aria-checked')).toBe('true');
    expect(markedRow('parked')).toHaveLength(1);
    expect(screen.getByTestId('simulation-still-parked').textContent).toBe(
      'Still parked: Order delivered',
    );
  });
});

/**
 * The scenarios saved beside the journey on the fake server, by name: each test of the
 * describe it is called in starts with `saved` and finds there what the panel saved.
 */
function scenarioServer(saved: Scenario[]): Map<string, Scenario> {
  const stored = new Map<string, Scenario>();
  fakeServer(
    async (url, init) => {
      const name = /\/scenarios\/(.+)$/.exec(url.pathname)?.[1];
      if (init?.method === 'PUT' && name) {
        const scenario = JSON.parse(String(init.body)) as Scenario;
        stored.set(decodeURIComponent(name), scenario);
        return json({ name: decodeURIComponent(name), scenario });
      }
      return json({ scenarios: [...stored].map(([n, scenario]) => ({ name: n, scenario })) });
    },
    () => {
      stored.clear();
      for (const scenario of saved) stored.set(scenario.name ?? '', scenario);
    },
  );
  return stored;
}

/** Picks the saved scenario `name` and replays it. */
async function replay(name: string) {
  const pick = screen.getByTestId('scenario-pick');
  fireEvent.mouseDown(pick.querySelector('input') ?? pick);
  fireEvent.click(await screen.findByTitle(name));
  fireEvent.click(screen.getByTestId('scenario-replay'));
}

describe("a replayed scenario's clock start and delivery confirmation", () => {
  const stored = scenarioServer([lateNight]);

  it('should replay them as runScenario does, show them, and save them back unchanged', async () => {
    await i18n.changeLanguage('zh');
    const lifecycle = await shipped('order-lifecycle');
    const run = runScenario(lifecycle, lateNight);
    expect(run.error).toBeUndefined();
    render(<LivePanel document={lifecycle} canSave />);
    await replay('late night');
    expect(screen.queryByTestId('simulation-error')).toBeNull();
    expect(screen.getByTestId('simulation-node').textContent).toBe(run.test.node);
    expect(
      screen.getByTestId('simulation-timeline').querySelectorAll('tr[data-row-key]'),
    ).toHaveLength(run.test.timeline.length);
    expect(screen.getByTestId('simulation-settings').textContent).toBe(
      '场景设定： 虚拟时钟从 2026年3月2日 22:30:00 (UTC+08:00) 开始；消息送达结果需手动确认',
    );
    expect(document.getElementById('simulation-settings-help')?.textContent).toContain(
      '保存时原样保留',
    );
    expect(screen.getByTestId('simulation-clock').textContent).toContain('2026年3月3日 22:30:00');

    fireEvent.change(screen.getByTestId('scenario-name'), { target: { value: 'late night 2' } });
    fireEvent.click(screen.getByTestId('scenario-save'));
    await vi.waitFor(() => expect(stored.get('late night 2')).toBeDefined());
    expect(stored.get('late night 2')).toEqual({ ...lateNight, name: 'late night 2' });
  });

  it('should say them in English, keep them for a new start, and offer the delivery report', async () => {
    await i18n.changeLanguage('en');
    const lifecycle = await shipped('order-lifecycle');
    render(<LivePanel document={lifecycle} canSave />);
    await replay('late night');
    expect(screen.getByTestId('simulation-settings').textContent).toBe(
      'Scenario settings: virtual clock starts at 2 Mar 2026, 22:30:00 (UTC+08:00); message delivery is confirmed by hand',
    );
    expect(document.getElementById('simulation-settings-help')?.textContent).toContain(
      'saving keeps them as they are',
    );
    // Started again, the run keeps them: the confirmation waits for its delivery report.
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('confirmOrder');
    expect(screen.getByTestId('simulation-clock').textContent).toContain('2 Mar 2026, 22:30:00');
    expect(screen.getByTestId('simulation-delivery').textContent).toMatch(
      /Message waiting for its delivery report:\s*Delivered\s*Not delivered/,
    );
    fireEvent.click(screen.getByTestId('simulation-delivered'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitShipment');
    expect(screen.queryByTestId('simulation-delivery')).toBeNull();

    // Stopped, they can be dropped: the next start has the defaults again.
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.click(screen.getByTestId('simulation-settings-drop'));
    expect(screen.queryByTestId('simulation-settings')).toBeNull();
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitShipment');
  });
});

/** Shipped, then a reply while the journey waits for the delivery (refused), then a day. */
const repliedEarly: Scenario = {
  name: 'replied early',
  trigger: SAMPLE_ORDER,
  steps: [
    { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
    { event: 'customer.replied', data: { text: '5' } },
    { advance: '1d' },
  ],
};

/** Starts where the journey waits for the delivery. */
const fromDelivery: Scenario = {
  name: 'from the delivery',
  startNode: 'waitDelivery',
  trigger: SAMPLE_ORDER,
  steps: [{ event: 'order.delivered', data: { orderId: 'SIM-1001' } }],
};

/** The text the "start at" selector shows (its value's label, else its placeholder). */
const startAtShown = () =>
  screen.getByTestId('simulation-start-node').closest('.ant-select')?.textContent ?? '';

describe('a replayed scenario the journey refuses midway, or that starts at a node', () => {
  const stored = scenarioServer([repliedEarly, fromDelivery]);

  it('should show the run so far and say which step was refused and why, as runScenario stops', async () => {
    await i18n.changeLanguage('zh');
    const lifecycle = await shipped('order-lifecycle');
    const run = runScenario(lifecycle, repliedEarly);
    expect(run.failedStep).toBe(1);
    render(<LivePanel document={lifecycle} canSave />);
    await replay('replied early');
    expect(screen.queryByTestId('simulation-error')).toBeNull();
    expect(screen.getByTestId('simulation-node').textContent).toBe(run.test.node);
    expect(run.test.node).toBe('waitDelivery');
    expect(
      screen.getByTestId('simulation-timeline').querySelectorAll('tr[data-row-key]'),
    ).toHaveLength(run.test.timeline.length);
    const refused = screen.getByTestId('simulation-refused');
    expect(refused.querySelector('.ant-alert-title, .ant-alert-message')?.textContent).toBe(
      '重放停在场景的第 2 步（共 3 步）：发送 客户回复',
    );
    expect(screen.getByTestId('simulation-refused-reason').textContent).toBe(
      '旅程拒绝了它：节点 waitDelivery 不接收“客户回复”，它在等：订单签收、订单发货、订单取消、订单退款、到时间了。',
    );
    expect(refused.textContent).toContain(
      '下面是它之前各步的运行，停在节点 waitDelivery。 这一步和之后的 1 步没有运行；保存场景只会保存已运行的步骤。',
    );
    // The run goes on from there; saved, it keeps the steps that ran.
    fireEvent.change(screen.getByTestId('simulation-payload'), {
      target: { value: '{"orderId": "SIM-1001"}' },
    });
    fireEvent.click(screen.getByTestId('simulation-send-order.delivered'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitBeforeSurvey');
    expect(screen.getByTestId('simulation-refused').textContent).toContain(
      '重放停在节点 waitDelivery，之后的运行是手动继续的。 这一步和之后的 1 步没有运行',
    );
    fireEvent.change(screen.getByTestId('scenario-name'), { target: { value: 'mended' } });
    fireEvent.click(screen.getByTestId('scenario-save'));
    await vi.waitFor(() => expect(stored.get('mended')).toBeDefined());
    expect(stored.get('mended')?.steps).toEqual([
      repliedEarly.steps[0],
      { event: 'order.delivered', data: { orderId: 'SIM-1001' } },
    ]);
    // A new start is a run of its own: nothing refused in it.
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(screen.queryByTestId('simulation-refused')).toBeNull();
  });

  it('should say it in English, an expectNode elsewhere and an answer to no open call too', async () => {
    await i18n.changeLanguage('en');
    const lifecycle = await shipped('order-lifecycle');
    stored.set('checked', {
      name: 'checked',
      trigger: SAMPLE_ORDER,
      steps: [{ expectNode: 'waitDelivery' }, { advance: '1d' }, { advance: '1d' }],
    });
    stored.set('no call', {
      name: 'no call',
      trigger: SAMPLE_ORDER,
      steps: [{ callFailed: 'refund' }],
    });
    stored.set('nowhere', {
      name: 'nowhere',
      startNode: 'nowhere',
      trigger: SAMPLE_ORDER,
      steps: [],
    });
    render(<LivePanel document={lifecycle} />);
    await replay('replied early');
    const title = () =>
      screen.getByTestId('simulation-refused').querySelector('.ant-alert-title, .ant-alert-message')
        ?.textContent;
    expect(title()).toBe(
      'The replay stopped at step 2 of 3 of the scenario: send Customer replied',
    );
    expect(screen.getByTestId('simulation-refused-reason').textContent).toBe(
      'The journey refused it: node waitDelivery does not take "Customer replied"; it waits for: Order delivered, Order shipped, Order cancelled, Order refunded, Timer fired.',
    );
    expect(screen.getByTestId('simulation-refused').textContent).toContain(
      'Below is the run of the steps before it, stopped at node waitDelivery. This step and the 1 step after it did not run; saving the scenario keeps only the steps that ran.',
    );
    fireEvent.click(screen.getByTestId('simulation-advance'));
    expect(screen.getByTestId('simulation-refused').textContent).toContain(
      'The replay stopped at node waitDelivery; the run went on by hand from there. This step',
    );

    await replay('checked');
    expect(title()).toBe(
      'The replay stopped at step 1 of 3 of the scenario: expect node waitDelivery',
    );
    expect(screen.getByTestId('simulation-refused-reason').textContent).toBe(
      'The check failed: the journey is at node waitShipment, not waitDelivery.',
    );
    expect(screen.getByTestId('simulation-refused').textContent).toContain(
      'This step and the 2 steps after it did not run',
    );

    await replay('no call');
    expect(title()).toBe('The replay stopped at step 1 of 1 of the scenario: refund fails');
    expect(screen.getByTestId('simulation-refused-reason').textContent).toBe(
      'The journey refused it: no "refund" call is waiting for an answer.',
    );
    expect(screen.getByTestId('simulation-refused').textContent).toContain(
      'This step did not run; saving the scenario keeps only the steps that ran.',
    );
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitShipment');

    // Refused at its start, there is no run to show: the panel says so.
    await replay('nowhere');
    expect(screen.getByTestId('simulation-error').textContent).toMatch(
      /^The replay could not start: the journey did not accept the scenario's start: .*nowhere/,
    );
  });

  it("should show a replayed scenario's start node in the selector, start there again and save it", async () => {
    await i18n.changeLanguage('zh');
    const lifecycle = await shipped('order-lifecycle');
    render(<LivePanel document={lifecycle} canSave />);
    expect(startAtShown()).toBe('从触发开始');
    await replay('from the delivery');
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitBeforeSurvey');
    expect(startAtShown()).toBe('从节点开始： waitDelivery');

    // Stopped and started again, the run starts where the scenario did; saved, it keeps it.
    fireEvent.click(screen.getByRole('button', { name: /^结\s?束$/ }));
    fireEvent.click(screen.getByTestId('simulation-start'));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitDelivery');
    fireEvent.change(screen.getByTestId('scenario-name'), { target: { value: 'again' } });
    fireEvent.click(screen.getByTestId('scenario-save'));
    await vi.waitFor(() => expect(stored.get('again')).toBeDefined());
    expect(stored.get('again')).toMatchObject({ startNode: 'waitDelivery', steps: [] });

    // A scenario that starts at the trigger puts the selector back there.
    await replay('replied early');
    expect(startAtShown()).toBe('从触发开始');
  });

  it('should say it in English', async () => {
    await i18n.changeLanguage('en');
    render(<LivePanel document={await shipped('order-lifecycle')} />);
    await replay('from the delivery');
    expect(startAtShown()).toBe('Start at waitDelivery');
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(screen.getByTestId('simulation-node').textContent).toBe('waitDelivery');
  });
});
