import { describe, expect, it } from 'vitest';
import { journeyTest } from '../../testing/journey-test.ts';
import { endNode, orderTrigger, workflowOf } from '../../testing/fixtures/workflow-builder.ts';

const sendJourney = (channel: string, extra: object = {}) =>
  workflowOf(
    [
      orderTrigger(),
      [
        'msg',
        'sendMessage',
        {
          channel,
          to: '{{customer.email}}',
          message: { zh: '您好 {{customer.name}}', en: 'Hi {{customer.name}}' },
          locale: '{{customer.language}}',
          ...extra,
        },
      ],
      endNode(),
      endNode('bounced', 'failed'),
    ],
    [
      ['start', 'next', 'msg'],
      ['msg', 'sent', 'done'],
      ['msg', 'failed', 'bounced'],
    ],
  );
const customer = { name: '<b>李雷</b>', email: 'li@example.com' };

describe('sendMessage', () => {
  it('should escape interpolated values in HTML channels', () => {
    const t = journeyTest(sendJourney('email'));
    t.trigger({ orderId: 'A1', customer });
    expect(t.messages[0]).toEqual(
      expect.objectContaining({ format: 'html', text: '您好 &lt;b&gt;李雷&lt;&#x2F;b&gt;' }),
    );
  });

  it('should keep text as written in plain-text channels', () => {
    const t = journeyTest(sendJourney('sms'));
    t.trigger({ orderId: 'A1', customer });
    expect(t.messages[0]).toEqual(
      expect.objectContaining({ format: 'text', text: '您好 <b>李雷</b>' }),
    );
  });

  it('should take the failed outcome when delivery fails', () => {
    const t = journeyTest(sendJourney('sms'), { autoConfirmSends: false });
    t.trigger({ orderId: 'A1', customer: { ...customer, language: 'en' } });
    expect(t.messages[0]?.text).toBe('Hi <b>李雷</b>');
    t.failSend();
    expect(t.node).toBe('bounced');
  });

  it('should fall back to the next channel with a recipient, in order of preference', () => {
    const phoneFirst = {
      to: '{{customer.phone}}',
      fallback: [
        { channel: 'wechat', to: '{{customer.openId}}' },
        { channel: 'email', to: '{{customer.email}}' },
      ],
    };
    const t = journeyTest(sendJourney('sms', phoneFirst));
    t.trigger({ orderId: 'A1', customer });
    expect(t.messages[0]).toMatchObject({ channel: 'email', to: 'li@example.com', format: 'html' });

    const byPhone = journeyTest(sendJourney('sms', phoneFirst));
    byPhone.trigger({ orderId: 'A1', customer: { ...customer, phone: '+8613800138000' } });
    expect(byPhone.messages[0]).toMatchObject({ channel: 'sms', to: '+8613800138000' });
  });

  it('should fail, never succeed, when no channel has a recipient', () => {
    const t = journeyTest(
      sendJourney('sms', { to: '{{customer.phone}}', fallback: [{ channel: 'email', to: ' ' }] }),
    );
    t.trigger({ orderId: 'A1', customer: { name: '李雷' } });
    expect(t.messages[0]).toMatchObject({ channel: 'sms', to: '' });
    expect(t.node).toBe('bounced');
  });
});
