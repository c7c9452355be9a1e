import type { LocalizedText } from '@xiaoer/engine';
import { LocalizedError } from '../localized-error.ts';

/** Machine codes of the store's failures, so callers and tests can tell them apart. */
export type StoreErrorCode =
  | 'go-missing'
  | 'go-too-old'
  | 'ferretdb-build-failed'
  | 'ferretdb-start-failed'
  | 'store-unreachable'
  | 'postgres-unavailable'
  | 'store-misconfigured'
  | 'store-in-use';

/** A store failure with a message in Chinese and in English and what to do about it. */
export class StoreError extends LocalizedError {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, text: LocalizedText, options?: ErrorOptions) {
    super(text, options);
    this.code = code;
  }
}
