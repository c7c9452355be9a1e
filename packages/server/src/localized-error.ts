import type { LocalizedText } from '@xiaoer/engine';

/**
 * An error meant for people, in Chinese and English. `message` holds both lines, so a plain
 * log or a CLI printing `message` says it in both languages.
 */
export class LocalizedError extends Error {
  readonly zh: string;
  readonly en: string;

  constructor(text: LocalizedText, options?: ErrorOptions) {
    super(`${text.zh}\n${text.en}`, options);
    this.name = new.target.name;
    this.zh = text.zh;
    this.en = text.en;
  }
}
