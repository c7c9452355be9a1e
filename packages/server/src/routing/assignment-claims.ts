import type { RoutingModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import type { AssignmentRecord } from '../model/routing.model.ts';

/** `claimed`: the handoff is now this agent's; `taken`: another process claimed it first;
 * `full`: the agent had no free slot (the claim was rolled back). */
export type ClaimResult = 'claimed' | 'taken' | 'full';

/**
 * Claims of handoffs by agents, safe with several server processes on one store.
 *
 * FerretDB 1.x has no transactions and its conditional updates are not atomic across writers,
 * but an insert on `_id` has exactly one winner. So a handoff is claimed by inserting
 * `{ _id: handoffId, agentId }`; the agent's capacity is checked by counting its claims after
 * the insert and rolling ours back when over. Of two racing claims on an agent's last slot, the
 * one inserted last sees both and rolls back; if both count both, both roll back and retry
 * later: an agent may be under-assigned for a moment, never over-assigned.
 */
export class AssignmentClaims {
  readonly #models: RoutingModels;

  constructor(models: RoutingModels) {
    this.#models = models;
  }

  async claim(
    handoffId: string,
    agent: { _id: string; maxConcurrent: number },
    at: Date,
  ): Promise<ClaimResult> {
    try {
      await this.#models.Assignments.create({ _id: handoffId, agentId: agent._id, assignedAt: at });
    } catch (error) {
      if (isDuplicateKey(error)) return 'taken';
      throw error;
    }
    const active = await this.#models.Assignments.countDocuments({ agentId: agent._id });
    if (active <= agent.maxConcurrent) return 'claimed';
    await this.release(handoffId);
    return 'full';
  }

  /** Frees the handoff's slot (nothing happens when it holds none). */
  async release(handoffId: string): Promise<void> {
    await this.#models.Assignments.deleteOne({ _id: handoffId });
  }

  /** Active handoffs per agent id. */
  async activeCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const all = await this.#models.Assignments.find().lean<AssignmentRecord[]>();
    for (const assignment of all)
      counts.set(assignment.agentId, (counts.get(assignment.agentId) ?? 0) + 1);
    return counts;
  }

  async ofAgent(agentId: string): Promise<AssignmentRecord[]> {
    return this.#models.Assignments.find({ agentId }).lean<AssignmentRecord[]>();
  }
}
