import type { Express } from 'express';
import { routesOf } from './express-routes.ts';

/** The label of a request no route of the app serves (console files, unknown paths). */
export const UNMATCHED_ROUTE = 'unmatched';

interface RoutePattern {
  method: string;
  pattern: RegExp;
  /** Express style: `/api/instances/:id`. */
  label: string;
}

/**
 * Names a request by the pattern of the route that serves it (`/api/instances/:id`), so a
 * metric's labels stay as few as the routes are, whatever ids the URLs carry. Matched against
 * the app's own routes (read once, when first asked) rather than read from `request.route`:
 * a request that failed in a router's middleware leaves the router with its mount path lost.
 */
export class RouteLabels {
  readonly #app: Express;
  #patterns: RoutePattern[] | undefined;

  constructor(app: Express) {
    this.#app = app;
  }

  /** The route pattern for `method` and `path` (no query), or {@link UNMATCHED_ROUTE}. */
  labelOf(method: string, path: string): string {
    this.#patterns ??= routesOf(this.#app).map(patternOf);
    // Express answers HEAD with the GET route.
    const wanted = method === 'HEAD' ? 'GET' : method;
    return (
      this.#patterns.find((route) => route.method === wanted && route.pattern.test(path))?.label ??
      UNMATCHED_ROUTE
    );
  }
}

/** `/api/instances/{id}` → `^/api/instances/[^/]+/?$` and the label `/api/instances/:id`. */
function patternOf(route: { method: string; path: string }): RoutePattern {
  const source = route.path
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => (/^\{.+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return {
    method: route.method,
    // Like Express: case-insensitive, a trailing slash allowed.
    pattern: new RegExp(`^${source}/?$`, 'i'),
    label: route.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1'),
  };
}
