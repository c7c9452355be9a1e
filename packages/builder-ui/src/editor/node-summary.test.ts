import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { durationText, nodeSummary } from './node-summary.ts';

describe('what a node says on the canvas', () => {
  it('should say how long a wait is, and its allowed hours', () => {
    expect(nodeSummary('wait', { duration: '2h' }, 'en')).toBe('Wait 2 h');
    expect(nodeSummary('wait', { duration: '2h' }, 'zh')).toBe('等待 2 小时');
    expect(
      nodeSummary('wait', { duration: '1d', allowedHours: { from: '09:00', to: '21:00' } }, 'en'),
    ).toBe('Wait 1 d · 09:00–21:00');
    expect(nodeSummary('wait', { until: '{{order.promisedAt}}' }, 'en')).toBe(
      'Wait until {{order.promisedAt}}',
    );
  });

  it('should show the channel and the start of the message, in the language shown', () => {
    const config = {
      channel: 'sms',
      to: '{{customer.phone}}',
      message: { zh: '您的订单已经确认，我们会尽快为您发货，感谢您的耐心等待', en: 'Confirmed' },
    };
    expect(nodeSummary('sendMessage', config, 'zh')).toBe(
      '短信: 您的订单已经确认，我们会尽快为您发货，感谢您的…',
    );
    expect(nodeSummary('sendMessage', config, 'en')).toBe('SMS: Confirmed');
  });

  it('should count the options of a question', () => {
    const options = [1, 2, 3].map((n) => ({ id: `o${n}`, label: { zh: `${n}` } }));
    expect(nodeSummary('askCustomer', { question: { zh: '?' }, options }, 'en')).toBe(
      'Ask: 3 options',
    );
    expect(nodeSummary('askCustomer', { question: { zh: '?' }, options }, 'zh')).toBe(
      '提问：3 个选项',
    );
  });

  it('should summarise every node of the shipped order lifecycle without failing', async () => {
    const document = JSON.parse(
      await readFile(
        new URL('../../../../workflows/order-lifecycle.json', import.meta.url),
        'utf8',
      ),
    ) as WorkflowDocument;
    for (const node of document.nodes)
      for (const language of ['zh', 'en'] as const)
        expect(typeof nodeSummary(node.type, node.config, language)).toBe('string');
    const trigger = document.nodes.find((n) => n.type === 'trigger')!;
    expect(nodeSummary('trigger', trigger.config, 'en')).toBe('On order.created');
  });

  it('should leave durations it does not know as they are', () => {
    expect(durationText('PT48H', 'en')).toBe('PT48H');
    expect(durationText('30m', 'en')).toBe('30 min');
  });
});
