import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { LocalizedText } from '@xiaoer/engine';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error.ts';
import type { ErrorKind } from '../errors/error-kinds.ts';
import { fromEngineError } from '../errors/engine-errors.ts';

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

/** The one mapping of error kinds to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

/** The body an error answers with. */
export function bodyOf(error: DomainError): ApiErrorBody {
  const body: ApiErrorBody = {
    error: { code: error.code, message: { zh: error.zh, en: error.en } },
  };
  if (error.detail !== undefined) body.error.detail = error.detail;
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

/** Errors raised by express.json() (body-parser) carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
}

/** 400 for a body that is not JSON; `detail` says where the parser stopped. */
export const malformedJson = (detail: string | undefined) =>
  new DomainError(
    'invalid',
    'malformed-json',
    { zh: '请求体不是合法的 JSON。', en: 'The request body is not valid JSON.' },
    detail === undefined ? {} : { detail },
  );

function fromBodyParser(error: BodyParserError): DomainError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return malformedJson(error.message);
    case 'entity.too.large':
      return new DomainError('too-large', 'payload-too-large', {
        zh: `请求体超过上限（${error.limit ?? '?'} 字节）。`,
        en: `The request body exceeds the limit (${error.limit ?? '?'} bytes).`,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError('unsupported', 'unsupported-encoding', {
        zh: '不支持的请求体编码。',
        en: 'Unsupported request body encoding.',
      });
    default:
      return undefined;
  }
}

/** 404 for any route no router answered. */
export const notFound: RequestHandler = (request, _response, next) => {
  next(
    new DomainError('not-found', 'not-found', {
      zh: `没有这个接口：${request.method} ${request.path}`,
      en: `No such endpoint: ${request.method} ${request.path}`,
    }),
  );
};

const INTERNAL = new DomainError('internal', 'internal-error', {
  zh: '服务器内部错误。',
  en: 'Internal server error.',
});

/** The error as the API reports it: domain and engine errors keep their kind, others are ours. */
function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  return fromEngineError(error) ?? fromBodyParser((error ?? {}) as BodyParserError);
}

/**
 * Turns every error into a JSON {@link ApiErrorBody} with the status of its kind. An error of
 * kind `internal`, or one nobody threw on purpose (answered as a bare 500), is logged.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const known = domainErrorOf(error) ?? INTERNAL;
    if (known.kind === 'internal')
      log.error({ err: error, method: request.method, path: request.path }, 'request failed');
    response.status(HTTP_STATUS[known.kind]).json(bodyOf(known));
  };
}
