import { Router } from 'express';
import type { StoreKind } from '../store/store-launcher.ts';
import { healthResponseSchemas } from './health.response.ts';
import { responds } from './route-metadata.ts';

/** What the health check needs to know about the store. */
export interface StoreProbe {
  kind: StoreKind;
  /** Resolves when the store answered a ping; the health check owns the deadline. */
  ping(): Promise<unknown>;
}

/** `GET /api/health` body. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  store: { kind: StoreKind; reachable: boolean };
  version: string;
}

/** How long the health check waits for the store before calling it unreachable. */
export const STORE_PING_TIMEOUT_MS = 2000;

/** True when the ping resolved within `timeoutMs`; false when it failed or took longer. */
async function answersWithin(store: StoreProbe, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answer = store.ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /api/health`: 200 when the store answers, 503 (degraded) when it does not. */
export function healthRouter(store: StoreProbe, version: string): Router {
  const router = Router();
  router.get('/health', responds(healthResponseSchemas.health), async (_request, response) => {
    const reachable = await answersWithin(store, STORE_PING_TIMEOUT_MS);
    const report: HealthReport = {
      status: reachable ? 'ok' : 'degraded',
      store: { kind: store.kind, reachable },
      version,
    };
    response.status(reachable ? 200 : 503).json(report);
  });
  return router;
}

/**
 * Probes for orchestrators, at the root: `GET /healthz` (liveness: the process answers) and
 * `GET /readyz` (readiness: the store answers and the server is not shutting down).
 */
export function probesRouter(store: StoreProbe, accepting: () => boolean): Router {
  const router = Router();
  router.get(
    '/healthz',
    responds(healthResponseSchemas.alive),
    (_request, response) => void response.json({ status: 'alive' }),
  );
  router.get('/readyz', responds(healthResponseSchemas.ready), async (_request, response) => {
    const ready = accepting() && (await answersWithin(store, STORE_PING_TIMEOUT_MS));
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready' });
  });
  return router;
}
