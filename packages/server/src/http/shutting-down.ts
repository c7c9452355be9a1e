import type { RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error.ts';

/** Seconds a client is asked to wait before sending again to a server that is stopping. */
export const STOPPING_RETRY_AFTER_S = 5;

/** The probes, which answer for themselves while the server stops (`/readyz` says not ready). */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Deliveries of a platform that never sends a refused one again: WooCommerce's webhooks
 * (`POST /api/webhooks/woocommerce/:source`; a 503 loses the order, and more than five failures
 * in a row disable the webhook). Matched as Express routes them: any case, a trailing slash.
 */
const NEVER_RESENT = /^\/api\/webhooks\/woocommerce\/[^/]+\/?$/i;

/**
 * Once shutdown began (`accepting` false), every request but the probes is answered 503 with
 * Retry-After and its connection closed: a sender or a load balancer that kept a connection
 * alive sends again elsewhere or later, and nothing new starts in a process about to stop.
 *
 * Except a delivery its sender never sends again (WooCommerce): refused, it would be lost, so
 * it is taken as long as the intake can still record it durably (`intakeOpen`: the drain of
 * the requests in flight comes before the runtime and the store connection stop; the inbox
 * write before the answer is what makes an acknowledged event survive the stop).
 */
export function refuseWhileStopping(
  accepting: () => boolean,
  intakeOpen: () => boolean = accepting,
): RequestHandler {
  return (request, response, next) => {
    if (
      accepting() ||
      PROBES.has(request.path) ||
      (request.method === 'POST' && NEVER_RESENT.test(request.path) && intakeOpen())
    ) {
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
