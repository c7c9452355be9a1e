/** Machine codes of the store's failures, so callers and tests can tell them apart. */
export type StoreErrorCode =
  | 'go-missing'
  | 'go-too-old'
  | 'ferretdb-build-failed'
  | 'ferretdb-start-failed'
  | 'store-unreachable'
  | 'postgres-unavailable';

/** A store failure with a message in Chinese and in English and what to do about it. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly zh: string;
  readonly en: string;

  constructor(code: StoreErrorCode, text: { zh: string; en: string }, options?: ErrorOptions) {
    super(`${text.zh}\n${text.en}`, options);
    this.name = 'StoreError';
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
  }
}
