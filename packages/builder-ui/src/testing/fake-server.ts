import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

/** A JSON answer of the fake server. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Answers the page's `fetch` with `answer` in every test of the file: `reset` runs before each
 * (clear what the last test recorded); after each, the page is unmounted and `fetch` restored.
 */
export function fakeServer(
  answer: (url: URL, init?: RequestInit) => Response | Promise<Response>,
  reset: () => void = () => {},
): void {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    answer(new URL(String(input), 'http://console.test'), init),
  );
  beforeEach(() => {
    reset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}
