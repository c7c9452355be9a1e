import type { Language } from './messages.ts';

/**
 * The language a first visit starts in, from the browser's preferred languages
 * (`navigator.languages`, best first): the first Chinese or English one decides, so a Chinese
 * browser starts in zh and every other browser (English, French, none given) in en.
 */
export function firstLanguage(preferred: readonly string[]): Language {
  for (const code of preferred) {
    const lower = code.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
