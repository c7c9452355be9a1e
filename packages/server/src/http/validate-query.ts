import type { Request, RequestHandler } from 'express';
import type { LocalizedText } from '@xiaoer/engine';
import { ApiError } from './api-error.ts';
import { declare } from './route-metadata.ts';
import type { QueryParameter } from './query-parameter.ts';

/** The query parameters a route takes, by name. */
export type QueryParameters = Record<string, QueryParameter>;

/** The values of a route's query parameters; absent ones are left out. */
export type QueryValues<P extends QueryParameters> = {
  [K in keyof P]?: P[K] extends QueryParameter<infer T> ? T : never;
};

/** What a route takes in its query: checked by `check`, read by `read`. */
export interface QueryContract<P extends QueryParameters> {
  /** Refuses a query that breaks the contract; declares it for the OpenAPI document. */
  check: RequestHandler;
  /** The values, or the same 400 as `check`. */
  read: (request: Request) => QueryValues<P>;
}

const shown = (text: string) => text.slice(0, 40);

/** 400 `invalid-query` about the query parameter `parameter`, as every query refusal is. */
export const invalidQuery = (
  parameter: string,
  text: LocalizedText,
  details: Record<string, unknown> = {},
) => new ApiError(400, 'invalid-query', text, undefined, { parameter, ...details });

function unknownParameter(name: string, known: string[]): ApiError {
  const parameter = shown(name);
  return invalidQuery(
    parameter,
    known.length
      ? {
          zh: `不认识的查询参数 "${parameter}"；可用：${known.join('、')}。`,
          en: `Unknown query parameter "${parameter}"; known: ${known.join(', ')}.`,
        }
      : {
          zh: `这个接口不接受查询参数（收到 "${parameter}"）。`,
          en: `This endpoint takes no query parameters (got "${parameter}").`,
        },
    { known },
  );
}

/**
 * The query values of `parameters` in `query` (as Express parsed it): an unknown name, a
 * value given twice (an array), a bad value or a missing required one is a 400 naming the
 * parameter and what it allows, as unknown body fields are refused.
 */
export function queryValues<P extends QueryParameters>(
  query: Record<string, unknown>,
  parameters: P,
): QueryValues<P> {
  const known = Object.keys(parameters);
  const unknown = Object.keys(query).find((name) => !Object.hasOwn(parameters, name));
  if (unknown !== undefined) throw unknownParameter(unknown, known);
  const values: Record<string, unknown> = {};
  for (const [name, parameter] of Object.entries(parameters)) {
    const text = query[name];
    const { allowed } = parameter;
    if (text === undefined) {
      if (parameter.required)
        throw invalidQuery(
          name,
          {
            zh: `缺少查询参数 "${name}"（${allowed.zh}）。`,
            en: `The query parameter "${name}" is required (${allowed.en}).`,
          },
          { allowed },
        );
      continue;
    }
    if (typeof text !== 'string')
      throw invalidQuery(
        name,
        {
          zh: `查询参数 "${name}" 只能给一个值（${allowed.zh}）。`,
          en: `Give the query parameter "${name}" once (${allowed.en}).`,
        },
        { allowed },
      );
    const value = parameter.read(text);
    if (value === undefined)
      throw invalidQuery(
        name,
        {
          zh: `查询参数 "${name}" 应为${allowed.zh}，收到 "${shown(text)}"。`,
          en: `The query parameter "${name}" must be ${allowed.en}, got "${shown(text)}".`,
        },
        { allowed },
      );
    values[name] = value;
  }
  return values as QueryValues<P>;
}

/**
 * Declares the query parameters a route takes, beside `validateBody`'s body schema:
 * `router.get(path, allow('read'), QUERY.check, handler)`, then `QUERY.read(request)` in the
 * handler. The OpenAPI document lists the same parameters with their schemas.
 */
export function acceptsQuery<P extends QueryParameters>(parameters: P): QueryContract<P> {
  const read = (request: Request) => queryValues(request.query, parameters);
  const check: RequestHandler = (request, _response, next) => {
    read(request);
    next();
  };
  return { check: declare(check, { query: parameters }), read };
}
