import type { Clock } from '../clock/clock.ts';
import type { CommittedListener } from '../runtime/step-log.ts';
import type { InstanceDetail } from './instance-queries.ts';
import { LiveQueries } from './live-queries.ts';

/** What the feed needs: the runtime's step hook and the instance route's own read. */
export interface InstanceFeedSources {
  /** `runtime.steps.onCommitted`: called after each committed step; returns a stop. */
  onCommitted(listener: CommittedListener): () => void;
  /** `InstanceQueries.get`: reads this process's not-yet-written copy first. */
  get(id: string): Promise<InstanceDetail | null>;
}

/**
 * Hands each open instance page its instance's detail whenever it changed: at once on
 * subscribing, then after each step of that instance this process commits (read through the
 * unwritten copy, so at once: no settling). What no step of this process tells — a step made
 * by another server process, an effect delivered or dead-lettered after its step — is seen at
 * the next sweep, every `sweepEveryMs` while any page follows. A listener hears a detail only
 * when it differs from the last one it heard (a {@link LiveQueries} keyed by instance).
 */
export class InstanceFeed {
  readonly #live: LiveQueries;
  readonly #get: (id: string) => Promise<InstanceDetail | null>;

  constructor(
    sources: InstanceFeedSources,
    options: { sweepEveryMs?: number; clock?: Clock } = {},
  ) {
    this.#get = sources.get;
    this.#live = new LiveQueries((listener) => sources.onCommitted(listener), {
      settleMs: 0,
      sweepEveryMs: options.sweepEveryMs ?? 2000,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  /** Follows instance `id`: `listener` hears its detail (JSON) now and after each of its steps. */
  subscribe(id: string, listener: (detailJson: string) => void): () => void {
    return this.#live.follow(
      id,
      () => this.#get(id),
      listener,
      (instance) => instance._id === id,
    );
  }

  /** How many pages follow an instance now. */
  get openStreams(): number {
    return this.#live.openStreams;
  }

  close(): void {
    this.#live.close();
  }
}
