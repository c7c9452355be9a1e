import type { RequestHandler } from 'express';
import { compileSchema, problemLines, schemaProblems } from '../json-schema-check.ts';
import { ApiError } from './api-error.ts';
import { declare } from './route-metadata.ts';
import { carriesBody, unsupportedMediaType } from './media-type.ts';

/** A request-body JSON Schema; the same object goes into the OpenAPI document. */
export type BodySchema = Record<string, unknown>;

/**
 * Rejects a body that is not JSON with 415, and one that breaks `schema` with 400: every
 * problem's JSON pointer and reason in zh and en, the first ones in the message too. With
 * `optional`, a request without a body is taken as an empty object (every field defaulted).
 */
export function validateBody(
  schema: BodySchema,
  { optional = false }: { optional?: boolean } = {},
): RequestHandler {
  const check = compileSchema(schema);
  return declare(
    (request, _response, next) => {
      const notJson = unsupportedMediaType(request, ['application/json']);
      if (notJson) return next(notJson);
      if (optional && !carriesBody(request)) request.body = {};
      if (check(request.body)) return next();
      const problems = schemaProblems(check.errors);
      const lines = problemLines(problems);
      next(
        new ApiError(
          400,
          'invalid-body',
          {
            zh: `请求体不符合要求（${problems.length} 处）：${lines.zh}`,
            en: `The request body is invalid (${problems.length} problem(s)): ${lines.en}`,
          },
          undefined,
          { problems },
        ),
      );
    },
    { body: schema, ...(optional ? { bodyOptional: true } : {}) },
  );
}
