import { describe, expect, it } from 'vitest';
import { journeyTest } from '../../testing/journey-test.ts';
import {
  endNode,
  orderTrigger,
  workflowOf,
  type EdgeSpec,
} from '../../testing/fixtures/workflow-builder.ts';
import { validate } from '../../validation/validate.ts';
import { EventNotAcceptedError } from '../../errors.ts';
import { askCustomerNode, chosenOption, type AskCustomerConfig } from './ask-customer.node.ts';

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

/** A journey asking `ask`; `more` are outcomes of its own, each to an end of that name. */
const askJourneyOf = (ask: AskCustomerConfig, more: string[] = []) =>
  workflowOf(
    [
      orderTrigger(),
      ['ask', 'askCustomer', ask as never],
      endNode('yes'),
      endNode('no'),
      endNode('late', 'failed'),
      ...more.map((outcome) => endNode(outcome)),
    ],
    [
      ['start', 'next', 'ask'],
      ['ask', 'confirm', 'yes'],
      ['ask', 'cancel', 'no'],
      ['ask', 'timeout', 'late'],
      ...more.map((outcome): EdgeSpec => ['ask', outcome, outcome]),
    ],
  );
const askJourney = askJourneyOf(config);

describe('askCustomer', () => {
  it('should choose by option id, number, label or the longest keyword', () => {
    expect(chosenOption(config, { option: 'cancel' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '1' })?.id).toBe('confirm');
    expect(chosenOption(config, { text: 'Cancel' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '是的，确认修改' })?.id).toBe('confirm');
    expect(chosenOption(config, { text: '我不确认' })?.id).toBe('cancel');
    expect(chosenOption(config, { text: '嗯？' })).toBeNull();
  });

  it('should understand negation and ask again when a reply hedges or is unclear', () => {
    const yesNo: AskCustomerConfig = {
      ...config,
      options: [
        {
          id: 'yes',
          label: { zh: '确认', en: 'Yes' },
          keywords: ['确认', '是', '好', 'yes', 'ok'],
        },
        { id: 'no', label: { zh: '取消', en: 'No' }, keywords: ['取消', '不', '算了', 'no'] },
      ],
    };
    const choose = (text: string) => chosenOption(yesNo, { text })?.id ?? null;
    expect(choose('不好')).toBe('no');
    expect(choose('不是')).toBe('no');
    expect(choose('好的，改吧')).toBe('yes');
    expect(choose('No thanks')).toBe('no');
    expect(choose('not ok')).toBeNull(); // negated, and no option says "not": asked again
    expect(choose('OK')).toBe('yes');
    // "no" is not in "know"; hedges are asked again, not guessed.
    expect(choose("I don't know")).toBeNull();
    expect(choose('可能是吧')).toBeNull();
    expect(choose('maybe yes')).toBeNull();
    expect(choose('not really')).toBeNull();

    const survey: AskCustomerConfig = {
      ...config,
      options: [
        { id: 's2', label: { zh: '2 分', en: '2' }, keywords: ['不满意', 'bad'] },
        { id: 's4', label: { zh: '4 分', en: '4' }, keywords: ['满意', '不错', 'good'] },
        { id: 's5', label: { zh: '5 分', en: '5' }, keywords: ['非常满意', 'excellent'] },
      ],
    };
    const score = (text: string) => chosenOption(survey, { text })?.id ?? null;
    expect(score('不太满意')).toBeNull();
    expect(score('不是很满意')).toBeNull();
    expect(score('不满意')).toBe('s2');
    expect(score('还不错')).toBe('s4');
    expect(score('非常满意，包装很好')).toBe('s5');
    expect(score('not very good')).toBeNull();
    expect(score('not good, bad')).toBe('s2');
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

  it('should refuse a reply from before the question (a host kept it): it answers an earlier one', () => {
    // The trigger (and so the question) at 10:00; a host applies a reply it kept since 09:59.
    const t = journeyTest(askJourney, { startAt: '2026-03-02T10:00:00+08:00' });
    t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
    const kept = {
      type: 'customer.replied',
      at: '2026-03-02T01:59:00.000Z',
      data: { text: '确认' },
    };
    expect(() => t.dispatch(kept)).toThrow(EventNotAcceptedError);
    expect(() => t.dispatch({ ...kept, data: { text: '嗯？' } })).toThrow(EventNotAcceptedError);
    t.expectNode('ask');
    expect(t.messages).toHaveLength(1); // not asked again for it either
    // A reply at the very time of the question, or after, is its answer.
    t.dispatch({ ...kept, at: '2026-03-02T10:00:00+08:00' });
    expect(t.node).toBe('yes');

    // Without options too, and a refusal from before the question is no refusal of it.
    const open = journeyTest(
      workflowOf(
        [
          orderTrigger(),
          ['ask', 'askCustomer', { ...config, options: [], allowDecline: true } as never],
          endNode('answered'),
          endNode('declined'),
        ],
        [
          ['start', 'next', 'ask'],
          ['ask', 'answered', 'answered'],
          ['ask', 'declined', 'declined'],
          ['ask', 'timeout', 'declined'],
        ],
      ),
      { startAt: '2026-03-02T10:00:00+08:00' },
    );
    open.trigger({ orderId: 'A1', customer: { id: 'c1' } });
    expect(() => open.dispatch({ ...kept, data: { text: '不用了' } })).toThrow(
      EventNotAcceptedError,
    );
    expect(() => open.dispatch({ ...kept, data: { text: '在的' } })).toThrow(EventNotAcceptedError);
    open.reply('在的');
    expect(open.node).toBe('answered');
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

  describe('ended by an event while waiting for the reply', () => {
    const survey: AskCustomerConfig = {
      ...config,
      match: { orderId: 'orderId' },
      alternatives: [
        { id: 'refunded', event: 'order.refunded', saveAs: 'refund' },
        { id: 'cancelled', event: 'order.cancelled' },
      ],
    };
    const refundable = askJourneyOf(survey, ['refunded', 'cancelled']);

    it("should leave by the event's outcome, saving its data, not the reply, and cancel the timeout", () => {
      const t = journeyTest(refundable);
      t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
      t.advance('1h');
      t.send('order.refunded', { orderId: 'A1', amount: 30 });
      t.expectEnded('completed');
      expect(t.node).toBe('refunded');
      expect(t.data['refund']).toEqual({ orderId: 'A1', amount: 30 });
      expect(t.data['answer']).toBeUndefined();
      expect(t.timers).toEqual([]);
      expect(t.messages).toHaveLength(1);
    });

    it("should still take a reply, and not another order's event", () => {
      const t = journeyTest(refundable);
      t.trigger({ orderId: 'A1', customer: { id: 'c1' } });
      expect(() => t.send('order.cancelled', { orderId: 'B2' })).toThrow();
      t.expectNode('ask');
      t.reply('取消');
      expect(t.node).toBe('no');
      expect(t.data['answer']).toEqual({ option: 'cancel', text: '取消' });
    });

    it('should list its events as awaited and outcomes, and refuse an id taken twice', () => {
      expect(askCustomerNode.awaits(survey)).toEqual([
        'customer.replied',
        'order.refunded',
        'order.cancelled',
        'timer.fired',
      ]);
      expect(askCustomerNode.outcomes(survey).map((o) => o.id)).toEqual([
        'confirm',
        'cancel',
        'refunded',
        'cancelled',
        'timeout',
      ]);
      expect(askCustomerNode.writes(survey)).toEqual(['answer', 'refund']);
      const clash = { ...survey, alternatives: [{ id: 'cancel', event: 'order.cancelled' }] };
      expect(askCustomerNode.check?.(clash)).toEqual([
        { code: 'option.duplicateId', pointer: '/alternatives/0/id', value: 'cancel' },
      ]);
      const reserved = structuredClone(refundable);
      reserved.nodes[1]!.config['alternatives'] = [{ id: 'timeout', event: 'order.refunded' }];
      expect(validate(reserved).valid).toBe(false);
    });
  });
});
