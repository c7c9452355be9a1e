import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RequestHandler } from 'express';
import { ApiError } from './api-error.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false }));

/** A request-body JSON Schema; the same object goes into the OpenAPI document. */
export type BodySchema = Record<string, unknown>;

/** Rejects a body that breaks `schema` with 400 and every problem's JSON pointer. */
export function validateBody(schema: BodySchema): RequestHandler {
  const check = ajv.compile(schema);
  return (request, _response, next) => {
    if (check(request.body)) return next();
    const problems = (check.errors ?? []).map((error) => ({
      pointer:
        error.instancePath +
        (error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : ''),
      message: error.message ?? 'invalid',
    }));
    next(
      new ApiError(
        400,
        'invalid-body',
        {
          zh: `请求体不符合要求（${problems.length} 处）。`,
          en: `The request body is invalid (${problems.length} problem(s)).`,
        },
        undefined,
        { problems },
      ),
    );
  };
}
