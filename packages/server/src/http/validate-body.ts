import type { RequestHandler } from 'express';
import { findUnstorableKey } from '@xiaoer/engine';
import {
  compileSchema,
  problemLines,
  schemaProblem,
  schemaProblems,
  type SchemaProblem,
} from '../json-schema-check.ts';
import { ApiError } from './api-error.ts';
import { declare } from './route-metadata.ts';
import { carriesBody, unsupportedMediaType } from './media-type.ts';

/** A request-body JSON Schema; the same object goes into the OpenAPI document. */
export type BodySchema = Record<string, unknown>;

/**
 * With `storableKeys`: the first key of the body the store cannot keep (a `.` in it, or a
 * leading `$`, as a query operator has), as a problem at its pointer; none when all can be.
 */
function unstorableKeyProblems(body: unknown): SchemaProblem[] {
  const bad = findUnstorableKey(body);
  if (!bad) return [];
  const key = bad.key.slice(0, 80);
  return [
    schemaProblem(bad.pointer, {
      zh: `键 "${key}" 无法保存（不能含 "."，不能以 "$" 开头）`,
      en: `key "${key}" cannot be stored (no "." and no leading "$")`,
    }),
  ];
}

/**
 * Rejects a body that is not JSON with 415, and one that breaks `schema` with 400: every
 * problem's JSON pointer and reason in zh and en, the first ones in the message too. With
 * `optional`, a request without a body is taken as an empty object (every field defaulted).
 * With `storableKeys`, a body whose free-form parts (event data) hold a key the store cannot
 * keep is refused the same way, before anything reads it: such data was taken, audited and
 * then ignored or stored.
 */
export function validateBody(
  schema: BodySchema,
  { optional = false, storableKeys = false }: { optional?: boolean; storableKeys?: boolean } = {},
): RequestHandler {
  const check = compileSchema(schema);
  return declare(
    (request, _response, next) => {
      const notJson = unsupportedMediaType(request, ['application/json']);
      if (notJson) return next(notJson);
      if (optional && !carriesBody(request)) request.body = {};
      const problems = check(request.body)
        ? storableKeys
          ? unstorableKeyProblems(request.body)
          : []
        : schemaProblems(check.errors);
      if (problems.length === 0) return next();
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
