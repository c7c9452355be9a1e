import { Router } from 'express';
import type { StoreKind } from '../store/store-launcher.ts';
import { healthResponseSchemas } from './health.response.ts';
import { responds } from './route-metadata.ts';

/** What the health check needs to know about the store. */
export interface StoreProbe {
  kind: StoreKind;
  /** Resolves when the store answered a ping; the health check owns the deadline. */
  ping(): Promise<unknown>;
  /**
   * Resolves when a small write was stored: a store that answers pings can still refuse every
   * write (a full disk, a read-only file). Without it, answering a ping counts as writable.
   */
  write?(): Promise<unknown>;
}

/** `GET /api/health` body. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  store: { kind: StoreKind; reachable: boolean; writable: boolean };
  version: string;
}

/** Seconds a client is asked to wait when the store is unhealthy. */
export const STORE_RETRY_AFTER_S = 5;

/** How long the health check waits for the store before calling it unreachable. */
export const STORE_PING_TIMEOUT_MS = 2000;

/** True when `probe` resolved within `timeoutMs`; false when it failed or took longer. */
async function answersWithin(probe: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answer = probe().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each store's ping and write still in flight, by store. */
const inFlight = new WeakMap<StoreProbe, Partial<Record<'ping' | 'write', Promise<unknown>>>>();

/**
 * The store's ping (or write) in flight, or a new one when none is. A check that gives up at its
 * deadline leaves its ping running: on a store that stopped answering (a frozen process, a
 * network that drops packets) it runs until the driver gives up, tens of seconds. Before, every
 * probe started its own, and an orchestrator probing every second piled up pings, connections
 * and memory behind the frozen store; now they all wait on the one in flight.
 */
function shared(store: StoreProbe, kind: 'ping' | 'write', run: () => Promise<unknown>) {
  let flights = inFlight.get(store);
  if (!flights) inFlight.set(store, (flights = {}));
  const pending = flights[kind];
  if (pending) return pending;
  const started = run().finally(() => {
    if (flights[kind] === started) delete flights[kind];
  });
  flights[kind] = started;
  return started;
}

/** Whether the store answers a ping, and then whether it stores a write, each in time. */
async function storeState(store: StoreProbe): Promise<{ reachable: boolean; writable: boolean }> {
  const reachable = await answersWithin(
    () => shared(store, 'ping', () => store.ping()),
    STORE_PING_TIMEOUT_MS,
  );
  const write = store.write?.bind(store);
  const writable =
    reachable &&
    (write
      ? await answersWithin(() => shared(store, 'write', write), STORE_PING_TIMEOUT_MS)
      : true);
  return { reachable, writable };
}

/**
 * `GET /api/health`: 200 when the store answers and stores a write, else 503 (degraded, with
 * `Retry-After`) saying which failed.
 */
export function healthRouter(store: StoreProbe, version: string): Router {
  const router = Router();
  router.get('/health', responds(healthResponseSchemas.health), async (_request, response) => {
    const state = await storeState(store);
    const healthy = state.reachable && state.writable;
    const report: HealthReport = {
      status: healthy ? 'ok' : 'degraded',
      store: { kind: store.kind, ...state },
      version,
    };
    if (!healthy) response.set('Retry-After', String(STORE_RETRY_AFTER_S));
    response.status(healthy ? 200 : 503).json(report);
  });
  return router;
}

/**
 * Probes for orchestrators, at the root: `GET /healthz` (liveness: the process answers) and
 * `GET /readyz` (readiness: the store answers and stores a write, and the server is not
 * shutting down).
 */
export function probesRouter(store: StoreProbe, accepting: () => boolean): Router {
  const router = Router();
  router.get(
    '/healthz',
    responds(healthResponseSchemas.alive),
    (_request, response) => void response.json({ status: 'alive' }),
  );
  router.get('/readyz', responds(healthResponseSchemas.ready), async (_request, response) => {
    const state = accepting() ? await storeState(store) : null;
    const ready = Boolean(state?.reachable && state.writable);
    if (!ready) response.set('Retry-After', String(STORE_RETRY_AFTER_S));
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready' });
  });
  return router;
}
