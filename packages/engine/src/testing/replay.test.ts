import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../workflow/parse-workflow.ts';
import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { journeyTest } from './journey-test.ts';
import { replayRecorded, type RecordedStep } from './replay.ts';

const lifecycle = parseWorkflow(
  JSON.parse(
    readFileSync(new URL('../../../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ),
);
const order = {
  orderId: 'R1',
  customer: { name: '韩梅梅', phone: '13900000000', language: 'zh' },
  total: 268,
};

/** Runs the shipped lifecycle to a five-star answer and returns it as a host records it. */
function recordedLifecycle(): RecordedStep[] {
  const t = journeyTest(lifecycle, { startAt: '2026-03-02T10:00:00+08:00' });
  t.trigger(order);
  t.advance('5h');
  t.send('order.shipped', {
    orderId: 'R1',
    carrier: '顺丰',
    trackingNumber: 'SF1',
    trackingUrl: 'https://t/1',
  });
  t.advance('20h');
  t.send('order.delivered', { orderId: 'R1' });
  t.advance('2d');
  t.reply('5');
  return t.timeline.map((entry, index) => ({
    revision: index + 1,
    event: entry.event,
    path: entry.path,
    effects: entry.effects,
    to: entry.to,
  }));
}

function edit(change: (draft: WorkflowDocument) => void): WorkflowDocument {
  const draft = structuredClone(lifecycle);
  change(draft);
  return draft;
}

function configOf(draft: WorkflowDocument, nodeId: string): Record<string, unknown> {
  const node = draft.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`no node ${nodeId}`);
  return node.config as Record<string, unknown>;
}

describe('replayRecorded', () => {
  const recorded = recordedLifecycle();

  it('should find no difference when the draft is the workflow that ran', () => {
    expect(recorded.at(-1)?.to).toBe('completed');
    const outcome = replayRecorded(lifecycle, recorded);
    expect(outcome).toMatchObject({
      same: true,
      recordedNode: 'completed',
      draftNode: 'completed',
    });
    expect(outcome.steps).toBe(recorded.filter((s) => s.event.type !== 'timer.fired').length);
    expect(recorded.some((s) => s.event.type === 'timer.fired')).toBe(true);
  });

  it('should show a longer wait as a different timer delay, on the virtual clock', () => {
    const draft = edit((d) => void (configOf(d, 'waitBeforeSurvey')['duration'] = '3d'));
    const outcome = replayRecorded(draft, recorded);
    expect(outcome.same).toBe(false);
    expect(outcome.difference?.recorded?.item).toMatchObject({
      kind: 'schedule',
      node: 'waitBeforeSurvey',
    });
    expect(outcome.difference?.draft?.item).toMatchObject({
      kind: 'schedule',
      node: 'waitBeforeSurvey',
    });
    // The recorded survey reply came two days after delivery; the draft is still waiting then.
    expect(outcome.draftNode).toBe('waitBeforeSurvey');
  });

  it('should show a changed message text and the step that produced it', () => {
    const draft = edit((d) => {
      const message = configOf(d, 'shippingNotice')['message'] as { zh: string };
      message.zh = `【新】${message.zh}`;
    });
    const outcome = replayRecorded(draft, recorded);
    expect(outcome.same).toBe(false);
    expect(outcome.difference?.recorded).toMatchObject({
      event: 'order.shipped',
      item: { kind: 'send' },
    });
    expect(outcome.difference?.draft?.item).toMatchObject({ kind: 'send', node: 'shippingNotice' });
    expect((outcome.difference?.draft?.item as { text: string }).text).toMatch(/^【新】/);
    expect(outcome.draftNode).toBe('completed');
  });

  it('should show a rewired outcome as a different node', () => {
    const draft = edit((d) => {
      const edge = d.edges.find((e) => e.source === 'thankYou');
      if (edge) edge.target = 'noSurveyReply';
    });
    const outcome = replayRecorded(draft, recorded);
    expect(outcome.difference?.recorded?.item).toMatchObject({ kind: 'enter', node: 'completed' });
    expect(outcome.difference?.draft?.item).toMatchObject({ kind: 'enter', node: 'noSurveyReply' });
  });

  it('should report an event the draft refuses', () => {
    const draft = edit((d) => void (configOf(d, 'orderCreated')['event'] = 'order.paid'));
    const outcome = replayRecorded(draft, recorded);
    expect(outcome.difference?.draft?.item).toMatchObject({
      kind: 'refused',
      event: 'order.created',
      reason: 'trigger.mismatch',
    });
    expect(outcome.draftNode).toBe('(not started)');
  });
});
