import { describe, expect, it } from 'vitest';
import { journeyTest, type JourneyTest } from '@xiaoer/engine/testing';
import { expectEveryPathWalked, loadJourney } from './journey-files.ts';

const journey = loadJourney('invoice-reissue');
const request = { orderId: 'SO-4001', customer: { name: '孙丽', phone: '13200000000' } };
const invoice = { number: 'FP-0001', url: 'https://invoice.example.cn/FP-0001.pdf' };

function answered(): JourneyTest {
  const t = journeyTest(journey);
  t.trigger(request);
  expect(t.messages[0]?.text).toContain('请回复发票抬头');
  t.reply('上海小二信息科技有限公司');
  expect(t.messages.at(-1)?.text).toContain('请回复纳税人识别号');
  t.reply('91310000MA1FL8XX3Q');
  return t;
}

describe('invoice reissue journey', () => {
  it('should collect the title and tax number and pass them to the order system', () => {
    const t = answered();
    expect(t.calls[0]).toMatchObject({
      operation: 'reissueInvoice',
      args: {
        orderId: 'SO-4001',
        title: '上海小二信息科技有限公司',
        taxNumber: '91310000MA1FL8XX3Q',
      },
    });
  });

  it('should not take 「不用了」 or "no thanks" as the invoice title', () => {
    for (const reply of ['不用了', '算了吧', 'No thanks!']) {
      const t = journeyTest(journey);
      t.trigger(request);
      t.reply(reply);
      expect(t.calls).toEqual([]);
      expect(t.messages.at(-1)?.text).toBe(
        '好的，订单 SO-4001 的发票不重开了。如需要随时联系我们。',
      );
      t.expectEnded('completed');
      expect(t.output?.reason).toBe('customer declined');
    }
    // A title that merely contains such a word is still a title.
    const t = journeyTest(journey);
    t.trigger(request);
    t.reply('不用了科技有限公司');
    expect(t.messages.at(-1)?.text).toContain('请回复纳税人识别号');
  });

  it('should send the reissued invoice with its number and link', () => {
    const t = answered();
    t.succeedCall('reissueInvoice', invoice);
    expect(t.messages.at(-1)?.text).toBe(
      '发票已重新开具：抬头「上海小二信息科技有限公司」，发票号 FP-0001。下载链接：https://invoice.example.cn/FP-0001.pdf',
    );
    t.expectEnded('completed');
  });

  it('should apologise with the reason and hand over to staff when reissuing fails', () => {
    const t = answered();
    t.failCall('reissueInvoice', { code: 'invalid', message: '税号格式错误' });
    t.advance('1m');
    t.failCall('reissueInvoice', { code: 'invalid', message: '税号格式错误' });
    t.advance('2m');
    t.failCall('reissueInvoice', { code: 'invalid', message: '税号格式错误' });
    expect(t.messages.at(-1)?.text).toContain('发票暂时无法自动开具（税号格式错误）');
    expect(t.emitted.find((e) => e.event === 'staff.handoff')?.data).toMatchObject({
      reason: 'invoice-reissue-failed',
      taxNumber: '91310000MA1FL8XX3Q',
      error: '税号格式错误',
    });
    t.expectEnded('failed');
  });

  it('should close politely when the customer does not answer', () => {
    const t = journeyTest(journey);
    t.trigger(request);
    t.reply('个人');
    t.advance('24h');
    expect(t.messages.at(-1)?.text).toContain('本次重开发票的请求已关闭');
    expect(t.calls).toEqual([]);
    t.expectEnded('completed');
  });

  it('should walk every path from the trigger to an end', () => {
    const paths = expectEveryPathWalked(journey, () => ({
      trigger: request,
      calls: { reissueInvoice: invoice },
      replies: { askTitle: '孙丽', askTaxNumber: '无' },
    }));
    expect(paths).toBe(10);
  });
});
