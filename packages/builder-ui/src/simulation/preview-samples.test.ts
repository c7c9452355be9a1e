import { describe, expect, it } from 'vitest';
import { renderTemplate, type WorkflowDocument } from '@xiaoer/engine';
import { SAMPLE_ORDER, sampleData } from './browser-simulation.ts';
import { samplesByNode, withPlaceholders } from './preview-samples.ts';
import { shipped } from '../testing/shipped.ts';

describe("the sample data a message's preview renders with", () => {
  it('should include what a setData node upstream sets (issue 21: orderNumber rendered empty)', async () => {
    const lifecycle = await shipped('order-lifecycle');
    const samples = samplesByNode(lifecycle, sampleData(lifecycle));
    // orderNumberOrId sets orderNumber to the order number, or else the order id.
    expect(samples.get('satisfactionSurvey')?.['orderNumber']).toBe(SAMPLE_ORDER['orderId']);
    expect(samples.get('confirmOrder')?.['orderNumber']).toBe(SAMPLE_ORDER['orderId']);
    // Not before the setData node runs.
    expect(samples.get('orderNumberOrId')).not.toHaveProperty('orderNumber');
  });

  it('should let a later assignment read an earlier one, and follow every branch', () => {
    const workflow: WorkflowDocument = {
      id: 'w',
      name: 'w',
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: {} },
        {
          id: 'set',
          type: 'setData',
          position: { x: 0, y: 0 },
          config: {
            assignments: [
              { variable: 'double', value: { '*': [{ var: 'total' }, 2] } },
              { variable: 'label', value: { cat: ['x', { var: 'double' }] } },
            ],
          },
        },
        { id: 'a', type: 'end', position: { x: 0, y: 0 }, config: {} },
        { id: 'b', type: 'end', position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [
        { id: 'e1', source: 't', sourceHandle: 'next', target: 'set' },
        { id: 'e2', source: 'set', sourceHandle: 'next', target: 'a' },
        { id: 'e3', source: 't', sourceHandle: 'next', target: 'b' },
      ],
    } as unknown as WorkflowDocument;
    const samples = samplesByNode(workflow, { total: 21 });
    expect(samples.get('a')).toEqual({ total: 21, double: 42, label: 'x42' });
    expect(samples.get('b')).toEqual({ total: 21 });
  });

  it("should include a sample of a customer's reply and a recognised intent saved upstream", () => {
    const at = { x: 0, y: 0 };
    const workflow = {
      id: 'w',
      name: 'w',
      nodes: [
        { id: 't', type: 'trigger', position: at, config: {} },
        {
          id: 'ask',
          type: 'askCustomer',
          position: at,
          config: {
            saveAs: 'reply',
            options: [
              { id: 'yes', label: { zh: '确认收货', en: 'Received' } },
              { id: 'no', label: { zh: '没收到', en: 'Not yet' } },
            ],
          },
        },
        {
          id: 'classify',
          type: 'classifyIntent',
          position: at,
          config: {
            text: '{{reply.text}}',
            intents: ['logistics', 'refund'],
            saveAs: 'recognised',
          },
        },
        { id: 'send', type: 'sendMessage', position: at, config: {} },
      ],
      edges: [
        { id: 'e1', source: 't', sourceHandle: 'next', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'yes', target: 'classify' },
        { id: 'e3', source: 'classify', sourceHandle: 'logistics', target: 'send' },
      ],
    } as unknown as WorkflowDocument;
    const samples = samplesByNode(workflow, { orderId: 'A1' });
    expect(samples.get('ask')).toEqual({ orderId: 'A1' });
    expect(samples.get('send')).toEqual({
      orderId: 'A1',
      reply: { option: 'yes', text: '确认收货' },
      recognised: { intent: 'logistics', confidence: 0.9 },
    });
    const template = '{{reply.text}} / {{recognised.intent}}';
    expect(renderTemplate(template, withPlaceholders(template, samples.get('send') ?? {}))).toBe(
      '确认收货 / logistics',
    );
  });

  it('should show a variable the sample lacks as a readable placeholder', () => {
    const template = 'Order {{orderId}}: {{refund.amount}} {{answer}}';
    const sample = { orderId: 'SIM-1', refund: {} };
    expect(renderTemplate(template, withPlaceholders(template, sample))).toBe(
      'Order SIM-1: «refund.amount» «answer»',
    );
    // The sample itself is left as it was.
    expect(sample).toEqual({ orderId: 'SIM-1', refund: {} });
  });
});
