import type { mongo } from 'mongoose';
import { vi } from 'vitest';

/** A store process and the clients whose commands go to it (with `monitorCommands`). */
export interface HeldStore {
  pid: number;
  clients: mongo.MongoClient[];
}

/** Checks (5 ms apart) that the store stays held for writes still to come: a tenth of a second. */
const PATIENCE = 20;

/**
 * Runs `requests` at once, their writes that `meets` meeting at the store: when one starts,
 * the store process is stopped (SIGSTOP) until every request still running has such a write
 * and nothing else waiting on it, then goes on (SIGCONT) with them together. A race that a
 * busy store meets now and then (two upserts of one new `_id`) is met most rounds this way.
 * Held a tenth of a second with a request short of its write (a read of it was caught by the
 * stop, or a pool opens a connection), the store goes on: that round merely races less.
 */
export async function writesMeet<T>(
  store: HeldStore,
  meets: (command: mongo.CommandStartedEvent) => boolean,
  requests: (() => Promise<T>)[],
): Promise<T[]> {
  let running = requests.length;
  let stopped = false;
  let patience = PATIENCE;
  /** Commands sent and not answered: whether each is a meeting write. */
  const inFlight = new Map<string, boolean>();
  const goOn = () => {
    if (!stopped) return;
    stopped = false;
    process.kill(store.pid, 'SIGCONT');
  };
  const step = () => {
    const waiting = [...inFlight.values()];
    if (waiting.length >= running && waiting.every(Boolean)) goOn();
  };
  const offs = store.clients.map((client, index) => {
    const started = (command: mongo.CommandStartedEvent) => {
      const meeting = meets(command);
      inFlight.set(`${index}:${command.requestId}`, meeting);
      if (meeting && !stopped) {
        stopped = true;
        patience = PATIENCE;
        process.kill(store.pid, 'SIGSTOP');
      }
      step();
    };
    const ended = (command: mongo.CommandSucceededEvent | mongo.CommandFailedEvent) => {
      inFlight.delete(`${index}:${command.requestId}`);
      step();
    };
    client.on('commandStarted', started);
    client.on('commandSucceeded', ended);
    client.on('commandFailed', ended);
    return () => {
      client.off('commandStarted', started);
      client.off('commandSucceeded', ended);
      client.off('commandFailed', ended);
    };
  });
  const all = Promise.allSettled(
    requests.map((request) =>
      request().finally(() => {
        running -= 1;
        step();
      }),
    ),
  );
  let settled = false;
  void all.then(() => (settled = true));
  try {
    await vi.waitFor(
      () => {
        if (stopped && --patience <= 0) goOn();
        if (!settled) throw new Error(`${running} requests running`);
      },
      { timeout: 30_000, interval: 5 },
    );
  } finally {
    goOn();
    for (const off of offs) off();
  }
  return (await all).map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}
