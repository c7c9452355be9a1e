import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';
import type { CommittedListener } from '../runtime/step-log.ts';
import type { InstanceDetail } from './instance-queries.ts';

/** Hears one instance's detail as JSON text (as `GET /api/instances/:id` answers it). */
type Listener = (detailJson: string) => void;

/** What the feed needs: the runtime's step hook and the instance route's own read. */
export interface InstanceFeedSources {
  /** `runtime.steps.onCommitted`: called after each committed step; returns a stop. */
  onCommitted(listener: CommittedListener): () => void;
  /** `InstanceQueries.get`: reads this process's not-yet-written copy first. */
  get(id: string): Promise<InstanceDetail | null>;
}

interface Followed {
  listeners: Map<Listener, { last: string }>;
  running: Promise<void> | undefined;
  again: boolean;
}

/**
 * Hands each open instance page its instance's detail whenever it changed: at once on
 * subscribing, then after each step of that instance this process commits (looks that overlap
 * are folded into one more look). What no step of this process tells — a step made by another
 * server process, an effect delivered or dead-lettered after its step — is seen by a sweep
 * `sweepEveryMs` after the last one ended, while any page follows. A listener hears a detail
 * only when it differs from the last one it heard. It listens to the runtime only while a page
 * follows some instance.
 */
export class InstanceFeed {
  readonly #sources: InstanceFeedSources;
  readonly #followed = new Map<string, Followed>();
  readonly #clock: Clock;
  readonly #sweepEveryMs: number;
  #stopListening: (() => void) | undefined;
  #timer: Cancel | undefined;
  /** Counts sweeps scheduled and stops: a sweep that ends after a stop schedules no other. */
  #round = 0;
  #closed = false;

  constructor(
    sources: InstanceFeedSources,
    options: { sweepEveryMs?: number; clock?: Clock } = {},
  ) {
    this.#sources = sources;
    this.#clock = options.clock ?? systemClock;
    this.#sweepEveryMs = options.sweepEveryMs ?? 2000;
  }

  /** Follows instance `id`: `listener` hears its detail now and after each of its steps. */
  subscribe(id: string, listener: Listener): () => void {
    if (this.#closed) return () => {};
    let followed = this.#followed.get(id);
    if (!followed) {
      followed = { listeners: new Map(), running: undefined, again: false };
      this.#followed.set(id, followed);
    }
    followed.listeners.set(listener, { last: '' });
    this.#stopListening ??= this.#sources.onCommitted((instance) => this.changed(instance._id));
    this.changed(id);
    this.#schedule();
    return () => {
      const current = this.#followed.get(id);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) this.#followed.delete(id);
      if (this.#followed.size === 0) this.#stopFollowing();
    };
  }

  /** Instance `id` changed: look again (once more if a look is running). */
  changed(id: string): void {
    const followed = this.#followed.get(id);
    if (!followed || this.#closed) return;
    if (followed.running) {
      followed.again = true;
      return;
    }
    followed.running = this.#look(id, followed).finally(() => {
      followed.running = undefined;
      if (followed.again) {
        followed.again = false;
        this.changed(id);
      }
    });
  }

  /** How many pages follow an instance now. */
  get openStreams(): number {
    let count = 0;
    for (const followed of this.#followed.values()) count += followed.listeners.size;
    return count;
  }

  close(): void {
    this.#closed = true;
    this.#followed.clear();
    this.#stopFollowing();
  }

  #stopFollowing(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#timer?.();
    this.#timer = undefined;
    this.#round++;
  }

  /** The next sweep, unless one is due or nothing is followed. */
  #schedule(): void {
    if (this.#timer || this.#closed || this.#followed.size === 0) return;
    const round = ++this.#round;
    this.#timer = this.#clock.after(this.#sweepEveryMs, async () => {
      for (const id of this.#followed.keys()) this.changed(id);
      await Promise.all([...this.#followed.values()].map((followed) => followed.running));
      if (round !== this.#round) return;
      this.#timer = undefined;
      this.#schedule();
    });
  }

  async #look(id: string, followed: Followed): Promise<void> {
    try {
      const detail = await this.#sources.get(id);
      if (!detail) return;
      const json = JSON.stringify(detail);
      for (const [listener, heard] of followed.listeners) {
        if (heard.last === json) continue;
        heard.last = json;
        listener(json);
      }
    } catch {
      // The store is unavailable for a moment: the next step or sweep looks again.
    }
  }
}
