import { describe, expect, it } from 'vitest';
import {
  EventNotAcceptedError,
  InvalidEventError,
  JourneyEndedError,
  TriggerMismatchError,
} from '@xiaoer/engine';
import { ignoredReasonText } from './ignored-reasons.ts';

/** Every reason a journey gives for not taking an event, in both languages, none left in English. */
describe('ignoredReasonText', () => {
  it('should word each reason in Chinese and English', () => {
    const cases = [
      ignoredReasonText('ended'),
      ignoredReasonText(new JourneyEndedError()),
      ignoredReasonText('stale'),
      ignoredReasonText(
        new EventNotAcceptedError('order.paid', 'waitDelivery', ['order.delivered']),
      ),
      ignoredReasonText(
        new TriggerMismatchError('m', { expected: 'order.created', received: 'order.paid' }),
      ),
      ignoredReasonText(new TriggerMismatchError('m', { filter: { '>': [{ var: 'total' }, 1] } })),
      ignoredReasonText(new InvalidEventError('m', { problems: [] })),
    ];
    expect(cases[3]).toEqual({
      zh: '实例停在节点「waitDelivery」，它不接收「order.paid」；它在等：order.delivered。',
      en: 'The instance waits at node "waitDelivery", which does not take "order.paid"; it waits for: order.delivered.',
    });
    expect(cases[4]?.en).toBe('The journey starts on "order.created", not "order.paid".');
    expect(cases[0]).toEqual(cases[1]);
    for (const text of cases) {
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(text.zh).not.toMatch(/\b(the|journey|event|node)\b/i);
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("should keep another error's own message in both", () => {
    expect(ignoredReasonText(new Error('disk full'))).toEqual({ zh: 'disk full', en: 'disk full' });
  });
});
