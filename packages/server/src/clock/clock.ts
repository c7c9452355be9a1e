/**
 * The server's one clock. Everything that reads the time or waits for it (sweeps, rollups,
 * sessions, rate limits, idle closing, stale claims) asks the clock it was given, so tests can
 * move time instead of waiting for it (`TestClock` in `@xiaoer/server/testing`).
 *
 * Agenda keeps its own time: durable journey timers and delivery retries fire on the store's
 * schedule, read from `Date`. A test moves those with a `TestClock` that moves `Date` too
 * (`movesDate`, moved-date.ts); production reads the real `Date`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `task` once, `ms` from now; returns a function that cancels it. */
  after(ms: number, task: () => unknown): Cancel;
  /** Calls `task` every `ms`; returns a function that stops it. */
  every(ms: number, task: () => unknown): Cancel;
}

export type Cancel = () => void;

/** The current time of `clock` as a Date. */
export const dateOf = (clock: Clock): Date => new Date(clock.now());

/**
 * Real time. Its timers do not keep the process alive (a server stops them on `stop()`; a
 * command line run that ends must not wait for a sweep).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, task) {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
  every(ms, task) {
    const timer = setInterval(task, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
