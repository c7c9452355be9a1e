import type { JsonObject, JsonValue } from '@xiaoer/engine';
import { DeliveryError, type CallOutcome, type OrderSystemConnector } from './connector.types.ts';
import { describeBody, httpCall, isRetryableStatus } from './http-call.ts';
import { renderJson, renderPath } from './json-template.ts';

/** How one order-system operation maps onto the shop's HTTP API. */
export interface OperationMapping {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the base URL with `{{arg}}` placeholders, e.g. `/orders/{{orderId}}/refunds`. */
  path: string;
  /** JSON body template over the call's arguments; the arguments themselves when absent. */
  body?: JsonValue;
}

export interface HttpOrderSystemConfig {
  baseUrl: string;
  /** Sent with every request, e.g. `{ "Authorization": "Bearer ..." }`. */
  headers?: Record<string, string>;
  /** Per request, unless the journey's node sets its own timeout. Default 10 s. */
  timeoutMs?: number;
  operations: Record<string, OperationMapping>;
}

/** The mapping of the demo order system that ships with Xiaoer (and of shops built like it). */
export const DEFAULT_OPERATIONS: Record<string, OperationMapping> = {
  getOrder: { method: 'GET', path: '/orders/{{orderId}}' },
  changeAddress: { method: 'POST', path: '/orders/{{orderId}}/address' },
  refund: { method: 'POST', path: '/orders/{{orderId}}/refunds' },
  reissueInvoice: { method: 'POST', path: '/orders/{{orderId}}/invoices' },
  interceptShipment: { method: 'POST', path: '/orders/{{orderId}}/intercept' },
  cancelOrder: { method: 'POST', path: '/orders/{{orderId}}/cancel' },
};

/**
 * Calls a shop's order system over HTTP. Every request carries `Idempotency-Key`, the same for
 * every attempt of one call, so a retried refund is refunded once.
 */
export class HttpOrderSystem implements OrderSystemConnector {
  readonly #config: HttpOrderSystemConfig;

  constructor(config: HttpOrderSystemConfig) {
    this.#config = config;
  }

  async call(
    operation: string,
    args: JsonObject,
    options: { idempotencyKey: string; timeoutMs?: number },
  ): Promise<CallOutcome> {
    const mapping = this.#config.operations[operation];
    if (!mapping) {
      return {
        ok: false,
        retryable: false,
        error: {
          code: 'unknown-operation',
          message: `The order system connector has no mapping for "${operation}"`,
        },
      };
    }
    // A value that cannot be a path segment (`..`, `a/b`, empty) fails the call for good: no
    // retry would make it one.
    let path: string;
    try {
      path = renderPath(mapping.path, args);
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      return { ok: false, retryable: false, error: { code: error.code, message: error.message } };
    }
    // The mapping's path continues the base URL's path (`https://erp/api` + `/orders/1`).
    const url = new URL(
      path.replace(/^\/+/, ''),
      this.#config.baseUrl.endsWith('/') ? this.#config.baseUrl : `${this.#config.baseUrl}/`,
    );
    const withBody = mapping.method !== 'GET' && mapping.method !== 'DELETE';
    // A read carries the arguments its path does not use as a query (`?customerId=u1`).
    if (!withBody)
      for (const [name, value] of unusedArgs(mapping.path, args)) url.searchParams.set(name, value);
    try {
      const answer = await httpCall({
        method: mapping.method,
        url: url.href,
        headers: { ...this.#config.headers, 'Idempotency-Key': options.idempotencyKey },
        ...(withBody
          ? { body: mapping.body !== undefined ? renderJson(mapping.body, args) : args }
          : {}),
        timeoutMs: options.timeoutMs ?? this.#config.timeoutMs ?? 10_000,
      });
      if (answer.status >= 200 && answer.status < 300) {
        const body = answer.body;
        const data: JsonObject =
          body !== null && typeof body === 'object' && !Array.isArray(body)
            ? (body as JsonObject)
            : { result: (body ?? null) as JsonValue };
        return { ok: true, data };
      }
      return {
        ok: false,
        retryable: isRetryableStatus(answer.status),
        error: { code: `http-${answer.status}`, message: describeBody(answer.body) },
      };
    } catch (error) {
      if (error instanceof DeliveryError)
        return {
          ok: false,
          retryable: error.retryable,
          error: { code: error.code, message: error.message },
        };
      throw error;
    }
  }
}

/** The scalar arguments a path template does not place, as query parameters. */
function unusedArgs(path: string, args: JsonObject): [string, string][] {
  const placed = new Set([...path.matchAll(/\{\{\s*([\w]+)/g)].map((m) => m[1]));
  return Object.entries(args).flatMap(([name, value]): [string, string][] =>
    !placed.has(name) && (typeof value === 'string' || typeof value === 'number') && value !== ''
      ? [[name, String(value)]]
      : [],
  );
}
