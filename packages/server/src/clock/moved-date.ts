/**
 * `Date` moved ahead of real time, for tests only (`TestClock` with `movesDate`). Agenda and
 * the timer buckets read the time from `Date`, not from the server's clock: moving `Date`
 * makes a journey's timer or a delivery retry fall due now instead of seconds later.
 *
 * `Date.now()` and `new Date()` read real time plus the move, to the millisecond, and keep
 * running; `new Date(x)`, `Date.parse`, `instanceof Date` and dates made before are
 * untouched. Timers (`setTimeout`, Agenda's polls) keep real time. Production never calls this:
 * it runs on the real `Date`.
 */
let moved: { real: DateConstructor; aheadMs: number } | undefined;

/** Moves `Date` `ms` further ahead of real time, for everything in this process. */
export function moveDateAhead(ms: number): void {
  if (ms < 0) throw new RangeError('Date does not go back');
  if (!moved) {
    const real = globalThis.Date;
    const state = { real, aheadMs: 0 };
    const now = () => real.now() + state.aheadMs;
    globalThis.Date = new Proxy(real, {
      // `Date()` called as a function: the current time as text.
      apply: () => new real(now()).toString(),
      construct: (target, args, newTarget) =>
        Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
      get: (target, key, receiver) =>
        key === 'now' ? now : (Reflect.get(target, key, receiver) as unknown),
    });
    moved = state;
  }
  moved.aheadMs += ms;
}

/** Puts the real `Date` back. */
export function restoreDate(): void {
  if (!moved) return;
  globalThis.Date = moved.real;
  moved = undefined;
}
