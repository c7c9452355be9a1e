import type { LocalizedText } from './workflow.types.ts';

const CHINESE = /[\u3400-\u9fff]/;

/**
 * The half of an "English / 中文" (or "中文 / English") text in `language`: node schemas write
 * their titles so, and shipped journeys their names ("修改收货地址 / Address change");
 * undefined when the text is not so written (one language, or no Chinese half to tell them
 * apart).
 */
export function bilingualHalf(text: string, language: keyof LocalizedText): string | undefined {
  const halves = text.split(' / ');
  if (halves.length !== 2) return undefined;
  const chinese = halves.filter((half) => CHINESE.test(half));
  if (chinese.length !== 1) return undefined;
  return language === 'zh' ? chinese[0] : halves.find((half) => !CHINESE.test(half));
}
