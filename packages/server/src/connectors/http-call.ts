import { DeliveryError } from './connector.types.ts';

export interface HttpCall {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * One HTTP request with a deadline. Network errors and timeouts throw a retryable
 * {@link DeliveryError}; any HTTP status is returned for the caller to judge.
 */
export async function httpCall(call: HttpCall): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: call.method,
      headers: {
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...call.headers,
      },
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new DeliveryError(
      timedOut ? 'timeout' : 'network',
      timedOut
        ? `${call.method} ${call.url} took longer than ${call.timeoutMs} ms`
        : `${call.method} ${call.url} failed: ${(error as Error).message}`,
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** 5xx, 408 and 429 may pass on a later attempt; other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** Throws a {@link DeliveryError} unless the answer is a 2xx. */
export function expectSuccess(answer: HttpAnswer, what: string): void {
  if (answer.status >= 200 && answer.status < 300) return;
  throw new DeliveryError(
    `http-${answer.status}`,
    `${what} answered ${answer.status}: ${describeBody(answer.body)}`,
    isRetryableStatus(answer.status),
  );
}

export function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
