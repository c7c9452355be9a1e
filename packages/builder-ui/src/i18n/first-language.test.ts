import { describe, expect, it } from 'vitest';
import { firstLanguage } from './first-language.ts';

describe("the console's first language", () => {
  it('should start a Chinese browser in zh, whatever its region or script', () => {
    expect(firstLanguage(['zh-CN', 'en-US'])).toBe('zh');
    expect(firstLanguage(['zh-Hant-TW'])).toBe('zh');
    expect(firstLanguage(['ZH'])).toBe('zh');
  });

  it('should start every other browser in en', () => {
    expect(firstLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(firstLanguage(['fr-FR', 'de'])).toBe('en');
    expect(firstLanguage([])).toBe('en');
  });

  it('should take the first of Chinese and English the browser prefers', () => {
    expect(firstLanguage(['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(firstLanguage(['ja', 'en-US', 'zh'])).toBe('en');
  });
});
