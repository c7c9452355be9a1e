import { describe, expect, it } from 'vitest';
import { placeholdersLeft, quickReplyText } from './quick-reply-text.ts';

describe('quickReplyText', () => {
  it("should fill the placeholders in the customer's language", () => {
    const text = {
      zh: '{{customer.name}}您好，订单 {{ order.id }} 已发货。',
      en: 'Hi {{customer.name}}',
    };
    expect(quickReplyText(text, 'zh', { 'customer.name': '王小明', 'order.id': 'A1' })).toBe(
      '王小明您好，订单 A1 已发货。',
    );
    expect(quickReplyText(text, 'en', { 'customer.name': 'Alex' })).toBe('Hi Alex');
  });

  it('should fall back to the other language when the reply has none in this one', () => {
    expect(
      quickReplyText({ zh: '稍等，{{agent.name}}帮您查。' }, 'en', { 'agent.name': '小李' }),
    ).toBe('稍等，小李帮您查。');
  });

  it('should keep a placeholder without a value, which placeholdersLeft names once', () => {
    const text = quickReplyText({ zh: '订单 {{order.id}}，再确认 {{order.id}}' }, 'zh', {
      'order.id': ' ',
    });
    expect(text).toBe('订单 {{order.id}}，再确认 {{order.id}}');
    expect(placeholdersLeft(text)).toEqual(['order.id']);
    expect(placeholdersLeft('您好 {{ customer.name }}，订单 A1')).toEqual(['customer.name']);
    expect(placeholdersLeft('您好王小明')).toEqual([]);
  });
});
