import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from '@xiaoer/engine/testing';
import { BrowserSimulation, SAMPLE_ORDER, sampleData } from './browser-simulation.ts';
import { lateNight } from '../testing/late-night-scenario.ts';
import { shipped } from '../testing/shipped.ts';

describe('the simulation the editor runs in the browser', () => {
  it('should run the order lifecycle to its end with picked events and the virtual clock', async () => {
    const sim = new BrowserSimulation(await shipped('order-lifecycle'), SAMPLE_ORDER);
    expect(sim.status).toBe('active');
    expect(sim.waitingFor).toContain('order.shipped');
    sim.send('order.shipped', { orderId: 'SIM-1001', trackingNumber: 'SF1' });
    expect(sim.waitingFor).toContain('order.delivered');
    sim.send('order.delivered', { orderId: 'SIM-1001' });
    // The satisfaction survey waits for a reply or its timeout; let the clock run.
    for (let i = 0; i < 10 && sim.status === 'active'; i++) sim.advance('7d');
    expect(sim.status).toBe('done');
    expect(sim.visited.has('waitShipment')).toBe(true);
    expect([...sim.takenOutcomes].some((o) => o.startsWith('waitShipment/'))).toBe(true);
    expect(sim.timeline.length).toBeGreaterThan(3);
  });

  it("should offer the survey's options as replies, and follow the one chosen", async () => {
    const sim = new BrowserSimulation(await shipped('order-lifecycle'), SAMPLE_ORDER);
    expect(sim.replyOptions).toEqual([]);
    sim.send('order.shipped', { orderId: 'SIM-1001', trackingNumber: 'SF1' });
    sim.send('order.delivered', { orderId: 'SIM-1001' });
    for (let i = 0; i < 5 && sim.node !== 'satisfactionSurvey'; i++) sim.advance('1d');
    expect(sim.node).toBe('satisfactionSurvey');
    expect(sim.replyOptions.map((o) => o.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    sim.reply('s1');
    expect(sim.takenOutcomes.has('satisfactionSurvey/s1')).toBe(true);
    expect(sim.steps.at(-1)).toEqual({ reply: 's1' });
  });

  it('should answer an order-system call with a failure and follow the failed outcome', async () => {
    const refund = await shipped('refund');
    const call = refund.nodes.find((n) => n.type === 'callOrderSystem');
    if (!call) throw new Error('refund has no order-system call');
    const data = sampleData(refund);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['orderId', 'refundId', 'amount']));
    const sim = new BrowserSimulation(refund, data, call.id);
    expect(sim.openCalls).toHaveLength(1);
    const before = sim.timeline.length;
    for (let i = 0; i < 10 && sim.openCalls[0]; i++) {
      sim.answerCall(sim.openCalls[0], false);
      sim.advance('1h');
    }
    expect(sim.timeline.length).toBeGreaterThan(before);
    expect(sim.visited.has(call.id)).toBe(true);
    expect([...sim.takenOutcomes]).toContain(`${call.id}/failed`);
  });

  it('should record the run as a scenario that replays to the same place, also through runScenario', async () => {
    const lifecycle = await shipped('order-lifecycle');
    const sim = new BrowserSimulation(lifecycle, SAMPLE_ORDER);
    sim.send('order.shipped', { orderId: 'SIM-1001' });
    sim.advance('2d');
    const scenario = sim.toScenario('shipped then quiet');
    expect(scenario.steps).toEqual([
      { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
      { advance: '2d' },
    ]);
    const again = BrowserSimulation.replay(lifecycle, JSON.parse(JSON.stringify(scenario)));
    expect(again.node).toBe(sim.node);
    expect(again.timeline.map((e) => e.event.type)).toEqual(sim.timeline.map((e) => e.event.type));
    const run = runScenario(lifecycle, scenario);
    expect(run.error).toBeUndefined();
    expect(run.test.node).toBe(sim.node);
  });

  it('should start at a chosen node with chosen data', async () => {
    const lifecycle = await shipped('order-lifecycle');
    const sim = new BrowserSimulation(
      lifecycle,
      { ...SAMPLE_ORDER, orderId: 'X', anything: true },
      'waitDelivery',
    );
    expect(sim.node).toBe('waitDelivery');
    expect(sim.data).toMatchObject({ orderId: 'X', anything: true });
  });

  it("should park an early event with early: 'park', offer it again, and keep the mode in the scenario", async () => {
    const lifecycle = await shipped('order-lifecycle');
    const sim = new BrowserSimulation(lifecycle, SAMPLE_ORDER, undefined, 'park');
    expect(sim.node).toBe('waitShipment');
    expect(sim.earlyChoices).toEqual(
      expect.arrayContaining(['order.delivered', 'customer.replied']),
    );
    expect(sim.earlyChoices).not.toContain('order.shipped');
    sim.send('order.delivered', { orderId: 'SIM-1001' });
    sim.send('customer.replied', { text: '5' });
    expect(sim.node).toBe('waitShipment');
    expect(sim.parked.map((e) => e.type)).toEqual(['order.delivered', 'customer.replied']);
    sim.send('order.shipped', { orderId: 'SIM-1001' });
    // Shipped, then the parked delivery is offered again and taken: on to the day before the survey.
    expect(sim.node).toBe('waitBeforeSurvey');
    const delivered = sim.timeline.find((e) => e.event.type === 'order.delivered' && e.unparked);
    expect(delivered).toMatchObject({ from: 'waitDelivery' });
    sim.advanceToNextTimer();
    // The survey refuses the reply sent before its question: let go, never taken.
    expect(sim.dropped.map((d) => [d.event.type, d.node, d.reason])).toEqual([
      ['customer.replied', 'satisfactionSurvey', 'refused'],
    ]);
    expect(sim.parked).toEqual([]);

    const scenario = sim.toScenario('early delivery');
    expect(scenario.early).toBe('park');
    const again = BrowserSimulation.replay(lifecycle, JSON.parse(JSON.stringify(scenario)));
    expect(again.early).toBe('park');
    expect(again.node).toBe(sim.node);
    expect(again.dropped).toEqual(sim.dropped);
    const run = runScenario(lifecycle, scenario);
    expect(run.error).toBeUndefined();
    expect(run.test.node).toBe(sim.node);
    expect(new BrowserSimulation(lifecycle, SAMPLE_ORDER).toScenario('x')).not.toHaveProperty(
      'early',
    );
  });

  it("should replay a scenario's startAt and autoConfirmSends as runScenario does, and save them back unchanged", async () => {
    const lifecycle = await shipped('order-lifecycle');
    const scenario = lateNight;
    const run = runScenario(lifecycle, scenario);
    expect(run.error).toBeUndefined();
    expect(run.test.node).toBe('waitBeforeSurvey');

    const sim = BrowserSimulation.replay(lifecycle, JSON.parse(JSON.stringify(scenario)));
    expect(sim.settings).toEqual({ startAt: '2026-03-02T22:30:00+08:00', autoConfirmSends: false });
    expect(sim.node).toBe(run.test.node);
    expect(sim.timeline).toHaveLength(run.test.timeline.length);
    expect(sim.timeline.map((e) => e.at)).toEqual(run.test.timeline.map((e) => e.at));
    expect(sim.now).toBe(run.test.clock.now);
    expect(sim.nextTimerAt).toBe(run.test.nextTimer?.dueAt);

    const saved = sim.toScenario('late-night delivery');
    expect(saved).toEqual({ ...scenario, name: 'late-night delivery' });
    expect(new BrowserSimulation(lifecycle, SAMPLE_ORDER).toScenario('x')).not.toHaveProperty(
      'startAt',
    );
  });

  it('should keep the run so far of a replay refused midway, stopped where runScenario stops', async () => {
    const lifecycle = await shipped('order-lifecycle');
    const scenario: Scenario = {
      startNode: 'waitShipment',
      trigger: SAMPLE_ORDER,
      steps: [
        { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
        { event: 'customer.replied', data: { text: '5' } },
        { advance: '1d' },
      ],
    };
    const run = runScenario(lifecycle, scenario);
    expect(run.failedStep).toBe(1);

    const sim = BrowserSimulation.replay(lifecycle, scenario);
    expect(sim.refused).toMatchObject({
      index: 1,
      step: scenario.steps[1],
      node: 'waitDelivery',
      total: 3,
      error: { code: 'event.notAccepted', message: run.error?.message },
    });
    expect(sim.node).toBe(run.test.node);
    expect(sim.timeline.map((e) => [e.event.type, e.from, e.to])).toEqual(
      run.test.timeline.map((e) => [e.event.type, e.from, e.to]),
    );
    expect(sim.visited).toEqual(new Set(run.test.visited));
    // Only the steps that ran are the run's, and the replay's start node is kept.
    expect(sim.toScenario('so far')).toEqual({
      name: 'so far',
      startNode: 'waitShipment',
      trigger: SAMPLE_ORDER,
      steps: [scenario.steps[0]],
    });
    expect(BrowserSimulation.replay(lifecycle, lateNight).refused).toBeUndefined();
  });

  it('should wait for the delivery report with autoConfirmSends: false, answered by the operator as a step', async () => {
    const lifecycle = await shipped('order-lifecycle');
    const sim = new BrowserSimulation(lifecycle, SAMPLE_ORDER, undefined, 'throw', {
      autoConfirmSends: false,
    });
    expect(sim.node).toBe('confirmOrder');
    expect(sim.awaitingDelivery?.nodeId).toBe('confirmOrder');
    sim.answerDelivery(true);
    expect(sim.node).toBe('waitShipment');
    expect(sim.awaitingDelivery).toBeUndefined();
    sim.send('order.shipped', { orderId: 'SIM-1001' });
    sim.answerDelivery(false);
    expect(sim.node).toBe('customerUnreachable');
    expect(sim.steps).toEqual([
      { sendSucceeded: true },
      { event: 'order.shipped', data: { orderId: 'SIM-1001' } },
      { sendFailed: true },
    ]);
    const run = runScenario(lifecycle, sim.toScenario('not delivered'));
    expect(run.error).toBeUndefined();
    expect(run.test.node).toBe(sim.node);
    expect(new BrowserSimulation(lifecycle, SAMPLE_ORDER).awaitingDelivery).toBeUndefined();
  });
});
