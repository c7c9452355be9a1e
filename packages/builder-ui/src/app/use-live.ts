import { useEffect } from 'react';

/** What a page hears from a server-sent event stream (`src/api/*.ts` opens it). */
export interface LiveHandlers<T> {
  /** The server's newest answer. */
  answer(value: T): void;
  /** The stream failed (the browser retries it by itself unless the server refused it). */
  lost(): void;
  /** The stream is open again. */
  back(): void;
}

/**
 * Keeps `set` fed with the server's live answer: from the stream `open` opens (null: nothing
 * to follow), and only while that stream is down (failed, refused with a 429, not yet back) by
 * asking `load` every `pollMs`. The first failed ask goes to `onError`. Pass stable functions
 * (`useCallback`): a new `open` or `load` follows anew.
 */
export function useLive<T>(
  open: ((on: LiveHandlers<T>) => () => void) | null,
  load: () => Promise<T>,
  set: (value: T) => void,
  onError: (error: unknown) => void,
  pollMs = 3000,
): void {
  useEffect(() => {
    if (!open) return;
    let every: ReturnType<typeof setInterval> | undefined;
    let told = false;
    let stopped = false;
    const ask = () => load().then((value) => void (stopped || set(value)));
    const stop = open({
      answer: (value) => void (stopped || set(value)),
      lost: () => {
        ask().catch((error: unknown) => {
          if (!told) onError(error);
          told = true;
        });
        every ??= setInterval(() => void ask().catch(() => undefined), pollMs);
      },
      back: () => {
        clearInterval(every);
        every = undefined;
      },
    });
    return () => {
      stopped = true;
      stop();
      clearInterval(every);
    };
  }, [open, load, set, onError, pollMs]);
}
