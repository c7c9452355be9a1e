import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from './api-error.ts';
import { STORE_RETRY_AFTER_S } from './health.route.ts';
import { jsonShapeProblem, type JsonShapeProblem } from '../json-shape.ts';

/** Errors raised by express.json() (body-parser) carry a `type` and a `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
}

/** 400 for a body that is not JSON; `detail` says where the parser stopped. */
/** 400 for a JSON body nested too deep or with too many keys (`json-shape.ts`). */
export const tooComplex = (code: string, problem: JsonShapeProblem) =>
  new ApiError(
    400,
    code,
    {
      zh: `JSON 嵌套过深或键过多（${problem.reason === 'too-deep' ? '超过层数上限' : '键的总数超过上限'}，位置 "${problem.pointer}"）。`,
      en: `The JSON is nested too deep or has too many keys (${problem.message}, at "${problem.pointer}").`,
    },
    undefined,
    { problems: [{ pointer: problem.pointer, message: problem.message }] },
  );

/**
 * Refuses parsed JSON bodies deeper than 64 levels or with more than 100,000 keys before any
 * route walks them (event intake has its tighter per-event limits).
 */
export const jsonShapeGuard: RequestHandler = (request, _response, next) => {
  const problem = jsonShapeProblem(request.body, { maxDepth: 64, maxKeys: 100_000 });
  next(problem ? tooComplex('json-too-complex', problem) : undefined);
};

export const malformedJson = (detail: string | undefined) =>
  new ApiError(
    400,
    'malformed-json',
    { zh: '请求体不是合法的 JSON。', en: 'The request body is not valid JSON.' },
    detail,
  );

function fromBodyParser(error: BodyParserError): ApiError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return malformedJson(error.message);
    case 'entity.too.large':
      return new ApiError(413, 'payload-too-large', {
        zh: `请求体超过上限（${error.limit ?? '?'} 字节）。`,
        en: `The request body exceeds the limit (${error.limit ?? '?'} bytes).`,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported-encoding', {
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
    new ApiError(404, 'not-found', {
      zh: `没有这个接口：${request.method} ${request.path}`,
      en: `No such endpoint: ${request.method} ${request.path}`,
    }),
  );
};

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
function fromStore(error: unknown): ApiError | undefined {
  const { name = '', message = '' } = (error ?? {}) as { name?: string; message?: string };
  const down = STORE_DOWN.has(name) || /buffering timed out/.test(message);
  if (!down && !STORE_FULL.test(message)) return undefined;
  return new ApiError(503, 'store-unavailable', {
    zh: '数据库暂时不可用（无法连接或磁盘已满），请稍后重试。',
    en: 'The store is unavailable for now (unreachable or its disk is full); please retry later.',
  });
}

/** Turns every error into a JSON {@link ApiErrorBody}; unexpected ones become a 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
  const apiError =
    error instanceof ApiError
      ? error
      : (fromBodyParser(error as BodyParserError) ?? fromStore(error));
  if (apiError) {
    if (apiError.status === 503) response.set('Retry-After', String(STORE_RETRY_AFTER_S));
    response.status(apiError.status).json(apiError.toBody());
    return;
  }
  console.error(error);
  const internal = new ApiError(500, 'internal-error', {
    zh: '服务器内部错误。',
    en: 'Internal server error.',
  });
  response.status(500).json(internal.toBody());
};
