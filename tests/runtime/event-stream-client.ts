import { expect } from 'vitest';

/** An open server-sent-events stream in a test: the events so far, a wait, and a close. */
export interface OpenStream<T> {
  events: T[];
  waitFor(match: (event: T) => boolean): Promise<T>;
  /** Settles once the stream ended, from either side. */
  ended: Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens `url` as an event stream with `token` (a console login's; or `headers` of its own,
 * such as a chat's `x-chat-token`) and collects the events named `name` (their `data` parsed as
 * JSON). Fails the test unless the answer is a 200 event stream.
 */
export async function openStream<T>(
  url: string,
  token: string,
  name: string,
  headers: Record<string, string> = { authorization: `Bearer ${token}` },
): Promise<OpenStream<T>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers,
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: T[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const pattern = new RegExp(`^event: ${name}\\ndata: (.*)$`, 'm');
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = pattern.exec(block)?.[1];
        if (data) events.push(JSON.parse(data) as T);
      }
    }
  })();
  return {
    events,
    waitFor: (match) =>
      expect
        .poll(() => events.find(match), { timeout: 10_000, interval: 50 })
        .toBeDefined()
        .then(() => events.find(match)!),
    ended: reading,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}
