import type { LocalizedText } from '@xiaoer/engine';
import { DomainError } from '../errors/domain-error.ts';
import type { ErrorKind } from '../errors/error-kinds.ts';
import { bodyOf, HTTP_STATUS, type ApiErrorBody } from './error-handler.ts';

export type { ApiErrorBody } from './error-handler.ts';

const KIND_OF_STATUS = new Map<number, ErrorKind>(
  Object.entries(HTTP_STATUS).map(([kind, status]) => [status, kind as ErrorKind]),
);

/**
 * The HTTP layer's shorthand for a {@link DomainError}, named by the status it answers with
 * (one of {@link HTTP_STATUS}'s). Domain modules throw `DomainError` with a kind instead.
 */
export class ApiError extends DomainError {
  readonly status: number;

  constructor(
    status: number,
    code: string,
    text: LocalizedText,
    detail?: string,
    details?: Record<string, unknown>,
  ) {
    const kind = KIND_OF_STATUS.get(status);
    if (!kind) throw new TypeError(`ApiError: no error kind answers with status ${status}`);
    super(kind, code, text, {
      ...(detail === undefined ? {} : { detail }),
      ...(details === undefined ? {} : { details }),
    });
    this.status = status;
  }

  toBody(): ApiErrorBody {
    return bodyOf(this);
  }
}
