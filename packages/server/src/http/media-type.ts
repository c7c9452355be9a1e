import type { Request, RequestHandler } from 'express';
import { ApiError } from './api-error.ts';

/** Whether the request carries a body (an empty one, `Content-Length: 0`, is none). */
export function carriesBody(request: Request): boolean {
  return (
    request.get('transfer-encoding') !== undefined || Number(request.get('content-length')) > 0
  );
}

/**
 * 415 for a request whose body is none of `types` (by its Content-Type), or `undefined`: a
 * `text/plain` JSON body is refused as such, not read as no body at all.
 */
export function unsupportedMediaType(
  request: Request,
  types: readonly string[],
): ApiError | undefined {
  if (!carriesBody(request) || request.is([...types])) return undefined;
  const given = (request.get('content-type') ?? '').slice(0, 60) || '—';
  return new ApiError(
    415,
    'unsupported-media-type',
    {
      zh: `请求体的类型（Content-Type: ${given}）不受支持；应为 ${types.join(' 或 ')}。`,
      en: `The request body's type (Content-Type: ${given}) is not supported; send ${types.join(' or ')}.`,
    },
    undefined,
    { accepted: [...types] },
  );
}

/** Refuses, with 415, a body that is none of `types`. */
export function acceptsBody(...types: string[]): RequestHandler {
  return (request, _response, next) => next(unsupportedMediaType(request, types));
}
