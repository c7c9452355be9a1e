import { describe, expect, it } from 'vitest';
import { endNode, orderTrigger, workflowOf } from './fixtures/workflow-builder.ts';
import { runScenario, SCENARIO_STEP_KINDS, type Scenario } from './scenario.ts';
import { InvalidEventError } from '../errors.ts';

const journey = workflowOf([orderTrigger(), endNode()], [['start', 'next', 'done']]);

function reasonsOf(scenario: unknown): string[] {
  try {
    runScenario(journey, scenario as Scenario);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return ((error as InvalidEventError).details as { reasons: string[] }).reasons;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario errors', () => {
  it('should name the step kinds allowed when a step is of none, or of two', () => {
    expect(SCENARIO_STEP_KINDS).toEqual([
      'advance',
      'event',
      'reply',
      'callSucceeded',
      'callFailed',
      'sendSucceeded',
      'sendFailed',
      'expectNode',
    ]);
    const reasons = reasonsOf({
      trigger: { orderId: 'A1' },
      steps: [{ wait: '1h' }, { advance: '1h' }, { reply: 'ok', advance: '2h' }],
    });
    expect(reasons).toEqual([
      '/steps/0 must be one step of a kind: advance, event, reply, callSucceeded, callFailed, sendSucceeded, sendFailed, expectNode (it has "wait")',
      '/steps/2 must be one step of a kind: advance, event, reply, callSucceeded, callFailed, sendSucceeded, sendFailed, expectNode (it has both reply and advance)',
    ]);
  });

  it('should still describe other problems of a step of a known kind', () => {
    expect(reasonsOf({ trigger: {}, steps: [{ advance: 5 }] }).join('\n')).toContain('/steps/0');
  });
});

describe('a scenario whose events come early', () => {
  /** Waits for shipping, then ends. */
  const shipping = workflowOf(
    [
      orderTrigger(),
      ['pause', 'wait', { duration: '1h' }],
      ['ship', 'waitForEvent', { event: 'order.shipped', timeout: '2d', saveAs: 'shipment' }],
      endNode(),
      endNode('late', 'failed'),
    ],
    [
      ['start', 'next', 'pause'],
      ['pause', 'next', 'ship'],
      ['ship', 'received', 'done'],
      ['ship', 'timeout', 'late'],
    ],
  );
  const steps: Scenario['steps'] = [
    { event: 'order.shipped', data: { carrier: 'SF' } },
    { event: 'order.refunded' },
    { advance: '1h' },
    { expectNode: 'done' },
  ];

  it("should park an event the node does not wait for yet with early: 'park', and stop there without", () => {
    const parked = runScenario(shipping, { early: 'park', trigger: { orderId: 'A1' }, steps });
    expect(parked.error).toBeUndefined();
    expect(parked.test.data['shipment']).toMatchObject({ carrier: 'SF' });
    expect(parked.test.dropped.map((d) => [d.event.type, d.reason])).toEqual([
      ['order.refunded', 'unmatched'],
    ]);
    const strict = runScenario(shipping, { trigger: { orderId: 'A1' }, steps });
    expect(strict.failedStep).toBe(0);
    expect(strict.error?.message).toContain('not accepted');
  });

  it('should name the modes allowed', () => {
    expect(reasonsOf({ early: 'queue', trigger: {}, steps: [] })[0]).toMatch(/^\/early /);
  });
});
