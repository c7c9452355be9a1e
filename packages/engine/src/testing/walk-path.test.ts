import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../workflow/parse-workflow.ts';
import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { JourneyAssertionError } from './journey-test.ts';
import { journeyPaths, PathCoverage, pathKey } from './journey-paths.ts';
import { walkPath } from './walk-path.ts';
import { endNode, orderTrigger, workflowOf } from './fixtures/workflow-builder.ts';
import smallJourney from './fixtures/small-journey.json' with { type: 'json' };

const workflow = parseWorkflow(smallJourney);
const customer = { name: '李雷', phone: '13800000000' };
const trigger = (total: number) => ({ orderId: 'A1', customer, total });

/**
 * Every path of `workflow` walks, and the one leaving by `refunded` sends `order.refunded`
 * matched to the order (its data saved, the node's timer cancelled).
 */
function expectRefundWalked(workflow: WorkflowDocument): void {
  const coverage = new PathCoverage(workflow);
  for (const path of coverage.paths) {
    const test = walkPath(workflow, path, {
      trigger: { orderId: 'A1' },
      events: { 'order.refunded': { amount: 5 } },
    });
    coverage.record(test.path);
  }
  expect(coverage.uncovered()).toEqual([]);
  const refunded = journeyPaths(workflow).find((p) => p.some((s) => s.outcome === 'refunded'));
  const test = walkPath(workflow, refunded ?? [], { trigger: { orderId: 'A1' } });
  expect(test.data['refund']).toEqual({ orderId: 'A1' });
  expect(test.timers).toEqual([]);
}

describe('walkPath', () => {
  it('should walk every path when the trigger data allows the branch', () => {
    const coverage = new PathCoverage(workflow);
    for (const path of coverage.paths) {
      const viaBig = path.some((s) => s.nodeId === 'big' && s.outcome === 'big');
      const test = walkPath(workflow, path, { trigger: trigger(viaBig ? 200 : 10) });
      expect(pathKey(test.path)).toBe(pathKey(path));
      coverage.record(test.path);
    }
    expect(coverage.uncovered()).toEqual([]);
  });

  it('should fail every retry before taking a call failure outcome', () => {
    const path = journeyPaths(workflow).find((p) =>
      p.some((s) => s.nodeId === 'get' && s.outcome === 'failed'),
    );
    const test = walkPath(workflow, path ?? [], { trigger: trigger(200) });
    expect(test.calls.map((c) => c.attempt)).toEqual([1, 2]);
    test.expectEnded('failed');
  });

  it('should fire the timeout timer at its due time for a timeout outcome', () => {
    const path = journeyPaths(workflow).find((p) => p.some((s) => s.outcome === 'timeout'));
    const test = walkPath(workflow, path ?? [], { trigger: trigger(10) });
    expect(test.clock.now).toBe('2026-01-07T10:00:00.000+08:00');
  });

  it('should fill the awaited event with the matched journey data', () => {
    const path = journeyPaths(workflow).find((p) =>
      p.some((s) => s.nodeId === 'big' && s.outcome === 'else'),
    );
    const test = walkPath(workflow, path ?? [], { trigger: trigger(10) });
    const shipped = test.timeline.find((t) => t.event.type === 'order.shipped');
    expect(shipped?.event.data).toEqual({ orderId: 'A1' });
  });

  it('should say where the journey left the path when the data takes another branch', () => {
    const viaBig = journeyPaths(workflow).find((p) =>
      p.some((s) => s.nodeId === 'big' && s.outcome === 'big'),
    );
    expect(() => walkPath(workflow, viaBig ?? [], { trigger: trigger(10) })).toThrow(
      JourneyAssertionError,
    );
    expect(() => walkPath(workflow, viaBig ?? [], { trigger: trigger(10) })).toThrow(
      /walked: .*big:else/,
    );
  });

  it("should send the event that ends a wait early for that event's outcome", () => {
    const pause = workflowOf(
      [
        orderTrigger(),
        [
          'pause',
          'wait',
          {
            duration: '1d',
            match: { orderId: 'orderId' },
            alternatives: [{ id: 'refunded', event: 'order.refunded', saveAs: 'refund' }],
          },
        ],
        endNode(),
        endNode('refunded'),
      ],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'done'],
        ['pause', 'refunded', 'refunded'],
      ],
    );
    expectRefundWalked(pause);
  });

  it("should send the event that ends a question early for that event's outcome", () => {
    const survey = workflowOf(
      [
        orderTrigger(),
        [
          'ask',
          'askCustomer',
          {
            channel: 'sms',
            to: '13900000000',
            question: { zh: '请打分', en: 'Rate us' },
            timeout: '3d',
            match: { orderId: 'orderId' },
            alternatives: [{ id: 'refunded', event: 'order.refunded', saveAs: 'refund' }],
          },
        ],
        endNode(),
        endNode('refunded'),
        endNode('late'),
      ],
      [
        ['start', 'next', 'ask'],
        ['ask', 'answered', 'done'],
        ['ask', 'refunded', 'refunded'],
        ['ask', 'timeout', 'late'],
      ],
    );
    expectRefundWalked(survey);
  });
});
