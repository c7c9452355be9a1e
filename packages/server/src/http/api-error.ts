import type { LocalizedText } from '@xiaoer/engine';
import { LocalizedError } from '../localized-error.ts';

/** The body of every error the API returns: a machine code and a message in zh and en. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: LocalizedText;
    detail?: string;
    /** Machine-readable specifics: `problems` with JSON pointers, the current revision... */
    details?: Record<string, unknown>;
  };
}

/** An error a route throws to answer with `status` and an {@link ApiErrorBody}. */
export class ApiError extends LocalizedError {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    text: LocalizedText,
    detail?: string,
    details?: Record<string, unknown>,
  ) {
    super(text);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = {
      error: { code: this.code, message: { zh: this.zh, en: this.en } },
    };
    if (this.detail !== undefined) body.error.detail = this.detail;
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}
