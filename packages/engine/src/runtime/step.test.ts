import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { acceptedEvents, start, step, type JourneySnapshot } from './step.ts';
import {
  EventNotAcceptedError,
  InvalidEventError,
  InvalidSnapshotError,
  JourneyEndedError,
  TriggerMismatchError,
  WorkflowValidationError,
} from '../errors.ts';
import { parseWorkflow } from '../workflow/parse-workflow.ts';
import { endNode, orderTrigger, workflowOf } from '../testing/fixtures/workflow-builder.ts';
import smallJourney from '../testing/fixtures/small-journey.json' with { type: 'json' };

const machine = compile(smallJourney);
const at = '2026-03-01T10:00:00+08:00';
const order = { orderId: 'A1', customer: { name: '李雷', phone: '13800000000' }, total: 200 };
const created = { type: 'order.created', at, data: order };

function atShipping() {
  const started = start(machine, created);
  const send = started.effects[0];
  return step(machine, started.snapshot, { type: 'send.succeeded', at, effectId: send?.id ?? '' });
}

describe('start', () => {
  it('should enter the first nodes and return their effects with deterministic ids', () => {
    const result = start(machine, created);
    expect(result.node).toBe('hello');
    expect(result.path).toEqual([{ nodeId: 'start', outcome: 'next', target: 'hello' }]);
    expect(result.effects).toEqual([
      expect.objectContaining({ kind: 'send', id: 'hello#2:send', to: '13800000000' }),
    ]);
  });

  it('should refuse an event of another type', () => {
    expect(() => start(machine, { ...created, type: 'order.paid' })).toThrow(TriggerMismatchError);
  });

  it('should refuse trigger data that breaks the declared schema, saying where', () => {
    expect(() => start(machine, { ...created, data: { total: 'lots' } })).toThrow(
      /\/data\/orderId missing required/,
    );
  });

  it('should refuse an event without a valid time', () => {
    expect(() => start(machine, { ...created, at: 'yesterday' })).toThrow(InvalidEventError);
  });

  it('should refuse data keys the store cannot keep (operator injection)', () => {
    expect(() =>
      start(machine, { ...created, data: { ...order, customer: { $where: 'sleep(1)' } } }),
    ).toThrow(/"\$where" cannot be stored/);
  });

  it('should skip events the trigger filter rejects', () => {
    const filtered = compile(
      workflowOf(
        [orderTrigger({ filter: { '>': [{ var: 'total' }, 100] } }), endNode()],
        [['start', 'next', 'done']],
      ),
    );
    expect(() => start(filtered, { ...created, data: { orderId: 'A2', total: 50 } })).toThrow(
      TriggerMismatchError,
    );
    expect(start(filtered, created).status).toBe('done');
  });
});

