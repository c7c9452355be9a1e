/** The body of every error the API returns: a machine code and a message in zh and en. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: { zh: string; en: string };
    detail?: string;
  };
}

/** An error a route throws to answer with `status` and an {@link ApiErrorBody}. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly detail: string | undefined;

  constructor(status: number, code: string, text: { zh: string; en: string }, detail?: string) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
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
