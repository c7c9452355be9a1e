import type { RoutingModels } from '../model/models.ts';
import { findByIds } from '../model/find-by-ids.ts';
import type { AgentRecord, HandoffRecord } from '../model/routing.model.ts';

/**
 * What other domains read of routing's records (analytics, quality): agents' names, the agents
 * online, one handoff. Routing owns the collections; the others ask here.
 */
export class RoutingReads {
  readonly #models: RoutingModels;

  constructor(models: RoutingModels) {
    this.#models = models;
  }

  /** The display names of these agents (by `_id`); an unknown agent is left out. */
  async agentNames(agentIds: readonly string[]): Promise<Map<string, string>> {
    const agents = await findByIds<AgentRecord>(this.#models.Agents, [...new Set(agentIds)], {
      displayName: 1,
    });
    return new Map(agents.map((agent) => [agent._id, agent.displayName]));
  }

  /** The agents online now. */
  onlineAgents(): Promise<AgentRecord[]> {
    return this.#models.Agents.find({ status: 'online' }).lean<AgentRecord[]>();
  }

  /** A handoff without its context (the customer's words), or null. */
  handoff(id: string): Promise<Omit<HandoffRecord, 'context'> | null> {
    return this.#models.Handoffs.findById(id, { context: 0 }).lean<Omit<
      HandoffRecord,
      'context'
    > | null>();
  }
}
