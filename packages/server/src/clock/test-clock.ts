import type { Cancel, Clock } from './clock.ts';
import { moveDateAhead, restoreDate } from './moved-date.ts';

interface Pending {
  dueAt: number;
  task: () => unknown;
  /** Repeats every this many ms (`every`); absent for `after`. */
  everyMs?: number;
  timer?: NodeJS.Timeout;
}

/**
 * A clock for integration tests that runs with real time and can be moved ahead of it:
 * `advance(ms)` puts the clock `ms` later and runs, in order, every task that fell due,
 * waiting for what they return. Untouched, it behaves as the real clock, so a test that does
 * not move time still sees sweeps and flushes happen.
 *
 * @example
 * const h = await startHarness();
 * await h.clock.advance(31 * 60_000); // the idle sweep runs now, 31 minutes later
 *
 * With `movesDate`, `advance` moves `Date` itself (see moved-date.ts) rather than only this
 * clock, so that Agenda's jobs (journey timers, delivery retries) fall due as well. Before each
 * move it awaits `movesDate.settled()`: the harness waits there until no Agenda job is locked,
 * since a lock older than its lifetime looks expired and its job could run twice. `restore()`
 * puts the real `Date` back (the harness's `close()`; test files share a process).
 *
 * @example
 * const h = await startHarness({ movesDate: true });
 * await h.clock.advance(1_000); // a journey's 1 s wait falls due; Agenda fires it at its next poll
 */
export class TestClock implements Clock {
  #offset = 0;
  readonly #pending = new Set<Pending>();
  readonly #movesDate: { settled(): Promise<void> } | undefined;

  constructor(options: { movesDate?: { settled(): Promise<void> } } = {}) {
    this.#movesDate = options.movesDate;
  }

  now(): number {
    return Date.now() + this.#offset;
  }

  after(ms: number, task: () => unknown): Cancel {
    return this.#add({ dueAt: this.now() + ms, task });
  }

  every(ms: number, task: () => unknown): Cancel {
    return this.#add({ dueAt: this.now() + ms, task, everyMs: Math.max(1, ms) });
  }

  /** Moves the clock `ms` ahead and runs the tasks due by then, the earliest first. */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError('A clock does not go back');
    if (this.#movesDate) {
      await this.#movesDate.settled();
      moveDateAhead(ms);
    } else this.#offset += ms;
    const until = this.now();
    for (let due = this.#earliest(until); due; due = this.#earliest(until)) {
      this.#disarm(due);
      if (due.everyMs) {
        // Once per move, as a real interval after a long pause: then every `everyMs` again.
        due.dueAt = until + due.everyMs;
        this.#arm(due);
      } else this.#pending.delete(due);
      await due.task();
    }
  }

  /** Puts the real `Date` back if this clock moved it (`movesDate`). */
  restore(): void {
    if (this.#movesDate) restoreDate();
  }

  #add(pending: Pending): Cancel {
    this.#pending.add(pending);
    this.#arm(pending);
    return () => {
      this.#disarm(pending);
      this.#pending.delete(pending);
    };
  }

  /** The real timer: a task still runs when real time reaches it. */
  #arm(pending: Pending): void {
    pending.timer = setTimeout(
      () => {
        pending.timer = undefined;
        if (pending.everyMs) {
          pending.dueAt = this.now() + pending.everyMs;
          this.#arm(pending);
        } else this.#pending.delete(pending);
        void pending.task();
      },
      Math.max(0, pending.dueAt - this.now()),
    );
    pending.timer.unref();
  }

  #disarm(pending: Pending): void {
    clearTimeout(pending.timer);
    pending.timer = undefined;
  }

  #earliest(until: number): Pending | undefined {
    let earliest: Pending | undefined;
    for (const pending of this.#pending)
      if (pending.dueAt <= until && (!earliest || pending.dueAt < earliest.dueAt))
        earliest = pending;
    return earliest;
  }
}
