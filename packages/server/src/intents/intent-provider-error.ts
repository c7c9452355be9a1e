import { LocalizedError } from '../localized-error.ts';

export type IntentProviderErrorCode = 'timeout' | 'http' | 'invalid-answer' | 'unreachable';

/** An LLM endpoint that did not give a usable intent; `code` says why. */
export class IntentProviderError extends LocalizedError {
  constructor(
    readonly code: IntentProviderErrorCode,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      {
        zh: `意图识别服务未给出可用结果（${code}）：${detail}`,
        en: `The intent recognition service gave no usable answer (${code}): ${detail}`,
      },
      options,
    );
  }
}