describe('step', () => {
  it('should give the same snapshot and effects for the same events', () => {
    const a = atShipping();
    const b = atShipping();
    expect(a).toEqual(b);
  });

  it('should continue exactly where a JSON-restored snapshot stopped', () => {
    const waiting = atShipping();
    const restored = JSON.parse(JSON.stringify(waiting.snapshot)) as JourneySnapshot;
    const shipped = { type: 'order.shipped', at, data: { orderId: 'A1' } };
    expect(step(machine, restored, shipped)).toEqual(step(machine, waiting.snapshot, shipped));
  });

  it('should refuse an event the node does not wait for and change nothing', () => {
    const waiting = atShipping();
    const before = JSON.stringify(waiting.snapshot);
    const error = (() => {
      try {
        step(machine, waiting.snapshot, { type: 'order.delivered', at });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EventNotAcceptedError);
    expect((error as EventNotAcceptedError).details).toEqual({
      eventType: 'order.delivered',
      nodeId: 'ship',
      accepted: ['order.shipped', 'timer.fired'],
    });
    expect(JSON.stringify(waiting.snapshot)).toBe(before);
  });

  it('should refuse a result for an effect it is not waiting for', () => {
    const started = start(machine, created);
    expect(() =>
      step(machine, started.snapshot, { type: 'send.succeeded', at, effectId: 'hello#9:send' }),
    ).toThrow(EventNotAcceptedError);
  });

  it('should refuse an event whose correlation data does not match', () => {
    const waiting = atShipping();
    expect(() =>
      step(machine, waiting.snapshot, { type: 'order.shipped', at, data: { orderId: 'B7' } }),
    ).toThrow(EventNotAcceptedError);
  });

  it('should list the events the current node accepts', () => {
    expect(acceptedEvents(machine, atShipping().snapshot)).toEqual([
      'order.shipped',
      'timer.fired',
    ]);
  });

  it('should refuse a snapshot of another workflow', () => {
    const other = compile({ ...smallJourney, id: 'other' });
    expect(() => step(other, atShipping().snapshot, { type: 'order.shipped', at })).toThrow(
      InvalidSnapshotError,
    );
  });

  it('should finish with the end node output and refuse further events', () => {
    const waiting = atShipping();
    const small = step(machine, waiting.snapshot, {
      type: 'order.shipped',
      at,
      data: { orderId: 'A1' },
    });
    const done = step(machine, small.snapshot, {
      type: 'call.succeeded',
      at,
      effectId: 'get#5:call.1',
      data: {},
    });
    expect(done.status).toBe('done');
    expect(done.output).toEqual({ status: 'completed', reason: '' });
    expect(done.effects).toEqual([
      expect.objectContaining({ kind: 'emit', event: 'journey.completed' }),
    ]);
    expect(() => step(machine, done.snapshot, { type: 'order.shipped', at })).toThrow(
      JourneyEndedError,
    );
  });

  it('should cancel the timeout timer when the awaited event arrives', () => {
    const shipped = step(machine, atShipping().snapshot, {
      type: 'order.shipped',
      at,
      data: { orderId: 'A1' },
    });
    expect(shipped.effects[0]).toEqual({
      kind: 'cancel',
      id: 'ship#3:timeout:cancel',
      nodeId: 'ship',
      timerId: 'ship#3:timeout',
    });
  });
});

describe('compile', () => {
  it('should throw every validation problem for an invalid workflow', () => {
    const broken = { ...smallJourney, edges: smallJourney.edges.slice(1) };
    expect(() => compile(broken)).toThrow(WorkflowValidationError);
    try {
      compile(broken);
    } catch (e) {
      expect((e as WorkflowValidationError).problems.map((p) => p.code)).toEqual(
        expect.arrayContaining(['outcome.unconnected', 'node.unreachable']),
      );
    }
  });

  it('should not be affected by later changes to the document it compiled', () => {
    const doc = parseWorkflow(smallJourney);
    const compiled = compile(doc);
    doc.nodes[1]!.config['to'] = 'changed';
    expect(start(compiled, created).effects[0]).toEqual(
      expect.objectContaining({ to: '13800000000' }),
    );
  });
});

describe('the work of one step', () => {
  it('should compute the initial state only when starting, once per start', () => {
    // XState's own pure transition builds an actor per call, and its constructor computes the
    // initial state again (and, without input, throws inside it): twice per start, once per step.
    const own = compile(smallJourney);
    const started = start(own, created);
    let initial = 0;
    const original = own.getInitialSnapshot.bind(own);
    own.getInitialSnapshot = ((...args: Parameters<typeof original>) => {
      initial++;
      return original(...args);
    }) as typeof own.getInitialSnapshot;
    const send = started.effects[0];
    const next = step(own, started.snapshot, {
      type: 'send.succeeded',
      at,
      effectId: send?.id ?? '',
    });
    expect(next.node).not.toBe(started.node);
    expect(initial).toBe(0);
    expect(start(own, created).effects).toEqual(started.effects);
    expect(initial).toBe(1);
  });
});
