import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it.each([
    [
      'POST https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1&sign=x%2By failed',
      'POST https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=*** failed',
    ],
    [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    ],
    ['http://erp:hunter2@10.0.0.5/orders/1', 'http://***@10.0.0.5/orders/1'],
    [
      'https://open.feishu.cn/open-apis/bot/v2/hook/2f4c6e1a-9b7d-4c3e-8f21-0a1b2c3d4e5f said no',
      'https://open.feishu.cn/open-apis/bot/v2/hook/*** said no',
    ],
    ['{"password":"p@ss\\"word","user":"li"}', '{"password":"***","user":"li"}'],
    ['token=abc; signature=def', 'token=***; signature=***'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x', 'Authorization: Bearer ***'],
  ])('should hide the credentials of %s', (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it('should keep what helps to debug: hosts, paths of order ids, status text', () => {
    const text = 'GET http://shop.example/orders/A-1001 answered 503: {"error":"busy"}';
    expect(redactSecrets(text)).toBe(text);
  });
});
