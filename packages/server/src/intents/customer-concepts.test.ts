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

  it('should not read a time, an age or several offers as a size', () => {
    // 多长 / 多大 / 多重 ask a size before a noun of measure, not in 多长时间 (how long), 你多大了
    // (how old are you) or 多重优惠 (several offers at once).
    expect(concepts('质保期是多长时间')).not.toContain('size');
    expect(concepts('质保期是多长时间')).toContain('when');
    expect(concepts('你多大了')).not.toContain('size');
    expect(concepts('多重优惠能叠加吗')).not.toContain('size');
    expect(concepts('这条裤子多长')).toContain('size');
    expect(concepts('鞋子多大')).toContain('size');
    expect(concepts('箱子多重')).toContain('size');
  });

  it('should not read products named with a word of abuse or small talk as such', () => {
    for (const text of [
      '滚筒洗衣机能洗羽绒服吗',
      '垃圾袋有大号的吗',
      '傻瓜相机好用吗',
      '故事机能充电吗',
      '扫地机器人能拖地吗',
      '收到的擦窗机器人是坏的',
      'do you sell garbage bags',
      'is the trash can steel',
    ]) {
      expect(concepts(text), text).not.toContain('abuse');
      expect(concepts(text), text).not.toContain('smallTalk');
    }
    expect(concepts('滚')).toContain('abuse');
    expect(concepts('垃圾客服')).toContain('abuse');
    expect(concepts('your service is garbage')).toContain('abuse');
    expect(concepts('讲个故事')).toContain('smallTalk');
    expect(concepts('你是机器人吗')).toContain('smallTalk');
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
