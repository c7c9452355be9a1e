import { DateTime } from 'luxon';
import { parseDuration } from '../time/duration.ts';

/**
 * A clock that only moves when told to: journeys' tests skip days in microseconds.
 * Times are ISO 8601 strings in the start time's offset.
 *
 * @example
 * const clock = new VirtualClock('2026-03-01T10:00:00+08:00');
 * clock.advance('2h'); // '2026-03-01T12:00:00.000+08:00'
 */
export class VirtualClock {
  #now: DateTime;

  constructor(start: string) {
    const parsed = DateTime.fromISO(start, { setZone: true });
    if (!parsed.isValid) throw new Error(`Invalid start time "${start}"`);
    this.#now = parsed;
  }

  get now(): string {
    return this.#now.toISO() as string;
  }

  /** Moves forward by a duration (`'3d'`, `'2h'`, `'PT30M'`) and returns the new time. */
  advance(duration: string): string {
    const ms = parseDuration(duration);
    if (ms === null) throw new Error(`Invalid duration "${duration}"`);
    this.#now = this.#now.plus({ milliseconds: ms });
    return this.now;
  }

  /** Moves to a later time; never backwards. */
  set(time: string): string {
    const next = DateTime.fromISO(time, { setZone: true }).setZone(this.#now.zone);
    if (!next.isValid) throw new Error(`Invalid time "${time}"`);
    if (next < this.#now) throw new Error(`The clock cannot go back from ${this.now} to ${time}`);
    this.#now = next;
    return this.now;
  }

  /** True when `time` is at or before now. */
  reached(time: string): boolean {
    return DateTime.fromISO(time, { setZone: true }) <= this.#now;
  }

  /** Milliseconds since epoch, for ordering. */
  static millis(time: string): number {
    return DateTime.fromISO(time, { setZone: true }).toMillis();
  }
}
