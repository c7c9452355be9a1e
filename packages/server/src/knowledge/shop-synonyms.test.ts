import { describe, expect, it } from 'vitest';
import { indexOf } from './index-of.testing.ts';
import { readSynonyms } from './shop-synonyms.ts';
import { tokenize } from './tokenize.ts';

describe('shop synonyms', () => {
  it('should read a synonym as its group’s first word, in Chinese and English', () => {
    expect(readSynonyms('质保期多久')).toBe('保修期多久');
    expect(readSynonyms('漏发了一个配件')).toBe('少发了一个配件');
    expect(readSynonyms('my voucher does not work')).toBe('my coupon does not work');
    expect(readSynonyms('talk to one of your agents')).toBe('talk to one of your human');
    expect(readSynonyms('发的是顺丰还是中通')).toBe('发的是物流还是物流');
    expect(readSynonyms('is it UPS or FedEx'.toLowerCase())).toBe('is it courier or courier');
  });

  it('should read the homophone typos of a pinyin keyboard as the word meant', () => {
    expect(readSynonyms('块递到哪了')).toBe(readSynonyms('快递到哪了'));
    expect(readSynonyms('推款多久到账')).toBe('退款多久到账');
    expect(readSynonyms('木有收倒')).toBe('没有收到');
    expect(readSynonyms('神马时候发火')).toBe(readSynonyms('什么时候发货'));
    expect(readSynonyms('优惠卷怎么用')).toBe('优惠券怎么用');
  });

  it('should take the longest phrase first, so 修改 is not read as 维修', () => {
    expect(readSynonyms('修改地址')).toBe('修改地址');
    expect(readSynonyms('免费修吗')).toBe('免费维修吗');
    expect(readSynonyms('订单号是多少')).toBe('订单号是多少');
  });

  it('should match English words whole, and a Latin word among the Chinese ones whole too', () => {
    expect(readSynonyms('boxing day')).toBe('boxing day');
    expect(readSynonyms('the box came crushed')).toBe('the package came damaged');
    expect(readSynonyms('vip有啥好处')).toBe('会员有什么好处');
    expect(readSynonyms('vipers')).toBe('vipers');
  });

  it('should let a question with a typo find the article written without it', () => {
    const index = indexOf({
      refundStatus: ['退款多久到账'],
      logistics: ['我的快递到哪了'],
      invoice: ['怎么开发票'],
    });
    expect(index.find('推款到账了吗')[0]?.article._id).toBe('refundStatus');
    expect(index.find('发漂怎么开')[0]?.article._id).toBe('invoice');
  });

  it('should let a paraphrase in other words find its one-question article', () => {
    const index = indexOf({
      warranty: ['保修多久'],
      missing: ['少发了东西怎么办'],
      coupon: ['How do I use a coupon?'],
      size: ['有哪些颜色'],
    });
    expect(index.find('质保期是多长时间')[0]?.article._id).toBe('warranty');
    expect(index.find('配件漏发了')[0]?.article._id).toBe('missing');
    expect(index.find('where do I enter my voucher')[0]?.article._id).toBe('coupon');
  });
});

describe('knowledge terms', () => {
  it('should split digits and Latin letters from the Chinese around them', () => {
    const terms = tokenize('7天内可以无理由退吗');
    expect(terms).toContain('7');
    expect(terms).toContain('无理');
    expect(tokenize('vip有啥好处')).toContain('好处');
  });

  it('should cut 急 and 客服 when they only hurry or address, and keep them in a question', () => {
    expect(tokenize('客服 打扰一下')).toEqual([]);
    expect(tokenize('谢谢客服')).toEqual([]);
    expect(tokenize('退款 急！')).toEqual(tokenize('退款'));
    expect(tokenize('叫你们客服出来')).toContain('客服');
    expect(tokenize('急件怎么寄')).toContain('急件');
  });

  it('should drop question frames (支持, 是否), which matched unrelated articles', () => {
    expect(tokenize('支持货到付款吗')).not.toContain('支持');
    const index = indexOf({ cod: ['支持货到付款吗'], invoice: ['怎么开发票'] });
    expect(index.find('你们支持企业月结吗')).toEqual([]);
  });

  it('should find an article that shares only single characters with the question', () => {
    // 不喜欢能退吗 shares no character pair with the article, only 退.
    const index = indexOf({ returns: ['支持七天无理由退货吗'], stock: ['这款还有库存吗'] });
    expect(index.find('不喜欢能退吗')[0]?.article._id).toBe('returns');
  });
});
