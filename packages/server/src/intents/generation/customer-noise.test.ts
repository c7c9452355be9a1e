import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { roughen } from './customer-noise.ts';

describe('roughen', () => {
  it('should leave a message as it is at noise level 0', () => {
    expect(roughen('我要退款，订单A10023', 'zh', seededRandom(1), 0)).toBe('我要退款，订单A10023');
    expect(roughen('I want a refund', 'en', seededRandom(1), 0)).toBe('i want a refund');
  });

  it('should write some messages the way customers type them at full noise', () => {
    const random = seededRandom(2);
    const zh = Array.from({ length: 200 }, () =>
      roughen('你好，我要退款，快递什么时候到', 'zh', random, 1),
    );
    expect(zh.some((text) => /tk|推款|退欵|refund/.test(text))).toBe(true);
    expect(zh.some((text) => /kd|快第|块递/.test(text))).toBe(true);
    expect(zh.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true);
    const en = Array.from({ length: 200 }, () =>
      roughen('please send the package to my address', 'en', random, 1),
    );
    expect(en.some((text) => /pls|plz|pleas/.test(text))).toBe(true);
    expect(en.some((text) => /pakage|pkg|packge/.test(text))).toBe(true);
  });

  it('should be deterministic for a seed', () => {
    const run = () => roughen('where is my refund please', 'en', seededRandom(9), 1);
    expect(run()).toBe(run());
  });
});
