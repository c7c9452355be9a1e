import type { RequestHandler } from 'express';
import type { Permission } from './authenticate.ts';

/** What a route's middleware declares about it, read back to write the OpenAPI document. */
export interface RouteMetadata {
  permission?: Permission;
  body?: Record<string, unknown>;
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
