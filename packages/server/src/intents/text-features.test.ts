import { describe, expect, it } from 'vitest';
import { chineseWords, messageFeatures, normalizeMessage } from './text-features.ts';

describe('messageFeatures', () => {
  it('should give Chinese words and character n-grams', () => {
    const features = messageFeatures('我的快递到哪了');
    expect(features).toContain('w:快递');
    expect(features).toContain('z:快递');
    expect(features).toContain('z:到哪了');
    expect(chineseWords('我的快递到哪了')).toContain('快递');
  });

  it('should spell out shorthand before reading the message', () => {
    expect(normalizeMessage('TK进度 pls')).toBe('退款进度 please');
    expect(messageFeatures('zrg')).toContain('z:转人工');
    // Only whole tokens: "tkt" and an order number stay as they are.
    expect(normalizeMessage('tkt A10023')).toBe('tkt a10023');
  });

  it('should mark words right after a negation', () => {
    expect(messageFeatures('不要退款了')).toContain('n:退款');
    expect(messageFeatures('我要退款')).not.toContain('n:退款');
    expect(messageFeatures("I don't want a refund")).toContain('n:want');
    expect(messageFeatures('I want a refund')).not.toContain('n:want');
  });

  it('should read numbers by shape, not digits', () => {
    expect(messageFeatures('订单 A10023 和 2024112300123 共 3 件')).toEqual(
      expect.arrayContaining(['#code', '#id', '#n']),
    );
  });
});
