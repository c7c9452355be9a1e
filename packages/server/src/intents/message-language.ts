/** The languages Xiaoer answers customers in. */
export type MessageLanguage = 'zh' | 'en';

const HAN = /\p{Script=Han}/u;

/** `zh` when the message has any Chinese character, else `en`. */
export function messageLanguage(text: string): MessageLanguage {
  return HAN.test(text) ? 'zh' : 'en';
}
