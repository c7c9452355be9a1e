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
