import type { Express } from 'express';

/** A route as Express holds it. */
export interface RouteEntry {
  method: string;
  /** OpenAPI style: `/api/workflows/{id}`. */
  path: string;
  handlers: unknown[];
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/** Every route of `app`, with the middleware in front of it, mounted routers included. */
export function routesOf(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat().filter((p): p is string => typeof p === 'string');
        for (const path of paths)
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
            routes.push({
              method: method.toUpperCase(),
              path: (prefix + path).replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
              handlers: layer.route.stack.map((l) => l.handle),
            });
      } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle.stack, layer.rawPath === '/' ? prefix : prefix + layer.rawPath);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}
