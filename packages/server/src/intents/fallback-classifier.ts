import type { IntentClassification, IntentRecognizer } from './intent-classification.ts';
import { IntentProviderError } from './intent-provider-error.ts';

/** A classification that says who made it, and why the first choice was not used. */
export interface AttributedClassification extends IntentClassification {
  source: 'primary' | 'fallback';
  /** Set when the fallback answered: what went wrong with the primary. */
  fallbackReason?: IntentProviderError;
}

/**
 * Asks the primary recognizer (an LLM endpoint) and, when it times out, fails or answers
 * something unusable, the fallback (the local model). The reason is kept on the answer and
 * passed to `onFallback`, so a failing endpoint is seen in the logs, not silently ignored.
 */
export class FallbackClassifier implements IntentRecognizer {
  constructor(
    private readonly primary: IntentRecognizer,
    /** Answers when the primary fails (the local model). */
    readonly fallback: IntentRecognizer,
    private readonly onFallback: (reason: IntentProviderError) => void = () => {},
  ) {}

  async classify(text: string): Promise<AttributedClassification> {
    try {
      return { ...(await this.primary.classify(text)), source: 'primary' };
    } catch (cause) {
      const reason =
        cause instanceof IntentProviderError
          ? cause
          : new IntentProviderError('invalid-answer', (cause as Error).message, { cause });
      this.onFallback(reason);
      return {
        ...(await this.fallback.classify(text)),
        source: 'fallback',
        fallbackReason: reason,
      };
    }
  }
}
