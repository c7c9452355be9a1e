import { describe, expect, it } from 'vitest';
import { journeyTest } from '../../testing/journey-test.ts';
import { endNode, orderTrigger, workflowOf } from '../../testing/fixtures/workflow-builder.ts';
import { chosenOption, type AskCustomerConfig } from './ask-customer.node.ts';

const config: AskCustomerConfig = {
  channel: 'chat',
  to: '{{customer.id}}',
  question: { zh: '确认把地址改为新地址吗？', en: 'Change the address?' },
  options: [
    { id: 'confirm', label: { zh: '确认', en: 'Confirm' }, keywords: ['确认', '是', 'yes'] },
    { id: 'cancel', label: { zh: '取消', en: 'Cancel' }, keywords: ['不确认', '取消', 'no'] },
  ],
  reprompt: { zh: '请回复“确认”或“取消”', en: 'Please answer Confirm or Cancel' },
  timeout: '2h',
  saveAs: 'answer',
};

const askJourney = workflowOf(
  [
    orderTrigger(),
    ['ask', 'askCustomer', config as never],
    endNode('yes'),
    endNode('no'),
    endNode('late', 'failed'),
  ],
  [
    ['start', 'next', 'ask'],
    ['ask', 'confirm', 'yes'],
    ['ask', 'cancel', 'no'],
    ['ask', 'timeout', 'late'],
  ],
);

describe('askCustomer', () => {
  it('should choose by option id, number, label or the longest keyword', () => {
    expect(chosenOption(config, { option: 'cancel' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '1' })?.id).toBe('confirm');
    expect(chosenOption(config, { text: 'Cancel' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '是的，确认修改' })?.id).toBe('confirm');
    expect(chosenOption(config, { text: '我不确认' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '嗯？' })).toBeNull();
  });

  it('should ask with the options, then take the chosen outcome and cancel the timeout', () => {
    const t = journeyTest(askJourney);
    t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
    expect(t.messages[0]).toEqual(
      expect.objectContaining({ to: 'c1', text: '确认把地址改为新地址吗？', expectsResult: false }),
    );
    expect(t.messages[0]?.options).toEqual([
      { id: 'confirm', label: '确认' },
      { id: 'cancel', label: '取消' },
    ]);
    t.reply('好的，确认');
    t.expectEnded('completed');
    expect(t.node).toBe('yes');
    expect(t.data['answer']).toEqual({ option: 'confirm', text: '好的，确认' });
    expect(t.effects.some((e) => e.kind === 'cancel')).toBe(true);
    expect(t.timers).toEqual([]);
  });

  it('should re-ask when a reply matches no option, with a new effect id each time', () => {
    const t = journeyTest(askJourney);
    t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
    t.reply('嗯？');
    t.reply('什么意思');
    t.expectNode('ask');
    expect(t.messages.map((m) => m.text)).toEqual([
      '确认把地址改为新地址吗？',
      '请回复“确认”或“取消”',
      '请回复“确认”或“取消”',
    ]);
    expect(new Set(t.messages.map((m) => m.id)).size).toBe(3);
  });

  it('should take the timeout outcome when nobody answers', () => {
    const t = journeyTest(askJourney);
    t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
    t.advance('2h');
    expect(t.node).toBe('late');
    expect(t.output).toEqual({ status: 'failed', reason: '' });
  });

  it('should ask in English when the locale template says so', () => {
    const english = structuredClone(askJourney);
    english.nodes[1]!.config['locale'] = '{{customer.language}}';
    const t = journeyTest(english);
    t.trigger({ orderId: 'A1', customer: { id: 'c1', language: 'en-GB' } });
    expect(t.messages[0]).toEqual(
      expect.objectContaining({ locale: 'en', text: 'Change the address?' }),
    );
    expect(t.messages[0]?.options?.[0]).toEqual({ id: 'confirm', label: 'Confirm' });
  });
});
