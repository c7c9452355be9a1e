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
import { STORE_RETRY_AFTER_S } from './health.route.ts';
import { jsonShapeProblem, type JsonShapeProblem } from '../json-shape.ts';
import { schemaProblem } from '../json-schema-check.ts';

/** Errors raised by express.json() (body-parser) carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
}

/** 400 for a JSON body nested too deep or with too many keys (`json-shape.ts`). */
export const tooComplex = (code: string, problem: JsonShapeProblem) =>
  new DomainError(
    'invalid',
    code,
    {
      zh: `JSON 嵌套过深或键过多（${problem.text.zh}，位置 "${problem.pointer}"）。`,
      en: `The JSON is nested too deep or has too many keys (${problem.text.en}, at "${problem.pointer}").`,
    },
    { details: { problems: [schemaProblem(problem.pointer, problem.text)] } },
  );

/** 400 for a body that is not JSON; `detail` says where the parser stopped. */

/**
 * Refuses parsed JSON bodies deeper than 64 levels or with more than 100,000 keys before any
 * route walks them (event intake has its tighter per-event limits).
 */
export const jsonShapeGuard: RequestHandler = (request, _response, next) => {
  const problem = jsonShapeProblem(request.body, { maxDepth: 64, maxKeys: 100_000 });
  next(problem ? tooComplex('json-too-complex', problem) : undefined);
};

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

/** Driver errors that mean the store cannot be reached now, not that the request is wrong. */
const STORE_DOWN = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);
/** Messages of a store that answers but cannot write (SQLite and PostgreSQL, disk full). */
const STORE_FULL = /disk is full|no space left|disk full|could not extend file/i;

/** 503 with Retry-After for a store that is down or full: try again, nothing was lost. */
function fromStore(error: unknown): DomainError | undefined {
  const { name = '', message = '' } = (error ?? {}) as { name?: string; message?: string };
  const down = STORE_DOWN.has(name) || /buffering timed out/.test(message);
  if (!down && !STORE_FULL.test(message)) return undefined;
  return new DomainError('unavailable', 'store-unavailable', {
    zh: '数据库暂时不可用（无法连接或磁盘已满），请稍后重试。',
    en: 'The store is unavailable for now (unreachable or its disk is full); please retry later.',
  });
}

/** The error as the API reports it: domain and engine errors keep their kind, others are ours. */
function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  return (
    fromEngineError(error) ?? fromBodyParser((error ?? {}) as BodyParserError) ?? fromStore(error)
  );
}

/**
 * Turns every error into a JSON {@link ApiErrorBody} with the status of its kind. An error of
 * kind `internal`, or one nobody threw on purpose (answered as a bare 500), is logged; a store
 * that is down or full answers 503 with Retry-After.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const known = domainErrorOf(error) ?? INTERNAL;
    if (known.kind === 'internal')
      log.error({ err: error, method: request.method, path: request.path }, 'request failed');
    if (known.code === 'store-unavailable')
      response.set('Retry-After', String(STORE_RETRY_AFTER_S));
    response.status(HTTP_STATUS[known.kind]).json(bodyOf(known));
  };
}
