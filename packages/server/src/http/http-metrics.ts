import type { Express, RequestHandler } from 'express';
import type { ServiceMetrics } from '../metrics/service-metrics.ts';
import { RouteLabels } from './route-labels.ts';

/**
 * Express middleware timing every request from its arrival until its answer was sent, into
 * `xiaoer_http_request_duration_seconds` by method, route pattern and status. Mount it first
 * on `app` (whose routes name the requests). Requests the client gave up on before the answer
 * are not counted.
 */
export function httpMetrics(metrics: ServiceMetrics, app: Express): RequestHandler {
  const labels = new RouteLabels(app);
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    // Routers strip their mount path from `request.path` while they run: keep the whole one.
    const path = request.path;
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequest(
        request.method,
        labels.labelOf(request.method, path),
        response.statusCode,
        seconds,
      );
    });
    next();
  };
}
