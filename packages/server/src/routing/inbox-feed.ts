import type { AgentRecord, HandoffRecord } from '../model/routing.model.ts';
import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';
import type { QueueSummary } from './handoff-request.ts';
import type { Router } from './router.ts';

/** What an agent's desk shows of routing: who they are, their handoffs, the queues. */
export interface InboxView {
  agent: AgentRecord;
  handoffs: HandoffRecord[];
  queues: QueueSummary[];
}

/** Hears the view as JSON text (as the inbox route answers it: dates as ISO text). */
type Listener = (viewJson: string) => void;

/**
 * Hands each open desk its inbox view whenever it changed. A change this process makes
 * (`Router.onChange`) is looked at at once; one made by another server process, and the
 * queues' waiting time, by a sweep `sweepEveryMs` after the last look ended while any desk
 * follows. A listener hears a view only when it differs from the last one it heard.
 */
export class InboxFeed {
  readonly #routing: Router;
  readonly #clock: Clock;
  readonly #sweepEveryMs: number;
  /** Per listener: the agent it follows and the last view it was given (as JSON). */
  readonly #listeners = new Map<Listener, { agentId: string; last: string }>();
  readonly #stopFollowing: () => void;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: Cancel | undefined;
  #closed = false;

  constructor(routing: Router, options: { sweepEveryMs?: number; clock?: Clock } = {}) {
    this.#routing = routing;
    this.#clock = options.clock ?? systemClock;
    this.#sweepEveryMs = options.sweepEveryMs ?? 1000;
    this.#stopFollowing = routing.onChange(() => this.changed());
  }

  /** Follows `agentId`'s view: `listener` hears it now and after each change. */
  subscribe(agentId: string, listener: Listener): () => void {
    this.#listeners.set(listener, { agentId, last: '' });
    this.changed();
    return () => void this.#listeners.delete(listener);
  }

  /** Something changed: look again (once more if a look is running). */
  changed(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer?.();
    this.#timer = undefined;
    this.#running = this.#look().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.changed();
      } else this.#schedule();
    });
  }

  get openStreams(): number {
    return this.#listeners.size;
  }

  close(): void {
    this.#closed = true;
    this.#timer?.();
    this.#stopFollowing();
    this.#listeners.clear();
  }

  #schedule(): void {
    if (this.#timer || this.#closed || this.#listeners.size === 0) return;
    this.#timer = this.#clock.after(this.#sweepEveryMs, () => {
      this.#timer = undefined;
      this.changed();
    });
  }

  async #look(): Promise<void> {
    if (this.#listeners.size === 0) return;
    try {
      const agentIds = new Set([...this.#listeners.values()].map((l) => l.agentId));
      const queues = await this.#routing.queues();
      const views = new Map<string, string>();
      for (const agentId of agentIds) {
        const [agent, handoffs] = await Promise.all([
          this.#routing.directory.agent(agentId),
          this.#routing.inbox(agentId),
        ]);
        const view: InboxView = { agent, handoffs, queues };
        views.set(agentId, JSON.stringify(view));
      }
      for (const [listener, followed] of this.#listeners) {
        const view = views.get(followed.agentId);
        if (view === undefined || view === followed.last) continue;
        followed.last = view;
        listener(view);
      }
    } catch {
      // The store (or the agent record) is unavailable for a moment: the next look tries again.
    }
  }
}
