import type { LocalizedText } from '@xiaoer/engine';
import { LocalizedError } from '../localized-error.ts';

/** The body of every error the API returns: a machine code and a message in zh and en. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: LocalizedText;
    detail?: string;
  };
}

/** An error a route throws to answer with `status` and an {@link ApiErrorBody}. */
export class ApiError extends LocalizedError {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;

  constructor(status: number, code: string, text: LocalizedText, detail?: string) {
    super(text);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = {
      error: { code: this.code, message: { zh: this.zh, en: this.en } },
    };
    if (this.detail !== undefined) body.error.detail = this.detail;
    return body;
  }
}
