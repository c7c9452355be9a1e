import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { ServiceMetrics } from '../metrics/service-metrics.ts';
import { allow, credentialOf } from './authenticate.ts';
import { declare, responds } from './route-metadata.ts';
import { healthResponseSchemas } from './health.response.ts';

export interface MetricsRouteOptions {
  metrics: ServiceMetrics;
  auth: AuthService;
  /** `config.metrics.token`: a scraper's bearer token, accepted besides a console login. */
  token?: string;
}

/**
 * `GET /metrics`: the Prometheus text exposition. Never public: the caller sends the
 * configured metrics token as a bearer token, or is logged in to the console with the `read`
 * permission (a session token or cookie); otherwise 401 (403 for an intake API key).
 */
export function metricsRouter(options: MetricsRouteOptions): Router {
  const router = Router();
  router.get(
    '/metrics',
    responds(healthResponseSchemas.metrics),
    metricsAccess(options.auth, options.token),
    async (_request, response) => {
      const text = await options.metrics.exposition();
      response.type(options.metrics.contentType).send(text);
    },
  );
  return router;
}

/** Lets the metrics token through; anyone else needs a login allowed to `read`. */
function metricsAccess(auth: AuthService, token: string | undefined): RequestHandler {
  const loggedIn = allow('read');
  return declare(
    async (request, response, next) => {
      const credential = credentialOf(request);
      if (token && credential && sameSecret(credential, token)) return next();
      if (credential && credential.length < 200) {
        const principal = await auth.authenticate(credential);
        if (principal) request.principal = principal;
      }
      loggedIn(request, response, next);
    },
    { permission: 'read' },
  );
}

/** Compares in constant time (of the digests), whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
