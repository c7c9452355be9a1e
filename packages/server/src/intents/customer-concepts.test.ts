import { describe, expect, it } from 'vitest';
import { messageConcepts } from './customer-concepts.ts';
import { normalizeMessage } from './text-features.ts';

const concepts = (text: string) => messageConcepts(normalizeMessage(text));

describe('messageConcepts', () => {
  it('should read the refund synonyms customers use as refund', () => {
    for (const text of [
      'I want compensation',
      'how do I claim restitution',
      'is there a rebate for the late delivery',
      'I want my money back',
      'please reimburse me',
      '把钱退给我',
      '能赔偿吗',
    ])
      expect(concepts(text), text).toContain('refund');
  });

  it('should read bills and receipts as invoices', () => {
    for (const text of ['where is my bill', 'send me the receipt', '收据能开吗', '要个专票'])
      expect(concepts(text), text).toContain('invoice');
  });

  it('should match English words whole, with endings only where a star allows', () => {
    // "bill" is an invoice, "billion" is not; "reimbursement" is a refund.
    expect(concepts('a billion thanks')).not.toContain('invoice');
    expect(concepts('reimbursement please')).toContain('refund');
  });

  it('should tell shop business from social talk', () => {
    expect(concepts('这个有货吗')).toEqual(['stock', 'biz']);
    expect(concepts('多少钱')).toContain('biz');
    expect(concepts('保修多久')).toContain('biz');
    expect(concepts('今天天气怎么样')).toEqual(['smallTalk', 'social']);
    expect(concepts('你是机器人吗')).toEqual(['smallTalk', 'social']);
    expect(concepts('在吗')).toEqual(['greeting', 'social']);
    expect(concepts('asdf')).toEqual([]);
  });
});
