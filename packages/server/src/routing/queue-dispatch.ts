import type { RoutingModels } from '../model/models.ts';
import {
  handoffJson,
  type AgentRecord,
  type HandoffRecord,
  type LastAgentRecord,
} from '../model/routing.model.ts';
import { replaceById } from '../model/replace-by-id.ts';
import { selectAgent, type AgentCandidate } from './agent-selection.ts';
import type { AssignmentClaims } from './assignment-claims.ts';
import type { AssignedEvent, AssignedListener } from './handoff-request.ts';
import { orderQueue, type QueueOrderOptions } from './queue-order.ts';

/**
 * A claim this old whose handoff still waits was left by a process that died between claiming
 * and marking the handoff assigned (milliseconds apart when alive); it is released.
 */
export const STALE_CLAIM_MS = 30_000;

export interface QueueDispatchOptions {
  now: () => Date;
  queue: QueueOrderOptions;
  onError: (error: unknown) => void;
}

/**
 * Assigns waiting handoffs to available agents, queue by queue, in queue order. Runs are
 * serialized within a process (a run asked for during a run is done once after it); across
 * processes the claims keep assignments single and within capacity.
 */
export class QueueDispatch {
  readonly #models: RoutingModels;
  readonly #claims: AssignmentClaims;
  readonly #options: QueueDispatchOptions;
  readonly #listeners = new Set<AssignedListener>();
  #running: Promise<void> | undefined;
  #again: Promise<void> | undefined;

  constructor(models: RoutingModels, claims: AssignmentClaims, options: QueueDispatchOptions) {
    this.#models = models;
    this.#claims = claims;
    this.#options = options;
  }

  onAssigned(listener: AssignedListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Assigns what can be assigned now; resolves when a run that started after the call ends. */
  run(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#assignAll().finally(() => (this.#running = undefined));
      return this.#running;
    }
    this.#again ??= this.#running.then(() => {
      this.#again = undefined;
      return this.run();
    });
    return this.#again;
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => {});
  }

  async #assignAll(): Promise<void> {
    const waiting = handoffJson.decodeAll(
      await this.#models.Handoffs.find({ status: 'waiting' }, { context: 0 }).lean(),
    );
    if (waiting.length === 0) return;
    const [agents, counts] = await Promise.all([
      this.#models.Agents.find({ status: 'online' }).lean<AgentRecord[]>(),
      this.#claims.activeCounts(),
    ]);
    const candidates: AgentCandidate[] = agents.map((agent) => ({
      ...agent,
      active: counts.get(agent._id) ?? 0,
    }));
    const now = this.#options.now();
    const groups = new Set(waiting.map((h) => h.group));
    for (const group of groups) {
      const queue = orderQueue(
        waiting.filter((h) => h.group === group),
        now,
        this.#options.queue,
      );
      for (const handoff of queue) if (!(await this.#assignOne(handoff, candidates))) break;
    }
  }

  /** False when no agent of the group is available any more (the rest of the queue waits). */
  async #assignOne(handoff: HandoffRecord, candidates: AgentCandidate[]): Promise<boolean> {
    const last = await this.#models.LastAgents.findById(
      handoff.customer.id,
    ).lean<LastAgentRecord>();
    for (;;) {
      const agent = selectAgent(candidates, handoff.group, last?.agentId);
      if (!agent) return false;
      const at = this.#options.now();
      const result = await this.#claims.claim(handoff._id, agent, at);
      if (result === 'taken') {
        await this.#releaseIfStale(handoff._id, at);
        return true;
      }
      if (result === 'full') {
        agent.active = agent.maxConcurrent;
        continue;
      }
      // Closed or transferred since we read it: give the slot back.
      const current = await this.#models.Handoffs.findById(handoff._id, { status: 1 }).lean();
      if (current?.status !== 'waiting') {
        await this.#claims.release(handoff._id);
        return true;
      }
      await this.#record(handoff, agent, at);
      this.#emit({
        handoff: { ...(await this.#full(handoff._id)) },
        agentId: agent._id,
        sticky: last?.agentId === agent._id,
      });
      return true;
    }
  }

  /** Frees a claim left by a dead process, so the next pass assigns the handoff. */
  async #releaseIfStale(handoffId: string, now: Date): Promise<void> {
    const claim = await this.#models.Assignments.findById(handoffId).lean();
    if (!claim || now.getTime() - claim.assignedAt.getTime() < STALE_CLAIM_MS) return;
    const current = await this.#models.Handoffs.findById(handoffId, { status: 1 }).lean();
    if (current?.status === 'waiting') await this.#claims.release(handoffId);
  }

  async #record(handoff: HandoffRecord, agent: AgentCandidate, at: Date): Promise<void> {
    agent.active += 1;
    agent.lastActiveAt = at;
    await Promise.all([
      this.#models.Handoffs.updateOne(
        { _id: handoff._id },
        { $set: { status: 'assigned', agentId: agent._id, assignedAt: at } },
      ),
      this.#models.Agents.updateOne({ _id: agent._id }, { $set: { lastActiveAt: at } }),
      // Two handoffs of one customer may be assigned at once (by two processes).
      replaceById(this.#models.LastAgents, handoff.customer.id, {
        _id: handoff.customer.id,
        agentId: agent._id,
        at,
      }),
    ]);
  }

  async #full(id: string): Promise<HandoffRecord> {
    return handoffJson.decode(await this.#models.Handoffs.findById(id).lean());
  }

  #emit(event: AssignedEvent): void {
    for (const listener of this.#listeners)
      try {
        listener(event);
      } catch (error) {
        this.#options.onError(error);
      }
  }
}
