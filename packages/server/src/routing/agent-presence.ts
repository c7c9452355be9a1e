import type { RoutingModels } from '../model/models.ts';
import type { AgentRecord } from '../model/routing.model.ts';
import type { Cancel, Clock } from '../clock/clock.ts';
import type { Router } from './router.ts';

/** How long an agent may go without a desk connection, and what happens then. */
export interface PresenceOptions {
  /**
   * Seconds without a desk connection of the agent after which an online or busy agent is set
   * away (`no-desk`); 0 never. Default 120.
   */
  awayAfterSeconds?: number;
  /**
   * Seconds without a desk connection after which the handoffs assigned to an agent set away
   * for it go back to their queues (counted from the last sighting, like the first); 0 never.
   * Default 600.
   */
  returnAfterSeconds?: number;
}

export const PRESENCE_DEFAULTS = { awayAfterSeconds: 120, returnAfterSeconds: 600 } as const;

/**
 * Who is at the desk. A desk keeps its agent present by its connection (the inbox stream,
 * which the server ends and the browser reopens every half grace, so a connection a lost
 * network left half open stops counting) and its requests. Each process notes sightings in
 * memory and writes the agent's `seenAt` at most once a quarter grace while it sees them; a
 * sweep as often, in every process, sets away the online or busy agents whom no process has
 * seen for the grace (`Router.absent`), and returns the handoffs of agents away for it longer
 * than `returnAfterSeconds` (`Router.returnHandoffs`). The store is the only thing shared, so
 * an agent connected to one process is never set away by another.
 */
export class AgentPresence {
  readonly #models: RoutingModels;
  readonly #router: Router;
  readonly #clock: Clock;
  readonly #awayAfterMs: number;
  readonly #returnAfterMs: number;
  readonly #onError: (error: unknown) => void;
  /** Open desk connections per agent in this process. */
  readonly #open = new Map<string, number>();
  /** The last sighting per agent in this process (ms), and the last one written. */
  readonly #seen = new Map<string, number>();
  readonly #written = new Map<string, number>();
  #sweeping: Promise<void> | undefined;

  constructor(
    models: RoutingModels,
    router: Router,
    options: PresenceOptions & { clock: Clock; onError?: (error: unknown) => void },
  ) {
    this.#models = models;
    this.#router = router;
    this.#clock = options.clock;
    this.#awayAfterMs = (options.awayAfterSeconds ?? PRESENCE_DEFAULTS.awayAfterSeconds) * 1000;
    this.#returnAfterMs =
      (options.returnAfterSeconds ?? PRESENCE_DEFAULTS.returnAfterSeconds) * 1000;
    this.#onError = options.onError ?? (() => {});
  }

  /** Whether agents are ever set away for want of a desk (`awayAfterSeconds` > 0). */
  get enabled(): boolean {
    return this.#awayAfterMs > 0;
  }

  /** How often sightings are written and absences swept: a quarter of the grace. */
  get sweepEveryMs(): number {
    return Math.max(100, Math.floor(this.#awayAfterMs / 4));
  }

  /**
   * How long one desk connection counts before the server ends it and the browser reconnects:
   * half the grace (undefined when presence is off: connections then last).
   */
  get connectionLifetimeMs(): number | undefined {
    return this.enabled ? Math.max(200, Math.floor(this.#awayAfterMs / 2)) : undefined;
  }

  /** A request of the agent's desk: they are here now. */
  seen(agentId: string): void {
    this.#seen.set(agentId, this.#clock.now());
  }

  /** A desk connection of the agent opened; the returned function says it closed (once). */
  connected(agentId: string): () => void {
    this.seen(agentId);
    this.#open.set(agentId, (this.#open.get(agentId) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.seen(agentId);
      const left = (this.#open.get(agentId) ?? 1) - 1;
      if (left > 0) this.#open.set(agentId, left);
      else this.#open.delete(agentId);
    };
  }

  /** Sweeps every {@link sweepEveryMs} until the returned function is called. */
  start(): Cancel {
    if (!this.enabled) return () => {};
    return this.#clock.every(this.sweepEveryMs, () => this.sweep());
  }

  /** Writes this process's sightings, then sets away and returns what is due (one at a time). */
  sweep(): Promise<void> {
    this.#sweeping ??= this.#sweep()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => (this.#sweeping = undefined));
    return this.#sweeping;
  }

  /** Waits for a running sweep (shutdown). */
  async idle(): Promise<void> {
    await this.#sweeping;
  }

  async #sweep(): Promise<void> {
    const now = this.#clock.now();
    for (const agentId of this.#open.keys()) this.#seen.set(agentId, now);
    await this.#write();
    if (!this.enabled) return;
    const notAway = await this.#models.Agents.find(
      { status: { $ne: 'away' } },
      { _id: 1, seenAt: 1, lastActiveAt: 1 },
    ).lean<Pick<AgentRecord, '_id' | 'seenAt' | 'lastActiveAt'>[]>();
    const seenBefore = new Date(now - this.#awayAfterMs);
    // Only those whom no process has noted since: one write per agent actually gone, not one
    // per agent per sweep (the router's own filter still decides, against a sighting meanwhile).
    for (const agent of notAway)
      if (
        (agent.seenAt ?? agent.lastActiveAt).getTime() < seenBefore.getTime() &&
        !this.#seenHereSince(agent._id, seenBefore.getTime())
      )
        await this.#router.absent(agent._id, seenBefore);
    if (this.#returnAfterMs > 0) await this.#returnDue(now);
  }

  /** One write per agent seen here since this process last wrote (the sweep paces them). */
  async #write(): Promise<void> {
    for (const [agentId, at] of this.#seen) {
      if (at <= (this.#written.get(agentId) ?? -Infinity)) continue;
      this.#written.set(agentId, at);
      await this.#models.Agents.updateOne({ _id: agentId }, { $set: { seenAt: new Date(at) } });
      if (!this.#open.has(agentId)) this.#seen.delete(agentId);
    }
  }

  #seenHereSince(agentId: string, since: number): boolean {
    return this.#open.has(agentId) || (this.#seen.get(agentId) ?? -Infinity) >= since;
  }

  /** Agents set away for want of a desk who still hold handoffs, longer than the return delay. */
  async #returnDue(now: number): Promise<void> {
    const away = await this.#models.Agents.find(
      { status: 'away', awayReason: 'no-desk' },
      { _id: 1, seenAt: 1, lastActiveAt: 1 },
    ).lean<Pick<AgentRecord, '_id' | 'seenAt' | 'lastActiveAt'>[]>();
    const before = now - this.#returnAfterMs;
    const due = away
      .filter((agent) => (agent.seenAt ?? agent.lastActiveAt).getTime() < before)
      .map((agent) => agent._id)
      .filter((agentId) => !this.#seenHereSince(agentId, before));
    if (due.length === 0) return;
    const holding = await this.#models.Assignments.find(
      { agentId: { $in: due } },
      { agentId: 1 },
    ).lean<{ agentId: string }[]>();
    for (const agentId of new Set(holding.map((claim) => claim.agentId)))
      await this.#router.returnHandoffs(agentId, 'agent-away');
  }
}
