import type { RequestHandler } from 'express';
import type { Permission } from './authenticate.ts';
import type { QueryParameter } from './query-parameter.ts';

/** What a route's middleware declares about it, read back to write the OpenAPI document. */
export interface RouteMetadata {
  permission?: Permission;
  body?: Record<string, unknown>;
  /** The body may be left out (`validateBody(schema, { optional: true })`). */
  bodyOptional?: boolean;
  /** The query parameters the route takes (see `acceptsQuery`); any other is a 400. */
  query?: Record<string, QueryParameter>;
  /** The JSON Schema of the success answer's body (see `responds`). */
  response?: Record<string, unknown>;
  /** The audit action its success writes (see `audits`). */
  audit?: string;
}

const metadata = new WeakMap<RequestHandler, RouteMetadata>();

/** Remembers `facts` about `handler` and returns it, so a declaration stays one expression. */
export function declare(handler: RequestHandler, facts: RouteMetadata): RequestHandler {
  metadata.set(handler, { ...metadata.get(handler), ...facts });
  return handler;
}

export function metadataOf(handler: unknown): RouteMetadata | undefined {
  return typeof handler === 'function' ? metadata.get(handler as RequestHandler) : undefined;
}

/**
 * Declares the JSON Schema of a route's success answer, beside `validateBody`'s request
 * schema: `router.get(path, allow('read'), responds(schema), handler)`. It checks nothing at
 * run time; the OpenAPI document carries it, the console's API types are generated from it
 * and the contract tests hold real answers to it.
 */
export function responds(schema: Record<string, unknown>): RequestHandler {
  return declare((_request, _response, next) => next(), { response: schema });
}
