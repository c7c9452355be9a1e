import { anyObject, boolean, object, oneOf, text } from './response-schema.ts';

/** The success answers of the health checks, probes, metrics and documents. */
export const healthResponseSchemas = {
  health: object({
    status: oneOf('ok', 'degraded'),
    store: object({ kind: text, reachable: boolean }, { writable: boolean, error: text }),
    version: text,
  }),
  alive: object({ status: oneOf('alive') }),
  ready: object({ status: oneOf('ready', 'not-ready') }),
  /** Prometheus text exposition format. */
  metrics: { type: 'string', description: 'Prometheus text format 0.0.4' },
  demo: object({ shopUrl: text }),
  /** This OpenAPI 3.1 document. */
  docs: anyObject,
} as const;
