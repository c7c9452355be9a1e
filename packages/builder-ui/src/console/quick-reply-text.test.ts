import { describe, expect, it } from 'vitest';
import { quickReplyText } from './quick-reply-text.ts';

describe('quickReplyText', () => {
  it("should fill the placeholders in the customer's language", () => {
    const text = {
      zh: '{{customer.name}}您好，订单 {{ order.id }} 已发货。',
      en: 'Hi {{customer.name}}',
    };
    expect(quickReplyText(text, 'zh', { 'customer.name': '王小明', 'order.id': 'A1' })).toEqual({
      text: '王小明您好，订单 A1 已发货。',
      missing: [],
    });
    expect(quickReplyText(text, 'en', { 'customer.name': 'Alex' }).text).toBe('Hi Alex');
  });

  it('should fall back to the other language when the reply has none in this one', () => {
    expect(
      quickReplyText({ zh: '稍等，{{agent.name}}帮您查。' }, 'en', { 'agent.name': '小李' }).text,
    ).toBe('稍等，小李帮您查。');
  });

  it('should keep a placeholder without a value and name it once', () => {
    expect(
      quickReplyText({ zh: '订单 {{order.id}}，再确认 {{order.id}}' }, 'zh', { 'order.id': ' ' }),
    ).toEqual({ text: '订单 {{order.id}}，再确认 {{order.id}}', missing: ['order.id'] });
  });
});
