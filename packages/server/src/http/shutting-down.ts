import type { RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error.ts';

/** Seconds a client is asked to wait before sending again to a server that is stopping. */
export const STOPPING_RETRY_AFTER_S = 5;

/** The probes, which answer for themselves while the server stops (`/readyz` says not ready). */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Once shutdown began (`accepting` false), every request but the probes is answered 503 with
 * Retry-After and its connection closed: a sender or a load balancer that kept a connection
 * alive sends again elsewhere or later, and nothing new starts in a process about to stop.
 */
export function refuseWhileStopping(accepting: () => boolean): RequestHandler {
  return (request, response, next) => {
    if (accepting() || PROBES.has(request.path)) {
      next();
      return;
    }
    response.set('Retry-After', String(STOPPING_RETRY_AFTER_S));
    response.set('Connection', 'close');
    next(
      new DomainError('unavailable', 'shutting-down', {
        zh: '服务正在停止，请稍后重试（见 Retry-After）。',
        en: 'The server is shutting down; please retry shortly (see Retry-After).',
      }),
    );
  };
}
