import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Model } from 'mongoose';
import type { HeartbeatRecord } from '../model/heartbeat.model.ts';
import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';

export interface LivenessOptions {
  /** How often this process says it is alive. Default 1 s. */
  beatEveryMs?: number;
  /** A process silent this long is gone: its claims are taken over. Default 5 s. */
  goneAfterMs?: number;
}

export const LIVENESS_DEFAULTS = { beatEveryMs: 1000, goneAfterMs: 5000 } as const;

/**
 * Which server processes are alive: each writes a heartbeat every second. Claims (outbox
 * entries, inbox entries, effect attempts) name the process that holds them, so when a process
 * dies (kill -9, a lost machine) the others take its work over within seconds, instead of
 * waiting for the claims to grow stale (the time a slow but live step may take). Only work that
 * was really under way in the dead process can then be done twice.
 */
export class ProcessLiveness {
  /** `host:pid:random`: unique even when a pid is reused. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  readonly #heartbeats: Model<HeartbeatRecord>;
  readonly #beatEveryMs: number;
  readonly goneAfterMs: number;
  readonly #clock: Clock;
  #stopBeating: Cancel | undefined;
  /** The beat being written, if any: one at a time. */
  #beating: Promise<void> | undefined;
  /** Heartbeats read lately, so a sweep over many claims reads each process once. */
  readonly #seen = new Map<string, { beatAt: number; readAt: number }>();

  constructor(
    heartbeats: Model<HeartbeatRecord>,
    options: LivenessOptions = {},
    clock: Clock = systemClock,
  ) {
    this.#heartbeats = heartbeats;
    this.#clock = clock;
    this.#beatEveryMs = options.beatEveryMs ?? LIVENESS_DEFAULTS.beatEveryMs;
    this.goneAfterMs = options.goneAfterMs ?? LIVENESS_DEFAULTS.goneAfterMs;
  }

  /**
   * Starts beating (the first beat is written before this resolves). A beat falls out while the
   * one before is still being written: on a store that stopped answering, a write a second
   * piled up, and all of them failed at once when the driver gave up (37 warnings at one time).
   */
  async start(onError: (error: unknown) => void): Promise<void> {
    await this.#beat();
    this.#stopBeating = this.#clock.every(this.#beatEveryMs, () => {
      this.#beating ??= this.#beat()
        .catch(onError)
        .finally(() => (this.#beating = undefined));
    });
  }

  /** Stops beating and says goodbye: the others may take over at once. */
  async stop(): Promise<void> {
    this.#stopBeating?.();
    this.#stopBeating = undefined;
    // A beat still being written would write the heartbeat again after the goodbye.
    await this.#beating;
    await this.#heartbeats.deleteOne({ _id: this.id }).catch(() => undefined);
  }

  /**
   * Whether the process that holds a claim is gone: not this one, and its heartbeat is missing
   * or older than `goneAfterMs`. Unknown holders (claims written before processes named
   * themselves) are never gone here: their claims go stale by age.
   */
  async gone(holder: string | undefined, now = Date.now()): Promise<boolean> {
    if (!holder || holder === this.id) return false;
    return now - (await this.#beatAt(holder, now)) > this.goneAfterMs;
  }

  /**
   * Whether the process that holds a claim is another one that is beating: its claims are its
   * own to finish, however old they are (a step or an effect that takes longer than the stale
   * time under load is slow, not lost; taking it over sent a message twice).
   */
  async alive(holder: string | undefined, now = Date.now()): Promise<boolean> {
    if (!holder || holder === this.id) return false;
    return now - (await this.#beatAt(holder, now)) <= this.goneAfterMs;
  }

  /** The holder's last beat (0 when it has none), read at most once a beat per holder. */
  async #beatAt(holder: string, now: number): Promise<number> {
    let seen = this.#seen.get(holder);
    if (!seen || now - seen.readAt > this.#beatEveryMs) {
      const beat = await this.#heartbeats.findById(holder).lean<HeartbeatRecord>();
      seen = { beatAt: beat ? new Date(beat.beatAt).getTime() : 0, readAt: now };
      this.#seen.set(holder, seen);
      if (this.#seen.size > 1000) this.#seen.clear();
    }
    return seen.beatAt;
  }

  /**
   * The beat's time is the store's when it applies the write, not this process's when it sent
   * it: a beat that waited seconds behind a busy store's other commands says that the process
   * was alive then, and a process is judged gone by the beats that reached the store.
   */
  async #beat(): Promise<void> {
    await this.#heartbeats.updateOne(
      { _id: this.id },
      { $currentDate: { beatAt: true } },
      { upsert: true },
    );
  }
}

/**
 * The claims among `claims` (all at least `goneAfterMs` old, or all when there is no liveness)
 * that are abandoned: held by a process that is gone, or older than `staleAfterMs` and not held
 * by another process that is still beating (this process's own, or unknown holders').
 */
export async function abandoned<T extends { process?: string }>(
  claims: T[],
  at: (claim: T) => Date,
  staleAfterMs: number,
  liveness: ProcessLiveness | undefined,
  now = Date.now(),
): Promise<T[]> {
  const found: T[] = [];
  for (const claim of claims)
    if (
      (await liveness?.gone(claim.process, now)) ||
      (now - new Date(at(claim)).getTime() >= staleAfterMs &&
        !(await liveness?.alive(claim.process, now)))
    )
      found.push(claim);
  return found;
}

/**
 * The newest a claim can be and still be abandoned: `staleAfterMs` old, or as old as a gone
 * process's last beat can be (what to read before {@link abandoned} sorts them out).
 */
export function abandonedBefore(
  staleAfterMs: number,
  liveness: ProcessLiveness | undefined,
  now = Date.now(),
): Date {
  return new Date(now - Math.min(staleAfterMs, liveness?.goneAfterMs ?? staleAfterMs));
}
