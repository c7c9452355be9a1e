import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from './api-error.ts';
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

/** Turns every error into a JSON {@link ApiErrorBody}; unexpected ones become a 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
  const apiError = error instanceof ApiError ? error : fromBodyParser(error as BodyParserError);
  if (apiError) {
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
