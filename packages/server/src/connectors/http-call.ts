import { DeliveryError } from './connector.types.ts';
import { redactSecrets } from './redact.ts';

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

/** Redirects followed within the first URL's origin before the call counts as failed. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP request with a deadline. Network errors and timeouts throw a retryable
 * {@link DeliveryError}; any HTTP status is returned for the caller to judge. Redirects are
 * followed only within the origin of `call.url`: a redirect to another host (where the answer
 * would be taken as the order system's, and the headers' credentials would go) throws a
 * permanent `redirect-elsewhere` error.
 */
export async function httpCall(call: HttpCall): Promise<HttpAnswer> {
  const deadline = AbortSignal.timeout(call.timeoutMs);
  const origin = new URL(call.url).origin;
  let current = { method: call.method, url: call.url, body: call.body };
  for (let redirects = 0; ; redirects++) {
    const response = await send(call, current, deadline);
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return answerOf(response);
    await response.body?.cancel();
    const target = new URL(location, current.url);
    if (target.origin !== origin)
      throw new DeliveryError(
        'redirect-elsewhere',
        `${call.method} ${call.url} was redirected (${response.status}) to another origin, ${target.origin}; not followed`,
        false,
      );
    if (redirects >= MAX_REDIRECTS)
      throw new DeliveryError(
        'too-many-redirects',
        `${call.method} ${call.url} was redirected more than ${MAX_REDIRECTS} times`,
        false,
      );
    // A 303 (and, as browsers do, a 301/302 of a POST) continues as a GET without the body.
    const asGet =
      response.status === 303 ||
      (current.method === 'POST' && response.status !== 307 && response.status !== 308);
    current = asGet
      ? { method: 'GET', url: target.href, body: undefined }
      : { ...current, url: target.href };
  }
}

async function send(
  call: HttpCall,
  request: { method: string; url: string; body: unknown },
  signal: AbortSignal,
): Promise<Response> {
  try {
    return await fetch(request.url, {
      method: request.method,
      headers: {
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...call.headers,
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      redirect: 'manual',
      signal,
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
}

async function answerOf(response: Response): Promise<HttpAnswer> {
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

/** The start of an answer's body for an error message, credentials redacted. */
export function describeBody(body: unknown): string {
  const text = redactSecrets(typeof body === 'string' ? body : JSON.stringify(body));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
