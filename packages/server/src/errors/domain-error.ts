import type { LocalizedText } from '@xiaoer/engine';
import { LocalizedError } from '../localized-error.ts';
import type { ErrorKind } from './error-kinds.ts';

/** Specifics an error may carry besides its message. */
export interface DomainErrorOptions {
  /** A free-text detail for people (e.g. where a parser stopped). */
  detail?: string;
  /** Machine-readable specifics: `problems` with JSON pointers, the current revision... */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An error a domain throws on purpose: a kind (how bad, whose fault), a stable machine `code`
 * and a message in zh and en. Domains throw these and never know about HTTP; the HTTP layer
 * turns the kind into a status (`http/error-handler.ts`).
 */
export class DomainError extends LocalizedError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly detail: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    text: LocalizedText,
    options: DomainErrorOptions = {},
  ) {
    super(text, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.detail = options.detail;
    this.details = options.details;
  }
}
