import { describe, expect, it } from 'vitest';
import { bandOf, questionLanguage, scoreFor } from './answer-bands.ts';

describe('answer bands', () => {
  it('should answer at the threshold, suggest between floor and threshold, else nothing', () => {
    expect(bandOf(0.5, 0.5, 0.4)).toBe('answer');
    expect(bandOf(0.49, 0.5, 0.4)).toBe('suggest');
    expect(bandOf(0.4, 0.5, 0.4)).toBe('suggest');
    expect(bandOf(0.39, 0.5, 0.4)).toBe('none');
  });

  it('should take the language asked for, else the question’s own', () => {
    expect(questionLanguage('发票怎么开')).toBe('zh');
    expect(questionLanguage('how do I get an invoice')).toBe('en');
    expect(questionLanguage('invoice 发票', 'en')).toBe('en');
  });

  it('should read one score or one per language', () => {
    expect(scoreFor(0.3, 'zh')).toBe(0.3);
    expect(scoreFor({ zh: 0.45, en: 0.5 }, 'en')).toBe(0.5);
  });
});
