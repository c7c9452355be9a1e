import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStore } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * How long the server waits for an unreachable store: its default, unless the connection
 * string (`MONGODB_URI`) names its own `serverSelectionTimeoutMS`. Found: the URI's value was
 * overridden by the driver option, so an operator's setting did nothing.
 */
let store: RunningStore;
beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => store?.stop());

const withOption = (uri: string, option: string) =>
  `${uri}${uri.includes('?') ? '&' : '?'}${option}`;

describe('the store connection', () => {
  it("should keep the URI's serverSelectionTimeoutMS, in any case, and default otherwise", async () => {
    const bounds: (number | undefined)[] = [];
    for (const [uri, timeoutMs] of [
      [withOption(store.uri, 'serverSelectionTimeoutMS=1234'), 10_000],
      [withOption(store.uri, 'serverselectiontimeoutms=4321'), 10_000],
      // Percent-encoded as a URI may be: the driver decodes the name and takes it.
      [withOption(store.uri, 'serverSelectionTimeout%4DS=1500'), 10_000],
      [store.uri, 2500],
      [store.uri, undefined],
    ] as const) {
      const connection = await connectStore({ ...store, uri }, timeoutMs);
      bounds.push(connection.getClient().options.serverSelectionTimeoutMS);
      await connection.close();
    }
    expect(bounds).toEqual([1234, 4321, 1500, 2500, 10_000]);
  });
});
